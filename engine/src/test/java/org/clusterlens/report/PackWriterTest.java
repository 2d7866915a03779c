package org.clusterlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.clusterlens.pipeline.PackWriter;
import org.clusterlens.pipeline.WrittenPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackWriterTest {

  @TempDir Path dir;

  @Test
  void writesEveryPackAndTheMetricsExport() throws Exception {
    WrittenPacks written =
        PackWriter.writeAll(
            SampleCluster.cluster(false),
            SampleCluster.figures(),
            SampleCluster.provenance(),
            dir.resolve("packs"));

    assertThat(written.files())
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "governor-100001.html",
            "governor-100001.xlsx",
            "governor-100002.html",
            "governor-100002.xlsx",
            "governor-100003.html",
            "governor-100003.xlsx",
            "cluster-pack.html",
            "cluster-pack.xlsx",
            "metrics.csv",
            "self-evaluation-100001.txt",
            "self-evaluation-100002.txt",
            "self-evaluation-100003.txt",
            "reading-your-data.html");
    assertThat(written.files()).allSatisfy(p -> assertThat(Files.size(p)).isPositive());
    assertThat(Files.readString(dir.resolve("packs/metrics.csv")))
        .startsWith("measure,assessment,scheme,subject,");
    try (var leftovers = Files.list(dir.resolve("packs"))) {
      assertThat(leftovers).hasSize(13);
    }
  }

  @Test
  void packsWrittenSideBySideAreTheSameEveryRun() throws Exception {
    for (String run : new String[] {"first", "second"}) {
      PackWriter.writeAll(
          SampleCluster.cluster(false),
          SampleCluster.figures(),
          SampleCluster.provenance(),
          dir.resolve(run));
    }
    for (String file :
        new String[] {
          "governor-100001.html", "governor-100003.html", "self-evaluation-100002.txt"
        }) {
      assertThat(Files.readString(dir.resolve("second").resolve(file)))
          .as(file)
          .isEqualTo(Files.readString(dir.resolve("first").resolve(file)));
    }
  }
}
