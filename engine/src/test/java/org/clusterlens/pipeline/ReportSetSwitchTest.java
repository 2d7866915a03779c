package org.clusterlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.clusterlens.ingest.ClusterFolder;
import org.clusterlens.model.Cluster;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.SharedSpark;
import org.clusterlens.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report run replaces the folder's set of packs whole: a school taken out of schools.csv is left
 * out of every figure and its old packs go, and a run that cannot finish never leaves a set mixing
 * two runs without a note saying so.
 */
class ReportSetSwitchTest {

  @TempDir static Path shared;
  @TempDir Path dir;

  private static Warehouse warehouse;

  /** Both schools' autumn returns (three pupils each), held in one warehouse for every test. */
  @BeforeAll
  static void twoSchoolsHeld() {
    warehouse = new Warehouse(SharedSpark.session(), shared.resolve("warehouse").toString());
    warehouse.storeAll(
        List.of("100001", "100002").stream()
            .map(urn -> Fixtures.goodReturn(urn, "2024-25-autumn"))
            .toList());
  }

  /** The test cluster with school 100002 taken out of its schools.csv. */
  private Cluster withoutBeacon() throws IOException, ClusterFolder.InvalidClusterException {
    Path folder = Files.createDirectories(dir.resolve("cluster"));
    Files.copy(Fixtures.path("cluster/cluster.properties"), folder.resolve("cluster.properties"));
    Files.writeString(folder.resolve("schools.csv"), "urn,name\n100001,Ashdown Primary School\n");
    return ClusterFolder.read(folder);
  }

  /** A set an earlier run left, with both schools' packs. */
  private static Map<String, String> earlierSet(Path out) throws IOException {
    Map<String, String> files =
        Map.of(
            "governor-100001.html", "earlier run",
            "governor-100002.html", "earlier run",
            "governor-100002.xlsx", "earlier run",
            "self-evaluation-100002.txt", "earlier run",
            "metrics.csv", "earlier run");
    Files.createDirectories(out);
    for (var f : files.entrySet()) {
      Files.writeString(out.resolve(f.getKey()), f.getValue());
    }
    Files.writeString(out.resolve("my-own-notes.txt"), "an analyst's file");
    return files;
  }

  @Test
  void aSchoolTakenOutOfTheClusterIsLeftOutOfTheFiguresItsOldPacksGoAndTheRunSaysSo()
      throws Exception {
    Path out = dir.resolve("reports");
    earlierSet(out);

    ReportRun.Outcome outcome = ReportRun.run(withoutBeacon(), warehouse, out);

    assertThat(out.resolve("governor-100002.html")).doesNotExist();
    assertThat(out.resolve("governor-100002.xlsx")).doesNotExist();
    assertThat(out.resolve("self-evaluation-100002.txt")).doesNotExist();
    assertThat(out.resolve("governor-100001.html")).exists();
    assertThat(Files.readString(out.resolve("governor-100001.html"))).isNotEqualTo("earlier run");
    assertThat(out.resolve("my-own-notes.txt")).hasContent("an analyst's file");
    List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
    assertThat(metrics).noneMatch(line -> line.contains("100002"));
    // The cluster's own rows pool Ashdown's three pupils only, not Beacon's three as well.
    List<String> header = List.of(metrics.get(0).split(","));
    int school = header.indexOf("school");
    int denominator = header.indexOf("denominator");
    List<Integer> clusterDenominators =
        metrics.stream()
            .skip(1)
            .map(line -> line.split(",", -1))
            .filter(cells -> cells[school].equals("CLUSTER") && !cells[denominator].isEmpty())
            .map(cells -> (int) Double.parseDouble(cells[denominator]))
            .toList();
    assertThat(clusterDenominators).isNotEmpty().allMatch(n -> n <= 3);
    assertThat(outcome.warnings())
        .singleElement()
        .asString()
        .contains(
            "School 100002 has returns in the warehouse but is not in the cluster's schools.csv:"
                + " its pupils are left out of every figure");
    assertThat(out.resolve(ReportSet.UNFINISHED)).doesNotExist();
    assertThat(out.resolve(".clusterlens-report-being-written")).doesNotExist();
  }

  @Test
  void aRunThatCannotPutEveryFileInPlaceLeavesTheFolderMarkedUnfinished() throws Exception {
    Path out = dir.resolve("reports");
    Map<String, String> earlier = earlierSet(out);
    // Something in the way of one of the new files: a folder where cluster-pack.xlsx goes.
    Files.createDirectories(out.resolve("cluster-pack.xlsx/someone's folder"));

    assertThatThrownBy(() -> ReportRun.run(Fixtures.cluster(), warehouse, out))
        .hasMessageContaining("could not all be put in place");

    boolean markedUnfinished = Files.exists(out.resolve(ReportSet.UNFINISHED));
    boolean earlierSetWhole = true;
    for (var f : earlier.entrySet()) {
      Path p = out.resolve(f.getKey());
      earlierSetWhole &=
          Files.isRegularFile(p)
              && Arrays.equals(
                  Files.readAllBytes(p), f.getValue().getBytes(StandardCharsets.UTF_8));
    }
    assertThat(markedUnfinished || earlierSetWhole)
        .as("the folder is either the earlier set, whole, or says it is unfinished")
        .isTrue();
    assertThat(markedUnfinished).isTrue();
    assertThat(Files.readString(out.resolve(ReportSet.UNFINISHED)))
        .contains("Do not share or use them: run clusterlens report again");
  }
}
