package org.clusterlens.cli;

import java.util.concurrent.Callable;
import org.clusterlens.pipeline.FiguresRun;
import org.clusterlens.warehouse.EngineSpark;
import org.clusterlens.warehouse.FiguresExport;
import org.clusterlens.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clusterlens figures}: the figures of a whole LA or country, made and judged at scale. */
@Command(
    name = "figures",
    mixinStandardHelpOptions = true,
    description = {
      "Computes the figures of every school in the warehouse on Spark's executors and writes",
      "them as the tidy export (metrics.csv's columns), partitioned by year and term: for an LA",
      "or a country too large for one process to hold its figures. Attainment, KS2 and term",
      "shifts, group gaps (within year groups in teacher assessment), pooled years, progress and",
      "value added are made, screened and judged (false-discovery control within each declared",
      "family) by the packs' own code, with the packs' judgements; context, not-known counts and",
      "cohort make-up are not made here: use report for packs. Pupils are counted a partition",
      "at a time (each pupil's rows in one) into sums that add up exactly, so no task holds",
      "every pupil and a country gets every figure; CLUSTERLENS_JAVA_OPTS=-Xmx... gives a local",
      "run more heap."
    })
final class FiguresCommand implements Callable<Integer> {

  @Mixin WarehouseOption warehouseOption;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description =
          "The folder or URI to write: new, empty, or an earlier figures export, which is"
              + " replaced; a folder holding anything else is refused.")
  String out;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "PARQUET",
      description = "parquet (default) or csv.")
  FiguresExport.Format format;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Warehouse warehouse = new Warehouse(EngineSpark.session(), warehouseOption.root);
    if (warehouse.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "The warehouse " + warehouseOption.root + " holds no returns yet; run ingest first.");
      return ClusterLens.BAD_INPUT;
    }
    FiguresRun.Outcome outcome;
    try {
      outcome = FiguresRun.run(warehouse, out, format);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ClusterLens.BAD_INPUT;
    }
    spec.commandLine()
        .getOut()
        .printf(
            "%,d figures from warehouse version %d written to %s (see %s there)%n",
            outcome.figures(), outcome.warehouseVersion(), outcome.location(), FiguresExport.ABOUT);
    return ClusterLens.OK;
  }
}
