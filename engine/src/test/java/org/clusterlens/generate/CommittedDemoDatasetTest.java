package org.clusterlens.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guards the committed {@code datasets/demo-cluster} against drifting from the generator. */
class CommittedDemoDatasetTest {

  @Test
  void committedDatasetIsExactlyWhatTheDefaultSeedGenerates(@TempDir Path fresh)
      throws IOException {
    String repoRoot = System.getProperty("clusterlens.repo.root");
    assumeTrue(repoRoot != null, "clusterlens.repo.root is set by the build");
    Path committed = Path.of(repoRoot, "datasets", "demo-cluster");
    assumeTrue(Files.isDirectory(committed), "the demo dataset is committed");

    List<Path> written =
        DemoClusterWriter.write(
            DemoClusterGenerator.generate(DemoClusterGenerator.DEFAULT_SEED), fresh);

    for (Path file : written) {
      Path relative = fresh.relativize(file);
      assertThat(Files.readAllBytes(committed.resolve(relative)))
          .as(
              "%s differs from what seed %d generates; regenerate the dataset",
              relative, DemoClusterGenerator.DEFAULT_SEED)
          .isEqualTo(Files.readAllBytes(file));
    }
  }
}
