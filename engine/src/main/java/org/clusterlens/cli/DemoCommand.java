package org.clusterlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.clusterlens.ingest.ClusterFolder;
import org.clusterlens.model.Cluster;
import org.clusterlens.pipeline.DemoRun;
import org.clusterlens.pipeline.IngestRun;
import org.clusterlens.pipeline.ReportRun;
import org.clusterlens.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code clusterlens demo}: the demo cluster end to end, into a fresh warehouse. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the demo cluster end to end and writes every pack under reports/demo.",
      "Ingests datasets/demo-cluster into a fresh warehouse (warehouse/demo);"
          + " changes nothing that is committed."
    })
final class DemoCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws ClusterFolder.InvalidClusterException {
    long start = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    Path clusterDir = Places.demoCluster();
    Path warehouseDir = Places.home().resolve("warehouse/demo");
    Path reports = Places.home().resolve("reports/demo");
    Cluster cluster = ClusterFolder.read(clusterDir);
    Supplier<Warehouse> opening = DemoRun.warehouseStartingNow(warehouseDir);
    deleteFolder(warehouseDir);
    deleteFolder(reports);
    deleteFolder(DemoRun.feedbackFolder(reports));
    out.println("Ingesting the " + cluster.name() + " (" + cluster.schools().size() + " schools)…");
    out.flush();
    List<IngestRun.FileOutcome> ingested =
        DemoRun.ingest(cluster, opening, reports)
            .withSchemes(ClusterFolder.schemeChoices(clusterDir, cluster))
            .run(List.of(clusterDir.resolve("returns")), Optional.empty(), Optional.empty());
    long rejected = ingested.stream().filter(o -> !o.check().accepted()).count();
    ingested.stream()
        .filter(o -> !o.check().problems().isEmpty())
        .forEach(o -> IngestCommand.IngestReport.print(List.of(o), out));
    out.printf(
        "%d of %d returns accepted and stored (%.1f s). Computing figures and writing packs…%n",
        ingested.size() - rejected, ingested.size(), seconds(start));
    out.flush();
    long reportStart = System.nanoTime();
    Warehouse warehouse = opening.get();
    ReportRun.Outcome outcome =
        ReportRun.run(cluster, warehouse, reports, ClusterFolder.valueAddedReference(clusterDir));
    out.printf("Packs written (%.1f s).%n", seconds(reportStart));
    ReportCommand.print(outcome, reports, out);
    long feedbackFiles = ingested.stream().mapToLong(o -> o.feedback().size()).sum();
    out.printf(
        "Each return's feedback for its business manager (%d files: a page and a marked-up copy"
            + " of their own return, naming its pupils' rows and UPNs, so not for governors) is"
            + " in %s.%n",
        feedbackFiles, DemoRun.feedbackFolder(reports));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    out.printf(
        "Open %s in a browser for the cluster pack; each school's governor pack is"
            + " governor-<URN>.html beside it.%nDone in %.1f s; peak memory %s.%n",
        reports.resolve("cluster-pack.html"), took.toMillis() / 1000.0, PeakMemory.describe());
    return rejected == 0 ? ClusterLens.OK : ClusterLens.BAD_INPUT;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void deleteFolder(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not clear " + dir + " for a fresh demo run", e);
    }
  }
}
