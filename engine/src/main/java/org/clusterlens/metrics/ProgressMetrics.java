package org.clusterlens.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusterlens.model.Figure;
import org.clusterlens.stats.ConfidenceLevel;
import org.clusterlens.stats.Interval;
import org.clusterlens.stats.MeanInterval;

/**
 * Progress figures from pupil rows, per school, pupil group and the cluster pooled at pupil level:
 *
 * <ul>
 *   <li>{@code progress_points_term}: mean teacher-assessment points gained since the previous term
 *       (autumn follows the previous summer), over pupils assessed in both;
 *   <li>{@code progress_points_year}: the same since the same term a year before;
 *   <li>{@code pct_expected_progress}: % of KS2 pupils with a KS1 result who made at least two
 *       whole levels in the subject (W → L2, L1 → L3, L2 → L4, L3 → L5);
 *   <li>{@code value_added}: mean of (KS2 points − the cluster's mean KS2 points that year for
 *       pupils in the same KS1 prior-attainment band), 0 meaning "as the cluster's similar pupils";
 *       the 95% interval is ± 1.96·σ/√n with σ the cluster's spread of pupil value added;
 *   <li>{@code value_added_national}: mean of (KS2 points − the supplied reference's expected
 *       points for the pupil's band, subject and year); the 95% interval is ± 1.96·√(Σσ²)/n with
 *       each pupil's σ the reference's spread for that band (METHODOLOGY: σ the national spread).
 * </ul>
 */
public final class ProgressMetrics {

  static final String VIEW = "clusterlens_progress_source";

  /** The view holding the supplied value-added reference (empty without one). */
  static final String REFERENCE_VIEW = "clusterlens_value_added_reference";

  static final String TERM_INDEX =
      "(CAST(substr(academic_year, 1, 4) AS INT) * 3"
          + " + CASE term WHEN 'autumn' THEN 0 WHEN 'spring' THEN 1 ELSE 2 END)";

  private static final String QUERY =
      """
      WITH graded AS (
        SELECT school_urn, academic_year, term, assessment, subject, year_group, upn, points, level,
               %2$s AS term_index
        FROM %1$s
        WHERE points IS NOT NULL
      ),
      teacher AS (SELECT * FROM graded WHERE assessment = 'teacher'),
      gains AS (
        SELECT a.school_urn, a.academic_year, a.term, a.assessment, a.subject, a.year_group, a.upn,
               CASE WHEN b.term_index = a.term_index - 1 THEN '%3$s' ELSE '%4$s' END AS measure,
               a.points - b.points AS x, CAST(NULL AS DOUBLE) AS v
        FROM teacher a
        JOIN teacher b
          ON a.upn = b.upn AND a.subject = b.subject
         AND (b.term_index = a.term_index - 1 OR b.term_index = a.term_index - 3)
      ),
      ks1_levels AS (
        SELECT upn, subject, max(level) AS level FROM graded WHERE assessment = 'ks1'
        GROUP BY upn, subject
      ),
      ks1_aps AS (
        SELECT upn, avg(points) AS aps
        FROM (SELECT upn, subject, max(points) AS points FROM graded WHERE assessment = 'ks1'
              GROUP BY upn, subject)
        GROUP BY upn HAVING count(*) = 3
      ),
      ks2 AS (SELECT * FROM graded WHERE assessment = 'ks2'),
      expected AS (
        SELECT k2.school_urn, k2.academic_year, k2.term, k2.assessment, k2.subject, k2.year_group,
               k2.upn, '%5$s' AS measure,
               CASE WHEN k2.level >= k1.level + 2 THEN 1.0 ELSE 0.0 END AS x,
               CAST(NULL AS DOUBLE) AS v
        FROM ks2 k2 JOIN ks1_levels k1 ON k2.upn = k1.upn AND k2.subject = k1.subject
      ),
      banded AS (
        SELECT k2.*,
               CASE WHEN a.aps < %7$s THEN 'low' WHEN a.aps < %8$s THEN 'middle' ELSE 'high' END
                 AS band
        FROM ks2 k2 JOIN ks1_aps a ON k2.upn = a.upn
      ),
      band_means AS (
        SELECT academic_year, subject, band, avg(points) AS expected_points
        FROM banded GROUP BY academic_year, subject, band
      ),
      value_added AS (
        SELECT b.school_urn, b.academic_year, b.term, b.assessment, b.subject, b.year_group, b.upn,
               '%6$s' AS measure, b.points - m.expected_points AS x, CAST(NULL AS DOUBLE) AS v
        FROM banded b
        JOIN band_means m
          ON b.academic_year = m.academic_year AND b.subject = m.subject AND b.band = m.band
      ),
      value_added_national AS (
        SELECT b.school_urn, b.academic_year, b.term, b.assessment, b.subject, b.year_group, b.upn,
               '%11$s' AS measure, b.points - r.expected_points AS x,
               r.pupil_spread * r.pupil_spread AS v
        FROM banded b
        JOIN %12$s r
          ON (r.academic_year = b.academic_year OR r.academic_year = '%13$s')
         AND b.subject = r.subject AND b.band = r.band
      ),
      pupil_measures AS (
        SELECT * FROM gains
        UNION ALL SELECT * FROM expected
        UNION ALL SELECT * FROM value_added
        UNION ALL SELECT * FROM value_added_national
      ),
      %9$s
      SELECT %10$s, academic_year, term, assessment, subject, measure, pupil_group, group_value,
             count(*) AS pupils, sum(x) AS total, sum(x * x) AS total_squares,
             sum(v) AS total_variance
      FROM labelled
      GROUP BY GROUPING SETS (
        (school_urn, academic_year, term, assessment, subject, measure, pupil_group, group_value),
        (academic_year, term, assessment, subject, measure, pupil_group, group_value))
      """
          .formatted(
              VIEW,
              TERM_INDEX,
              Measures.PROGRESS_POINTS_TERM,
              Measures.PROGRESS_POINTS_YEAR,
              Measures.PCT_EXPECTED_PROGRESS,
              Measures.VALUE_ADDED,
              PriorAttainment.LOW_BELOW,
              PriorAttainment.HIGH_FROM,
              PupilGroupsSql.ctes(VIEW, "pupil_measures"),
              PupilGroupsSql.schoolColumn(),
              Measures.VALUE_ADDED_NATIONAL,
              REFERENCE_VIEW,
              ValueAddedReference.EVERY_YEAR);

