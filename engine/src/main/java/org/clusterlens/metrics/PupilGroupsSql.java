package org.clusterlens.metrics;

import org.clusterlens.model.Ethnicity;
import org.clusterlens.model.Figure;
import org.clusterlens.model.PupilAssessment;

/**
 * The SQL that puts each pupil's row into every pupil group it belongs to, for the attainment
 * query's text ({@link AttainmentMetrics#query()}) that the benchmark runs in Spark and in DuckDB.
 * The figures themselves are counted from {@link PupilTable}, which groups pupils the same way; the
 * benchmark fails unless DuckDB's counts from this SQL agree with every percentage figure, so the
 * two cannot drift apart unnoticed.
 *
 * <p>{@link #ctes} defines, over the warehouse's rows in view {@code source} and pupil rows in CTE
 * {@code input} (with at least {@code school_urn, academic_year, term, assessment, upn,
 * year_group}), a CTE {@code labelled}: every input row once per group it belongs to, with {@code
 * pupil_group} and {@code group_value} added. A pupil whose value is not known (null in the
 * warehouse: the return left it out) is left out of that group's values, never counted as "no";
 * {@link NotKnownMetrics} counts such pupils. Statutory results belong to one year group, so only
 * teacher assessment is split by year; the prior-attainment band is not used for KS1 results (it is
 * made from them).
 */
final class PupilGroupsSql {

  /** The group columns added, for the GROUP BY. */
  static final String GROUP_COLUMNS = "pupil_group, group_value";

  private PupilGroupsSql() {}

  /** The CTEs {@code background}, {@code ks1}, {@code described} and {@code labelled}. */
  static String ctes(String source, String input) {
    return """
      -- One row per pupil and term with the characteristics groups are drawn from.
      background AS (
        SELECT school_urn AS b_school, academic_year AS b_year, term AS b_term, upn AS b_upn,
               first(gender) AS gender, first(fsm) AS fsm, first(disadvantaged) AS disadvantaged,
               first(sen) AS sen, first(eal) AS eal, first(ethnicity) AS ethnicity,
               first(date_joined) AS date_joined, first(date_of_birth) AS date_of_birth
        FROM %1$s
        GROUP BY school_urn, academic_year, term, upn
      ),
      -- KS1 average point score: the mean of reading, writing and maths, wherever it was held;
      -- the bands are bands of level points, so only KS1 results in levels give one.
      ks1 AS (
        SELECT upn AS k_upn, avg(points) AS ks1_aps
        FROM (SELECT upn, subject, max(points) AS points FROM %1$s
              WHERE assessment = 'ks1' AND points IS NOT NULL AND scheme = '%8$s'
              GROUP BY upn, subject)
        GROUP BY upn
        HAVING count(*) = 3
      ),
      described AS (
        SELECT i.*,
          -- Not known (null) stays null, so the pupil is in neither Y nor N.
          CASE WHEN b.disadvantaged THEN 'Y' WHEN NOT b.disadvantaged THEN 'N' END
            AS g_disadvantaged,
          CASE WHEN b.fsm THEN 'Y' WHEN NOT b.fsm THEN 'N' END AS g_fsm,
          b.sen AS g_sen,
          CASE WHEN b.eal THEN 'Y' WHEN NOT b.eal THEN 'N' END AS g_eal,
          b.gender AS g_gender,
          CASE WHEN b.date_of_birth IS NULL THEN NULL
               WHEN month(b.date_of_birth) >= 9 THEN 'autumn'
               WHEN month(b.date_of_birth) <= 4 THEN 'spring' ELSE 'summer' END
            AS g_season_of_birth,
          CASE WHEN i.assessment = 'ks1' OR k.ks1_aps IS NULL THEN NULL
               WHEN k.ks1_aps < %3$s THEN 'low'
               WHEN k.ks1_aps < %4$s THEN 'middle' ELSE 'high' END AS g_prior_attainment,
          CASE WHEN b.date_joined IS NULL THEN NULL
               WHEN b.date_joined <= %7$s THEN 'stable' ELSE 'mobile' END AS g_mobility,
          %5$s AS g_ethnicity
        FROM %2$s i
        JOIN background b
          ON i.school_urn = b.b_school AND i.academic_year = b.b_year
         AND i.term = b.b_term AND i.upn = b.b_upn
        LEFT JOIN ks1 k ON i.upn = k.k_upn
      ),
      labelled AS (
        SELECT *
        FROM described
        LATERAL VIEW stack(11,
          '%6$s', '%6$s',
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
        WHERE group_value IS NOT NULL AND (pupil_group <> 'year_group' OR assessment = 'teacher')
      )
      """
        .formatted(
            source,
            input,
            PriorAttainment.LOW_BELOW,
            PriorAttainment.HIGH_FROM,
            ethnicMajorGroup(),
            Figure.ALL,
            stableBy("i.academic_year"),
            PupilAssessment.NC_LEVELS);
  }

  /**
   * SQL for the last joining date of a stable pupil in {@code academicYear}: on roll since the
   * start of the previous academic year, taken as 15 September so a pupil who arrived in the autumn
   * term's first days (as every Reception class does) counts as there from the start.
   */
  static String stableBy(String academicYear) {
    return "make_date(CAST(substr(" + academicYear + ", 1, 4) AS INT) - 1, 9, 15)";
  }

  /** SQL mapping the census ethnicity code to its major group's code. */
  private static String ethnicMajorGroup() {
    StringBuilder sql = new StringBuilder("CASE b.ethnicity");
    for (Ethnicity e : Ethnicity.values()) {
      sql.append(" WHEN '").append(e.name()).append("' THEN '");
      sql.append(e.majorGroup().code()).append('\'');
    }
    return sql.append(" END").toString();
  }

  /** School or cluster, as the first column of a GROUPING SETS query over school_urn. */
  static String schoolColumn() {
    return "CASE WHEN grouping(school_urn) = 1 THEN '"
        + Figure.CLUSTER
        + "' ELSE school_urn END AS school";
  }
}
