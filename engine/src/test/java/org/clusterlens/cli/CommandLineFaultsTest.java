package org.clusterlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.PrintedOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults a user makes on the command line, each answered at once with a sentence and exit code 2,
 * before Spark starts or any figure is computed.
 */
class CommandLineFaultsTest {

  @TempDir Path dir;

  @RegisterExtension final PrintedOutput terminal = new PrintedOutput();

  private String printed() {
    return terminal.text();
  }

  @Test
  void reportToAnOutFolderThatCannotBeWrittenSaysSoBeforeComputing() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("reports"), "a file, not a folder");

    int code =
        ClusterLens.run(
            "report",
            "--cluster",
            Fixtures.path("cluster").toString(),
            "--warehouse",
            dir.resolve("warehouse").toString(),
            "--out",
            notAFolder.toString());

    assertThat(code).isEqualTo(ClusterLens.BAD_INPUT);
    assertThat(printed())
        .contains(
            "The report folder " + notAFolder + " cannot be written, so no figures were computed")
        .doesNotContain("holds no returns")
        .doesNotContain("Exception");
  }

  @Test
  void restoreHelpShowsItsOptionsRatherThanAskingForThem() {
    int code = ClusterLens.run("restore", "--help");

    assertThat(code).isEqualTo(ClusterLens.OK);
    assertThat(printed())
        .contains("Usage: clusterlens restore", "--version=N", "--school=URN")
        .doesNotContain("Missing required option");
  }

  @Test
  void helpShowsEachLineOfACommandsDescriptionWhole() {
    int code = ClusterLens.run("figures", "--help");

    assertThat(code).isEqualTo(ClusterLens.OK);
    assertThat(printed())
        .contains(
            "\nthem as the tidy export (metrics.csv's columns), partitioned by year and term: for"
                + " an LA\n");
  }

  @Test
  void templateOutAnExistingFolderIsAUsageFault() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("returns"));

    int code = ClusterLens.run("template", "--out", folder.toString());

    assertThat(code).isEqualTo(ClusterLens.BAD_INPUT);
    assertThat(printed())
        .contains(
            "--out "
                + folder
                + " is a folder; give the workbook's file name, e.g. --out "
                + folder.resolve("return-template.xlsx"));
  }

  @Test
  void historyOfAWarehouseWithADamagedLogNamesTheFileAtOnce() throws Exception {
    Path log = Files.createDirectories(dir.resolve("warehouse/pupil_assessments/_delta_log"));
    Files.writeString(
        log.resolve("00000000000000000000.json"), "{\"commitInfo\":{\"timestamp\":1}}\n");
    Files.writeString(log.resolve("00000000000000000001.json"), "{\"commitInfo\":{\"tim");
    Files.writeString(log.resolve("00000000000000000002.json"), "{\"commitInfo\":{}}\n");

    int code = ClusterLens.run("history", "--warehouse", dir.resolve("warehouse").toString());

    assertThat(code).isEqualTo(ClusterLens.INTERNAL_FAILURE);
    assertThat(printed())
        .contains(
            "its log file "
                + log.resolve("00000000000000000001.json")
                + " (version 1) is damaged (it is cut short or corrupt). To get back to version 0,"
                + " move that file and the 1 newer one(s), up to version 2, out of "
                + log
                + " (keep them)")
        .doesNotContain("FAILED_READ_FILE")
        .doesNotContain("\tat ");
  }
}