  private static final StructType REFERENCE_SCHEMA =
      new StructType()
          .add("academic_year", DataTypes.StringType, false)
          .add("subject", DataTypes.StringType, false)
          .add("band", DataTypes.StringType, false)
          .add("expected_points", DataTypes.DoubleType, false)
          .add("pupil_spread", DataTypes.DoubleType, false);

  private ProgressMetrics() {}

  /**
   * Computes the progress figures from the pupil rows registered as {@link #VIEW}.
   *
   * @return the figures, unordered; never null
   */
  static List<Figure> compute(SparkSession spark, ValueAddedReference reference) {
    List<Row> lines = new ArrayList<>();
    for (ValueAddedReference.Line l : reference.lines()) {
      lines.add(
          RowFactory.create(
              l.academicYear(), l.subject(), l.band(), l.expectedPoints(), l.pupilSpread()));
    }
    spark.createDataFrame(lines, REFERENCE_SCHEMA).createOrReplaceTempView(REFERENCE_VIEW);
    List<Row> rows = spark.sql(QUERY).collectAsList();
    // The cluster's spread of pupil value added, per year and subject, for every VA interval.
    Map<String, Double> clusterSpread = new HashMap<>();
    for (Row r : rows) {
      if (r.<String>getAs("measure").equals(Measures.VALUE_ADDED)
          && r.<String>getAs("school").equals(Figure.CLUSTER)
          && r.<String>getAs("pupil_group").equals(Figure.ALL)
          && r.<Long>getAs("pupils") >= 2) {
        clusterSpread.put(
            r.<String>getAs("academic_year") + "|" + r.<String>getAs("subject"),
            MeanInterval.standardDeviation(
                r.<Long>getAs("pupils"), r.getAs("total"), r.getAs("total_squares")));
      }
    }
    List<Figure> figures = new ArrayList<>();
    for (Row r : rows) {
      figures.add(figureOf(r, clusterSpread));
    }
    return figures;
  }

  private static Figure figureOf(Row r, Map<String, Double> clusterSpread) {
    String measure = r.getAs("measure");
    long n = r.<Long>getAs("pupils");
    double total = r.<Double>getAs("total");
    double squares = r.<Double>getAs("total_squares");
    Figure f =
        AttainmentMetrics.labelledBy(
            r,
            measure,
            total,
            n,
            measure.equals(Measures.PCT_EXPECTED_PROGRESS) ? 100 * total / n : total / n);
    if (measure.equals(Measures.PCT_EXPECTED_PROGRESS)) {
      return AttainmentMetrics.withInterval(f);
    }
    ConfidenceLevel level = ConfidenceLevel.NINETY_FIVE;
    if (measure.equals(Measures.VALUE_ADDED_NATIONAL)) {
      // The mean of pupils with known spreads σᵢ: its standard error is √(Σσᵢ²)/n.
      double standardError = Math.sqrt(r.<Double>getAs("total_variance")) / n;
      double halfWidth = level.z() * standardError;
      return withNormalTest(
          f.withInterval(
              f.value() - halfWidth,
              f.value() + halfWidth,
              "± z·√(Σσ²)/n, σ of the supplied reference, " + level.label()),
          standardError);
    }
    if (measure.equals(Measures.VALUE_ADDED)) {
      Double sigma = clusterSpread.get(f.academicYear() + "|" + f.subject());
      if (sigma == null) {
        return f;
      }
      Interval i = MeanInterval.knownSpread(n, f.value(), sigma, level);
      Figure withInterval =
          f.withInterval(
              i.lower(), i.upper(), "± z·σ/√n, σ of the cluster's pupils, " + level.label());
      // The cluster's value added against its own pupils is zero by construction: nothing to test.
      return f.school().equals(Figure.CLUSTER)
          ? withInterval
          : withNormalTest(withInterval, sigma / Math.sqrt(n));
    }
    if (n < 2) {
      return f;
    }
    Interval i = MeanInterval.studentT(n, total, squares, level);
    return f.withInterval(i.lower(), i.upper(), "Student's t, " + level.label());
  }

  /** The figure with the p-value of a test that its true value is zero (no value added). */
  private static Figure withNormalTest(Figure f, double standardError) {
    return standardError > 0
        ? f.withPValue(MeanInterval.zeroMeanPValue(f.value(), standardError))
        : f;
  }
}
