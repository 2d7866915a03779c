package org.clusterlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clusterlens.warehouse.DamagedWarehouseException;
import org.clusterlens.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every fault is named by its cause, in one sentence, however deep Spark or Delta wrapped it. */
class FaultCauseTest {

  @TempDir Path dir;

  @Test
  void aFullDiskIsNamedAsAFullDiskUnderSparksWrapping() {
    Throwable fromSpark =
        new RuntimeException(
            "Job aborted due to stage failure: Task 0 in stage 3.0 failed 1 times\n"
                + "\tat org.apache.spark.scheduler.DAGScheduler…",
            new IllegalStateException(
                new FileSystemException(
                    "/data/warehouse/pupil_assessments/part-0001.parquet",
                    null,
                    "No space left on device")));

    assertThat(FaultCause.describe(fromSpark))
        .isEqualTo(
            "Job aborted due to stage failure: Task 0 in stage 3.0 failed 1 times: the disk holding"
                + " /data/warehouse/pupil_assessments/part-0001.parquet is full (no space left on"
                + " device); free some space and run it again");
  }

  @Test
  void aFullDiskReportedAsAPlainIoErrorIsStillNamed() {
    Throwable failure =
        new UncheckedIOException(
            "Could not write reports/metrics.csv", new IOException("No space left on device"));

    assertThat(FaultCause.describe(failure))
        .isEqualTo(
            "Could not write reports/metrics.csv: the disk is full (no space left on device);"
                + " free some space and run it again");
  }

  @Test
  void aTruncatedLogFileIsNamedWithTheWayBack() throws IOException {
    Path log = Files.createDirectories(dir.resolve("pupil_assessments/_delta_log"));
    Files.writeString(
        log.resolve("00000000000000000000.json"),
        "{\"commitInfo\":{\"timestamp\":1}}\n{\"protocol\":{\"minReaderVersion\":1}}\n");
    Files.writeString(
        log.resolve("00000000000000000001.json"), "{\"commitInfo\":{\"timestamp\":2}}\n");
    Files.writeString(log.resolve("00000000000000000002.json"), "{\"commitInfo\":{\"timest");

    // The log is checked before Spark is asked anything: no session is needed to find it.
    Throwable failure = catchThrowable(() -> new Warehouse(null, dir.toString()).isEmpty());

    assertThat(failure).isInstanceOf(DamagedWarehouseException.class);
    assertThat(FaultCause.describe(new RuntimeException("wrapped", failure)))
        .isEqualTo(
            "The warehouse cannot be read: its log file "
                + log.resolve("00000000000000000002.json")
                + " (version 2) is damaged (it is cut short or corrupt). To get back to version 1,"
                + " move that file out of "
                + log
                + " (keep it), then run clusterlens history to check; the returns that version"
                + " stored must then be ingested again. A backup of the warehouse folder brings"
                + " everything back");
  }
}
