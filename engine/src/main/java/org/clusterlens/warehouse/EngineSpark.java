package org.clusterlens.warehouse;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession the engine runs on: local mode inside the process by default, or whatever
 * master {@code spark-submit} set, always with Delta Lake enabled.
 */
public final class EngineSpark {

  /**
   * Whether this process asked for a session: a command that never did (history, template, an
   * ingest that stored nothing) then ends without loading Spark at all.
   */
  private static volatile boolean asked;

  private EngineSpark() {}

  /**
   * Returns the session, creating it if needed. When no master was set (no {@code spark-submit}),
   * runs locally on every core of this machine.
   */
  public static SparkSession session() {
    asked = true;
    SparkConf conf = new SparkConf(true);
    SparkSession.Builder builder = SparkSession.builder().appName("ClusterLens");
    if (!conf.contains("spark.master")) {
      builder
          .master("local[*]")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4");
    }
    return builder
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config(
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        // A cluster's table is small: 2 partitions read a snapshot in a tenth of the tasks.
        .config("spark.databricks.delta.snapshotPartitions", "2")
        .config("spark.sql.datetime.java8API.enabled", "true")
        .config("spark.sql.session.timeZone", "UTC")
        // The warehouse's rows are 20 columns wide; a shorter limit only adds a warning to the log.
        .config("spark.sql.debug.maxToStringFields", "100")
        .getOrCreate();
  }

  /**
   * Stops the session if this process started one, so that Spark's threads (its executor heartbeat
   * among them) end in order before the process exits, rather than racing its shutdown.
   */
  public static void stopIfStarted() {
    if (!asked) {
      return;
    }
    scala.Option<SparkSession> started = SparkSession.getDefaultSession();
    if (started.isDefined()) {
      started.get().stop();
    }
  }
}
