package org.clusterlens.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.clusterlens.model.Ethnicity;
import org.clusterlens.model.Figure;
import org.clusterlens.scheme.NationalCurriculumLevels;
import org.clusterlens.stats.ConfidenceLevel;
import org.clusterlens.stats.Proportion;
import org.clusterlens.stats.ProportionInterval;
import org.clusterlens.stats.ProportionIntervals;
import org.clusterlens.stats.SmallNumberRules;

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
      -- One row per pupil and term with the characteristics groups are drawn from.
      background AS (
        SELECT school_urn, academic_year, term, upn,
               first(gender) AS gender, first(fsm) AS fsm, first(disadvantaged) AS disadvantaged,
               first(sen) AS sen, first(eal) AS eal, first(ethnicity) AS ethnicity,
               first(date_joined) AS date_joined, first(date_of_birth) AS date_of_birth
        FROM %1$s
        GROUP BY school_urn, academic_year, term, upn
      ),
      -- KS1 average point score: the mean of reading, writing and maths, wherever it was held.
      ks1 AS (
        SELECT upn, avg(points) AS ks1_aps
        FROM (SELECT upn, subject, max(points) AS points FROM %1$s
              WHERE assessment = 'ks1' AND points IS NOT NULL GROUP BY upn, subject)
        GROUP BY upn
        HAVING count(*) = 3
      ),
      described AS (
        SELECT p.*,
          CASE WHEN b.disadvantaged THEN 'Y' ELSE 'N' END AS g_disadvantaged,
          CASE WHEN b.fsm THEN 'Y' ELSE 'N' END AS g_fsm,
          b.sen AS g_sen,
          CASE WHEN b.eal THEN 'Y' ELSE 'N' END AS g_eal,
          b.gender AS g_gender,
          CASE WHEN month(b.date_of_birth) >= 9 THEN 'autumn'
               WHEN month(b.date_of_birth) <= 4 THEN 'spring' ELSE 'summer' END
            AS g_season_of_birth,
          CASE WHEN p.assessment = 'ks1' OR k.ks1_aps IS NULL THEN NULL
               WHEN k.ks1_aps < %7$s THEN 'low'
               WHEN k.ks1_aps < %8$s THEN 'middle' ELSE 'high' END AS g_prior_attainment,
          CASE WHEN b.date_joined IS NULL THEN NULL
               WHEN b.date_joined < make_date(CAST(substr(p.academic_year, 1, 4) AS INT) - 1, 9, 1)
               THEN 'stable' ELSE 'mobile' END AS g_mobility,
          %9$s AS g_ethnicity
        FROM pupils p
        JOIN background b
          ON p.school_urn = b.school_urn AND p.academic_year = b.academic_year
         AND p.term = b.term AND p.upn = b.upn
        LEFT JOIN ks1 k ON p.upn = k.upn
      ),
      labelled AS (
        SELECT school_urn, academic_year, term, assessment, subject, upn, points, level,
               pupil_group, group_value
        FROM described
        LATERAL VIEW stack(11,
          '%4$s', '%4$s',
          'year_group', CAST(year_group AS STRING),
          'disadvantaged', g_disadvantaged,
          'fsm', g_fsm,
          'sen', g_sen,
          'eal', g_eal,
          'gender', g_gender,
          'season_of_birth', g_season_of_birth,
          'prior_attainment', g_prior_attainment,
          'mobility', g_mobility,
          'ethnicity', g_ethnicity) g AS pupil_group, group_value
        -- Statutory results belong to one year group, so only teacher assessment is split by
        -- year; a pupil whose value is unknown is left out of that group's figures.
        WHERE group_value IS NOT NULL AND (pupil_group <> 'year_group' OR assessment = 'teacher')
      )
      SELECT
        CASE WHEN grouping(school_urn) = 1 THEN '%3$s' ELSE school_urn END AS school,
        academic_year, term, assessment, subject, pupil_group, group_value,
        count(*) AS pupils,
        sum(CASE WHEN level >= %5$d THEN 1 ELSE 0 END) AS at_level4,
        sum(CASE WHEN level >= %6$d THEN 1 ELSE 0 END) AS at_level5,
        sum(points) AS total_points
      FROM labelled
      GROUP BY GROUPING SETS (
        (school_urn, academic_year, term, assessment, subject, pupil_group, group_value),
        (academic_year, term, assessment, subject, pupil_group, group_value))
      """
          .formatted(
              VIEW,
              Figure.RWM,
              Figure.CLUSTER,
              Figure.ALL,
              NationalCurriculumLevels.LEVEL_4,
              NationalCurriculumLevels.LEVEL_5,
              PriorAttainment.LOW_BELOW,
              PriorAttainment.HIGH_FROM,
              ethnicMajorGroup());

  /** SQL mapping the census ethnicity code to its major group's code. */
  private static String ethnicMajorGroup() {
    StringBuilder sql = new StringBuilder("CASE b.ethnicity");
    for (Ethnicity e : Ethnicity.values()) {
      sql.append(" WHEN '").append(e.name()).append("' THEN '");
      sql.append(e.majorGroup().code()).append('\'');
    }
    return sql.append(" END").toString();
  }

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
   * Computes the figures with the default small-number rules; see {@link #compute(Dataset,
   * SmallNumberRules)}.
   */
  public static List<Figure> compute(Dataset<Row> assessments) {
    return compute(assessments, SmallNumberRules.DEFAULT);
  }

  /**
   * Computes the figures for every school, term, assessment, subject and pupil group in {@code
   * assessments} (rows with the warehouse's schema), the year-on-year KS2 shifts and each group's
   * gap to the rest, then screens them all (pupil weight, reporting threshold, suppression,
   * false-discovery control, funnel limits).
   *
   * @return the figures in {@link #ORDER}; never null
   */
  public static List<Figure> compute(Dataset<Row> assessments, SmallNumberRules rules) {
    assessments.createOrReplaceTempView(VIEW);
    List<Figure> figures = new ArrayList<>();
    for (Row r : assessments.sparkSession().sql(QUERY).collectAsList()) {
      figures.addAll(figuresOf(r));
    }
    List<Figure> derived = new ArrayList<>(ThresholdShifts.yearOnYear(figures, rules));
    derived.addAll(GroupGaps.of(figures, rules));
    figures.addAll(derived);
    List<Figure> screened = new ArrayList<>(Screening.screen(figures, rules));
    screened.sort(ORDER);
    return screened;
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
