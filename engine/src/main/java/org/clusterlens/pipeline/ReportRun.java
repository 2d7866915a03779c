package org.clusterlens.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.functions;
import org.clusterlens.metrics.AttainmentMetrics;
import org.clusterlens.metrics.ValueAddedReference;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.clusterlens.model.School;
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
   * @param warnings what the reader of the packs should know about the run, one sentence each
   */
  public record Outcome(int figures, int returns, WrittenPacks packs, List<String> warnings) {

    public Outcome {
      warnings = List.copyOf(warnings);
    }
  }

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
   * @throws java.io.UncheckedIOException if {@code outDir} cannot be written (found before any
   *     figure is computed)
   */
  public static Outcome run(
      Cluster cluster, Warehouse warehouse, Path outDir, ValueAddedReference reference) {
    return run(cluster, warehouse, ReportSet.open(outDir), reference);
  }

  /**
   * Computes the figures of the cluster's schools (a school the warehouse holds but the cluster no
   * longer lists is left out, and said to be) and switches the new set of packs into place whole.
   *
   * @param set the folder, already {@linkplain ReportSet#open opened}
   * @throws IllegalStateException if the warehouse holds no returns
   */
  public static Outcome run(
      Cluster cluster, Warehouse warehouse, ReportSet set, ValueAddedReference reference) {
    if (warehouse.isEmpty()) {
      set.abandon();
      throw new IllegalStateException("The warehouse holds no returns yet; ingest some first");
    }
    try {
      Object[] urns = cluster.schools().stream().map(School::urn).toArray();
      // The returns held say which schools the warehouse holds, without a query of its rows.
      Provenance all = provenance(warehouse);
      List<String> warnings = new ArrayList<>();
      all.returns().stream()
          .map(ReturnVersion::schoolUrn)
          .filter(urn -> cluster.school(urn).isEmpty())
          .distinct()
          .sorted()
          .forEach(
              urn ->
                  warnings.add(
                      "School "
                          + urn
                          + " has returns in the warehouse but is not in the cluster's"
                          + " schools.csv: its pupils are left out of every figure, and any packs"
                          + " of its from earlier runs were removed. Add it to schools.csv again"
                          + " to include it."));
      // Suppressed figures stripped here, in this run's own list, so an LA's million suppressed
      // figures are not held twice (counted and stripped) while the packs are written.
      List<Figure> figures =
          new ArrayList<>(
              AttainmentMetrics.compute(
                  warehouse.assessments().where(functions.col("school_urn").isin(urns)),
                  SmallNumberRules.DEFAULT,
                  reference));
      figures.replaceAll(Figure::publishable);
      Provenance provenance =
          new Provenance(
              all.generatedAt(),
              all.returns().stream()
                  .filter(r -> cluster.school(r.schoolUrn()).isPresent())
                  .toList());
      WrittenPacks staged = PackWriter.writeAll(cluster, figures, provenance, set.staging());
      return new Outcome(
          figures.size(), provenance.returns().size(), set.publish(staged.files()), warnings);
    } catch (RuntimeException e) {
      set.abandon();
      throw e;
    }
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
