package org.clusterlens.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.clusterlens.model.Figure;
import org.clusterlens.scheme.NationalCurriculumLevels;
import org.clusterlens.stats.ConfidenceLevel;
import org.clusterlens.stats.Proportion;
import org.clusterlens.stats.ProportionInterval;
import org.clusterlens.stats.ProportionIntervals;

/**
 * Attainment figures from pupil rows: % at Level 4+ and Level 5+ and average points, per subject
 * and for reading, writing and maths combined; per school and for the cluster pooled at pupil
 * level; over all pupils and (for teacher assessment) per year group; for every term held.
 *
 * <p>A pupil counts in a subject when the grade is counted (absent or disapplied pupils are left
 * out). In the combined measure a pupil counts only with counted grades in all three subjects, and
 * reaches a level only by reaching it in all three.
 */
public final class AttainmentMetrics {

  private static final String VIEW = "clusterlens_pupil_assessments";

  private static final String QUERY =
      """
      WITH counted AS (
        SELECT school_urn, academic_year, term, assessment, subject, year_group, upn, points, level
        FROM %1$s
        WHERE points IS NOT NULL
      ),
      combined AS (
        SELECT school_urn, academic_year, term, assessment, '%2$s' AS subject, year_group, upn,
               CAST(NULL AS DOUBLE) AS points, min(level) AS level
        FROM counted
        GROUP BY school_urn, academic_year, term, assessment, year_group, upn
        HAVING count(DISTINCT subject) = 3
      ),
      pupils AS (
        SELECT * FROM counted
        UNION ALL
        SELECT * FROM combined
      ),
      grouped AS (
      SELECT
        CASE WHEN grouping(school_urn) = 1 THEN '%3$s' ELSE school_urn END AS school,
        academic_year, term, assessment, subject,
        CASE WHEN grouping(year_group) = 1 THEN '%4$s' ELSE 'year_group' END AS pupil_group,
        CASE WHEN grouping(year_group) = 1 THEN '%4$s' ELSE CAST(year_group AS STRING) END
          AS group_value,
        count(*) AS pupils,
        sum(CASE WHEN level >= %5$d THEN 1 ELSE 0 END) AS at_level4,
        sum(CASE WHEN level >= %6$d THEN 1 ELSE 0 END) AS at_level5,
        sum(points) AS total_points
      FROM pupils
      GROUP BY GROUPING SETS (
        (school_urn, academic_year, term, assessment, subject),
        (school_urn, academic_year, term, assessment, subject, year_group),
        (academic_year, term, assessment, subject),
        (academic_year, term, assessment, subject, year_group))
      )
      -- Statutory results belong to one year group, so only teacher assessment is split by year.
      SELECT * FROM grouped WHERE pupil_group = '%4$s' OR assessment = 'teacher'
      """
          .formatted(
              VIEW,
              Figure.RWM,
              Figure.CLUSTER,
              Figure.ALL,
              NationalCurriculumLevels.LEVEL_4,
              NationalCurriculumLevels.LEVEL_5);

  /** The order figures come out in, so exports and packs are stable from run to run. */
  public static final Comparator<Figure> ORDER =
      Comparator.comparing(Figure::assessment)
          .thenComparing(Figure::academicYear)
          .thenComparing(Figure::term)
          .thenComparing(Figure::school)
          .thenComparing(Figure::group)
          .thenComparing(Figure::groupValue)
          .thenComparing(Figure::subject)
          .thenComparing(Figure::measure);

  private AttainmentMetrics() {}

  /**
   * Computes the figures for every school, term, assessment and subject in {@code assessments}
   * (rows with the warehouse's schema), followed by the year-on-year KS2 shifts.
   *
   * @return the figures in {@link #ORDER}; never null
   */
  public static List<Figure> compute(Dataset<Row> assessments) {
    assessments.createOrReplaceTempView(VIEW);
    List<Figure> figures = new ArrayList<>();
    for (Row r : assessments.sparkSession().sql(QUERY).collectAsList()) {
      figures.addAll(figuresOf(r));
    }
    figures.addAll(ThresholdShifts.yearOnYear(figures));
    figures.sort(ORDER);
    return figures;
  }

  private static List<Figure> figuresOf(Row r) {
    long pupils = r.<Long>getAs("pupils");
    List<Figure> out = new ArrayList<>(3);
    double level4 = r.<Long>getAs("at_level4");
    double level5 = r.<Long>getAs("at_level5");
    out.add(
        withInterval(figure(r, Measures.PCT_LEVEL4_PLUS, level4, pupils, 100.0 * level4 / pupils)));
    out.add(
        withInterval(figure(r, Measures.PCT_LEVEL5_PLUS, level5, pupils, 100.0 * level5 / pupils)));
    if (!r.<String>getAs("subject").equals(Figure.RWM)) {
      double totalPoints = r.<Double>getAs("total_points");
      out.add(figure(r, Measures.AVERAGE_POINTS, totalPoints, pupils, totalPoints / pupils));
    }
    return out;
  }

  /**
   * The percentage with its 95% interval: exact (Clopper–Pearson) for cohorts under 30, Wilson's
   * score interval above, as METHODOLOGY recommends for small schools.
   */
  static Figure withInterval(Figure percentage) {
    ProportionInterval interval =
        ProportionIntervals.recommended(proportionOf(percentage), ConfidenceLevel.NINETY_FIVE);
    return percentage.withInterval(
        100 * interval.interval().lower(),
        100 * interval.interval().upper(),
        interval.method().label() + ", " + interval.confidence().label());
  }

  /** The pupils behind a percentage figure. */
  static Proportion proportionOf(Figure percentage) {
    return new Proportion(
        (int) Math.round(percentage.numerator()), Math.toIntExact(percentage.denominator()));
  }

  /** A figure labelled by the query row it came from. */
  private static Figure figure(
      Row r, String measure, double numerator, long denominator, double value) {
    return new Figure(
        measure,
        r.getAs("assessment"),
        r.getAs("subject"),
        r.getAs("school"),
        r.getAs("pupil_group"),
        r.getAs("group_value"),
        r.getAs("academic_year"),
        r.getAs("term"),
        numerator,
        denominator,
        value);
  }
}
