package org.clusterlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusterlens.ingest.ClusterFolder;
import org.clusterlens.ingest.ReturnCheck;
import org.clusterlens.ingest.ReturnReader;
import org.clusterlens.model.Cluster;
import org.clusterlens.testing.SharedSpark;
import org.clusterlens.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real {@code clusterlens ingest} process with SIGKILL while it is writing the warehouse,
 * then checks the warehouse is consistent and that running the ingest again completes with no
 * duplicates.
 */
class IngestCrashSafetyTest {

  @TempDir Path dir;

  @Test
  void anIngestKilledMidWriteLeavesAConsistentWarehouseAndARerunCompletes() throws Exception {
    String repoRoot = System.getProperty("clusterlens.repo.root");
    assumeTrue(repoRoot != null, "clusterlens.repo.root is set by the build");
    Path clusterDir = Path.of(repoRoot, "datasets", "demo-cluster");
    Path warehouseDir = dir.resolve("warehouse");

    Process ingest = startIngest(clusterDir, warehouseDir);
    boolean killedMidWrite = killWhenTheFirstDataFileAppears(ingest, warehouseDir);
    assertThat(ingest.waitFor()).as("the process was killed, not finished").isNotZero();
    assertThat(killedMidWrite).as("the kill landed while data files were being written").isTrue();

    SparkSession spark = SharedSpark.session();
    Cluster cluster = ClusterFolder.read(clusterDir);
    Map<String, Integer> pupilsPerReturn = pupilsPerReturn(cluster, clusterDir);
    Warehouse warehouse = new Warehouse(spark, warehouseDir.toString());
    // Either nothing was committed, or whole returns were: never part of one.
    if (!warehouse.isEmpty()) {
      assertThat(pupilsPerReturn).containsAllEntriesOf(pupilsHeld(warehouse));
    }

    new IngestRun(cluster, () -> warehouse)
        .run(List.of(clusterDir.resolve("returns")), Optional.empty(), Optional.empty());

    assertThat(pupilsHeld(warehouse)).containsExactlyInAnyOrderEntriesOf(pupilsPerReturn);
    long rows = warehouse.assessments().count();
    long distinct =
        warehouse
            .assessments()
            .select("school_urn", "term_id", "upn", "assessment", "subject")
            .distinct()
            .count();
    assertThat(rows).isEqualTo(distinct);
  }

  /** Starts {@code clusterlens ingest} in its own JVM, with the module openings this JVM has. */
  private static Process startIngest(Path clusterDir, Path warehouseDir) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("-XX:+IgnoreUnrecognized")) {
        command.add(arg);
      }
    }
    command.addAll(
        List.of(
            "-Xmx1g",
            "-cp",
            System.getProperty("java.class.path"),
            "org.clusterlens.cli.ClusterLens",
            "ingest",
            "--cluster",
            clusterDir.toString(),
            "--warehouse",
            warehouseDir.toString(),
            "--feedback",
            warehouseDir.resolveSibling("feedback").toString(),
            clusterDir.resolve("returns").toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(warehouseDir.resolveSibling("ingest.log").toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }

  /**
   * Polls the warehouse folder and kills the process (SIGKILL) the moment the first data file
   * appears: the write has begun and its commit cannot have finished.
   */
  private static boolean killWhenTheFirstDataFileAppears(Process process, Path warehouseDir)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (process.isAlive() && Instant.now().isBefore(deadline)) {
      if (hasDataFile(warehouseDir)) {
        process.destroyForcibly();
        return true;
      }
      Thread.sleep(5);
    }
    process.destroyForcibly();
    return false;
  }

  private static boolean hasDataFile(Path warehouseDir) throws IOException {
    if (!Files.isDirectory(warehouseDir)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(warehouseDir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
    }
  }

  /** The pupils each return lists, keyed {@code urn/term}. */
  private static Map<String, Integer> pupilsPerReturn(Cluster cluster, Path clusterDir) {
    ReturnReader reader = new ReturnReader(cluster);
    return ReturnReader.returnFiles(clusterDir.resolve("returns")).stream()
        .map(f -> reader.read(f, Optional.empty(), Optional.empty()))
        .collect(Collectors.toMap(IngestCrashSafetyTest::key, c -> c.pupils().size()));
  }

  private static String key(ReturnCheck c) {
    return c.identity().schoolUrn() + "/" + c.identity().term().id();
  }

  /** The pupils the warehouse holds for each school term, keyed {@code urn/term}. */
  private static Map<String, Integer> pupilsHeld(Warehouse warehouse) {
    return warehouse
        .assessments()
        .groupBy("school_urn", "term_id")
        .agg(org.apache.spark.sql.functions.countDistinct("upn"))
        .collectAsList()
        .stream()
        .collect(
            Collectors.toMap(
                (Row r) -> r.getString(0) + "/" + r.getString(1), r -> (int) r.getLong(2)));
  }
}
