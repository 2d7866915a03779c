package org.clusterlens.pipeline;

import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.clusterlens.metrics.FiguresAtScale;
import org.clusterlens.stats.SmallNumberRules;
import org.clusterlens.warehouse.FiguresExport;
import org.clusterlens.warehouse.Warehouse;

/**
 * Computes the attainment figures of every school in the warehouse, with their shifts, gaps, pooled
 * years, progress, value added and judgements, on Spark's executors and writes them, publishable,
 * as the tidy export: for an LA or a country whose figures are too many to hold in one process, as
 * the run that makes packs does.
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
    Dataset<Row> rows = warehouse.assessmentsAsOf(version);
    // The attainment figures and the side questions' tally are computed before the write starts:
    // refuse a folder of other files first.
    FiguresExport.checkReplaceable(rows.sparkSession(), location);
    long pupilRows = rows.count();
    String about =
        """
        ClusterLens figures, computed on %s from warehouse version %d.
        One row per measure, school (CLUSTER: every school in the warehouse pooled at pupil level),
        pupil group, term, assessment, scheme and subject; the columns of metrics.csv
        (docs/METRICS.md), partitioned by academic_year and term.
        Made and screened by the packs' run's own code: attainment with 95%% intervals, KS2
        year-on-year shifts, paired term shifts of teacher assessment, each group's gap to the
        rest of its school (within year groups in teacher assessment, and in average points) and
        the disadvantaged gap's change, KS2 results pooled over up to three years, progress and
        value added; what one pupil is worth, no comparison below %d pupils, groups of fewer than
        %d withheld with secondary suppression (a withheld figure shows its labels and flags only),
        funnel limits at 95%% and 99.8%% against every school in the warehouse; and the one
        judgement on each tested question, with the false-discovery control (Benjamini-Hochberg,
        5%%) within its declared family: each headline measure's schools, each school's headline
        changes (value added included), the pooled schools' own, and one family of every side
        question; the same judgements as the packs' run over this warehouse.
        Not here, on purpose: context figures, counts of pupils whose characteristic is not
        known, and the cohort make-up beside shifts, which are never tested (clusterlens report
        makes them, with the packs); value added against a supplied reference.
        """
            .formatted(
                Instant.now(), version, rules.reportingThreshold(), rules.suppressionThreshold());
    rows.sparkSession()
        .conf()
        .set(
            "spark.sql.shuffle.partitions",
            Integer.toString(FiguresAtScale.shufflePartitions(pupilRows)));
    long written =
        FiguresExport.write(
            FiguresAtScale.publishable(FiguresAtScale.compute(rows, rules)),
            location,
            format,
            about);
    return new Outcome(written, version, location);
  }
}
