package org.clusterlens.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.clusterlens.metrics.AttainmentMetrics;
import org.clusterlens.metrics.ValueAddedReference;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Term;
import org.clusterlens.report.Provenance;
import org.clusterlens.report.ReturnVersion;
import org.clusterlens.stats.SmallNumberRules;
import org.clusterlens.warehouse.Warehouse;

/** Computes every figure from the warehouse and writes every pack and the metrics export. */
public final class ReportRun {

  private ReportRun() {}

  /**
   * What a report run produced.
   *
   * @param figures how many figures were computed
   * @param returns how many returns they were computed from
   * @param packs the files written
   */
  public record Outcome(int figures, int returns, WrittenPacks packs) {}

  /**
   * Computes and writes.
   *
   * @throws IllegalStateException if the warehouse holds no returns
   */
  public static Outcome run(Cluster cluster, Warehouse warehouse, Path outDir) {
    return run(cluster, warehouse, outDir, ValueAddedReference.NONE);
  }

  /**
   * Computes and writes, with value added against a supplied reference as well as against the
   * cluster's own pupils.
   *
   * @throws IllegalStateException if the warehouse holds no returns
   */
  public static Outcome run(
      Cluster cluster, Warehouse warehouse, Path outDir, ValueAddedReference reference) {
    if (warehouse.isEmpty()) {
      throw new IllegalStateException("The warehouse holds no returns yet; ingest some first");
    }
    List<Figure> figures =
        AttainmentMetrics.compute(warehouse.assessments(), SmallNumberRules.DEFAULT, reference);
    Provenance provenance = provenance(warehouse);
    return new Outcome(
        figures.size(),
        provenance.returns().size(),
        PackWriter.writeAll(cluster, figures, provenance, outDir));
  }

  /** The returns the warehouse holds now, as the packs' provenance, stamped now. */
  public static Provenance provenance(Warehouse warehouse) {
    return new Provenance(
        Instant.now(),
        warehouse.currentReturns().stream()
            .map(
                r ->
                    new ReturnVersion(
                        r.schoolUrn(),
                        Term.parse(r.termId()),
                        r.sourceFile(),
                        r.sha256(),
                        r.version()))
            .toList());
  }
}
