package org.clusterlens.pipeline;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.clusterlens.model.Cluster;
import org.clusterlens.warehouse.EngineSpark;
import org.clusterlens.warehouse.Warehouse;

/**
 * How the demo ingests its cluster: as {@code clusterlens ingest} does, with each return's feedback
 * for its business manager written into a folder of its own outside the packs' folder.
 */
public final class DemoRun {

  private DemoRun() {}

  /**
   * The folder beside the demo's packs (never inside them) where each return's feedback goes:
   * {@code reports/demo-feedback} for {@code reports/demo}. The pages and marked-up copies name the
   * rows, UPNs and (in the copy) the names of that school's own return, so they are for its
   * business manager only: no pack links to them, and zipping the packs' folder to share it leaves
   * them out.
   */
  public static Path feedbackFolder(Path reports) {
    Path absolute = reports.toAbsolutePath().normalize();
    return absolute.resolveSibling(absolute.getFileName() + "-feedback");
  }

  /**
   * The demo's warehouse, its Spark session starting at once on a thread of its own: the demo
   * always stores returns, so Spark starts while they are read and checked rather than after.
   *
   * @param folder the warehouse's folder; nothing is read or written there until the first call
   * @return opens the warehouse on the session, once (waiting for the session to start); rethrows
   *     what stopped the session starting
   */
  public static Supplier<Warehouse> warehouseStartingNow(Path folder) {
    Supplier<SparkSession> spark = EngineSpark.startInBackground();
    return new Supplier<>() {
      private Warehouse opened;

      @Override
      public synchronized Warehouse get() {
        if (opened == null) {
          opened = new Warehouse(spark.get(), folder.toString());
        }
        return opened;
      }
    };
  }

  /**
   * The demo's ingest run: every return checked and stored, and its feedback page and marked-up
   * copy written into {@link #feedbackFolder(Path)}.
   *
   * @param cluster the demo cluster
   * @param warehouse opens the demo's warehouse
   * @param reports the demo's reports folder, where the packs go
   */
  public static IngestRun ingest(Cluster cluster, Supplier<Warehouse> warehouse, Path reports) {
    return new IngestRun(cluster, warehouse).withFeedback(feedbackFolder(reports));
  }
}
