package org.clusterlens.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clusterlens.ingest.ClusterFolder;
import org.clusterlens.metrics.ValueAddedReference;
import org.clusterlens.model.Cluster;
import org.clusterlens.pipeline.FaultCause;
import org.clusterlens.pipeline.ReportRun;
import org.clusterlens.pipeline.ReportSet;
import org.clusterlens.warehouse.EngineSpark;
import org.clusterlens.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clusterlens report}: computes the figures and writes every pack. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Computes every figure from the warehouse and writes every pack.",
      "Writes a governor pack per school (HTML and Excel), the cluster pack (HTML and Excel)",
      "and metrics.csv (one row per figure). The new set replaces the folder's earlier set whole:",
      "until every file is written the earlier set stays as it was."
    })
final class ReportCommand implements Callable<Integer> {

  @Mixin ClusterOption options;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "reports",
      description = "Where to write the packs (default: ${DEFAULT-VALUE}).")
  Path out;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Cluster cluster;
    ValueAddedReference reference;
    try {
      cluster = options.cluster();
      reference = ClusterFolder.valueAddedReference(options.clusterDir);
    } catch (ClusterFolder.InvalidClusterException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ClusterLens.BAD_INPUT;
    }
    // Checked before Spark starts and before any figure is computed.
    ReportSet set;
    try {
      set = ReportSet.open(out);
    } catch (UncheckedIOException e) {
      spec.commandLine().getErr().println(FaultCause.describe(e) + ".");
      return ClusterLens.BAD_INPUT;
    }
    Warehouse.checkLog(options.warehouse());
    Warehouse warehouse = new Warehouse(EngineSpark.session(), options.warehouse());
    if (warehouse.isEmpty()) {
      set.abandon();
      spec.commandLine()
          .getErr()
          .println(
              "The warehouse " + options.warehouse() + " holds no returns yet; run ingest first.");
      return ClusterLens.BAD_INPUT;
    }
    ReportRun.Outcome outcome = ReportRun.run(cluster, warehouse, set, reference);
    print(outcome, out, spec.commandLine().getOut());
    return ClusterLens.OK;
  }

  static void print(ReportRun.Outcome outcome, Path out, PrintWriter w) {
    w.println(
        outcome.figures()
            + " figures from "
            + outcome.returns()
            + " returns; "
            + outcome.packs().files().size()
            + " files written to "
            + out.toAbsolutePath().normalize()
            + ":");
    outcome.packs().files().forEach(f -> w.println("  " + f.getFileName()));
    outcome.warnings().forEach(warning -> w.println("Warning: " + warning));
  }
}
