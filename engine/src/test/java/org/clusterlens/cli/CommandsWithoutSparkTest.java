package org.clusterlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.clusterlens.ingest.ReturnReader;
import org.clusterlens.model.Term;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.SharedSpark;
import org.clusterlens.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that only read the warehouse's log or check a return start no Spark: each runs in a
 * process of its own whose Spark master is one no session could start on, so a session asked for
 * would fail the command. They answer as before: the history lists what is held, the template is
 * written, and a batch of rejected returns is reported return by return with nothing stored.
 */
class CommandsWithoutSparkTest {

  @TempDir Path dir;

  private record Run(int code, String printed) {}

  private Run clusterlens(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dspark.master=no-spark-may-start-here");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ClusterLens.class.getName());
    command.addAll(List.of(args));
    Path printed = dir.resolve("printed.txt");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(printed.toFile())
            .start();
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
    return new Run(process.exitValue(), Files.readString(printed, StandardCharsets.UTF_8));
  }

  private static List<String> files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.map(p -> folder.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void historyListsTheWarehouseWithoutStartingSpark() throws Exception {
    Path root = dir.resolve("warehouse");
    new Warehouse(SharedSpark.session(), root.toString())
        .store(
            new ReturnReader(Fixtures.cluster())
                .read(
                    Fixtures.path("returns/good-basic.csv"),
                    Optional.of("100001"),
                    Optional.of(Term.parse("2024-25-autumn")))
                .termlyReturn()
                .orElseThrow());

    Run run = clusterlens("history", "--warehouse", root.toString());

    assertThat(run.printed()).contains("Returns held now:", "Versions:");
    assertThat(run.printed())
        .containsPattern("100001 2024-25-autumn  good-basic.csv +3 pupils  stored .* version 0")
        .containsPattern("   0  .*  WRITE    1 return\\(s\\)")
        .doesNotContain("Exception");
    assertThat(run.code()).isEqualTo(ClusterLens.OK);
  }

  @Test
  void templateIsWrittenWithoutStartingSpark() throws Exception {
    Run run = clusterlens("template", "--out", "template.xlsx");

    assertThat(run.printed()).contains("Return template written to");
    assertThat(run.code()).isEqualTo(ClusterLens.OK);
    assertThat(dir.resolve("template.xlsx")).isNotEmptyFile();
  }

  @Test
  void aBatchOfRejectedReturnsIsReportedWithoutStartingSparkAndStoresNothing() throws Exception {
    Path returns = Files.createDirectories(dir.resolve("returns/2024-25/autumn"));
    Files.copy(Fixtures.path("returns/missing-required-column.csv"), returns.resolve("100001.csv"));
    Files.copy(Fixtures.path("returns/duplicate-upn.csv"), returns.resolve("100002.csv"));
    Path warehouse = Files.createDirectories(dir.resolve("warehouse"));
    List<String> before = files(warehouse);

    Run run =
        clusterlens(
            "ingest",
            "--cluster",
            Fixtures.path("cluster").toString(),
            "--warehouse",
            warehouse.toString(),
            "--feedback",
            dir.resolve("feedback").toString(),
            dir.resolve("returns").toString());

    assertThat(run.printed())
        .contains("100001.csv: REJECTED", "100002.csv: REJECTED", "0 of 2 returns accepted")
        .doesNotContain("Exception");
    assertThat(run.code()).isEqualTo(ClusterLens.BAD_INPUT);
    assertThat(files(warehouse)).isEqualTo(before);
    assertThat(dir.resolve("feedback")).isNotEmptyDirectory();
  }
}
