package org.clusterlens.pipeline;

import java.time.Instant;
import org.clusterlens.metrics.FiguresAtScale;
import org.clusterlens.stats.SmallNumberRules;
import org.clusterlens.warehouse.FiguresExport;
import org.clusterlens.warehouse.Warehouse;

/**
 * Computes the attainment figures of every school in the warehouse on Spark's executors and writes
 * them, publishable, as the tidy export: for an LA or a country whose figures are too many to hold
 * in one process, as the run that makes packs does.
 */
public final class FiguresRun {

  private FiguresRun() {}

  /**
   * What a figures run wrote.
   *
   * @param figures how many figures
   * @param warehouseVersion the warehouse version they were computed from
   * @param location where they were written
   */
  public record Outcome(long figures, long warehouseVersion, String location) {}

  /**
   * Computes and writes.
   *
   * @throws IllegalStateException if the warehouse holds no returns
   */
  public static Outcome run(Warehouse warehouse, String location, FiguresExport.Format format) {
    long version = warehouse.currentVersion();
    SmallNumberRules rules = SmallNumberRules.DEFAULT;
    String about =
        """
        ClusterLens attainment figures, computed on %s from warehouse version %d.
        One row per measure, school (CLUSTER: every school in the warehouse pooled at pupil level),
        pupil group, term, assessment, scheme and subject; the columns of metrics.csv
        (docs/METRICS.md), partitioned by academic_year and term.
        Screened as the packs' run screens them: 95%% intervals, what one pupil is worth, no
        comparison below %d pupils, groups of fewer than %d withheld with secondary suppression
        (a withheld figure shows its labels and flags only), funnel limits at 95%% and 99.8%%.
        Not here: the false-discovery control (adjusted_p_value and selected_finding are empty,
        so no row is a finding), and shifts, gaps, progress and context, which the packs' run makes.
        """
            .formatted(
                Instant.now(), version, rules.reportingThreshold(), rules.suppressionThreshold());
    long written =
        FiguresExport.write(
            FiguresAtScale.publishable(
                FiguresAtScale.compute(warehouse.assessmentsAsOf(version), rules)),
            location,
            format,
            about);
    return new Outcome(written, version, location);
  }
}
