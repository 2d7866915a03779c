package org.clusterlens.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.clusterlens.model.TermlyReturn;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails before its commit (here the disk fills as the commit is written, after the
 * data files went in) leaves the warehouse's folder holding exactly the files it held before: no
 * data file of the failed write is left behind, and every file an earlier version refers to stays.
 */
class FailedWriteLeavesNoFilesTest {

  @TempDir Path dir;

  private static List<String> files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.map(p -> folder.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void aDiskFullAtTheCommitLeavesTheWarehouseFolderAsItWas() throws IOException {
    SparkSession spark = SharedSpark.session();
    Path root = dir.resolve("warehouse");
    Warehouse warehouse = new Warehouse(spark, root.toString());
    warehouse.store(Fixtures.goodReturn("100001", "2024-25-autumn"));
    List<String> before = files(root);
    List<StoredReturn> heldBefore = warehouse.currentReturns();

    // One return replaces a term held already, the other opens a new term's folder.
    List<TermlyReturn> next =
        List.of(
            Fixtures.goodReturn("100002", "2024-25-autumn"),
            Fixtures.goodReturn("100001", "2024-25-spring"));
    DiskFullAtCommit.during(
        spark,
        () ->
            assertThatThrownBy(() -> warehouse.storeAll(next))
                .hasStackTraceContaining("No space left on device"));

    assertThat(files(root)).isEqualTo(before);
    assertThat(files(root)).anyMatch(f -> f.endsWith(".parquet"));
    assertThat(warehouse.currentReturns()).isEqualTo(heldBefore);
    assertThat(warehouse.history()).hasSize(1);
    // The disk has room again: the same returns are stored, and the earlier one still reads.
    warehouse.storeAll(next);
    assertThat(warehouse.currentReturns())
        .extracting(r -> r.schoolUrn() + " " + r.termId())
        .containsExactly("100001 2024-25-autumn", "100001 2024-25-spring", "100002 2024-25-autumn");
  }
}
