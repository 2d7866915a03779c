package org.clusterlens.warehouse;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
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
   * Starts the session on a thread of its own and gives what waits for it: a run that is sure to
   * need Spark (the demo) reads and checks its returns while Spark starts, rather than after.
   *
   * @return gives the session once it has started (at once after that); rethrows, unchanged, what
   *     stopped it starting
   */
  public static Supplier<SparkSession> startInBackground() {
    CompletableFuture<SparkSession> starting = new CompletableFuture<>();
    Thread starter =
        new Thread(
            () -> {
              try {
                starting.complete(session());
              } catch (Throwable t) {
                starting.completeExceptionally(t);
              }
            },
            "clusterlens-spark-start");
    starter.setDaemon(true);
    starter.start();
    return () -> {
      try {
        SparkSession started = starting.join();
        // The session's settings (dates as java.time values among them) are read through the
        // calling thread's active session, which a session started elsewhere has not set.
        SparkSession.setActiveSession(started);
        return started;
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      }
    };
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
