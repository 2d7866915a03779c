package org.clusterlens.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusterlens.model.Figure;
import org.clusterlens.model.PupilAssessment;
import org.clusterlens.stats.SmallNumberRules;

/**
 * What changed in the cohort's make-up beside each shift: pupils counted, % disadvantaged, % with
 * SEN (support or EHC plan) and % with low KS1 prior attainment (of pupils whose band is known),
 * later cohort minus earlier, with the shift's labels. A percentage change resting on a group of 1
 * to 5 pupils on either side is suppressed, as is every change beside a suppressed shift.
 */
final class CohortMakeup {

  private static final String QUERY =
      """
      WITH %1$s,
      %2$s
      SELECT %3$s, academic_year, term, assessment, subject,
             CASE WHEN grouping(year_group) = 1 THEN '%4$s' ELSE CAST(year_group AS STRING) END
               AS cohort,
             count(*) AS pupils,
             sum(CASE WHEN g_disadvantaged = 'Y' THEN 1 ELSE 0 END) AS disadvantaged,
             sum(CASE WHEN g_sen <> 'N' THEN 1 ELSE 0 END) AS sen,
             sum(CASE WHEN g_prior_attainment = 'low' THEN 1 ELSE 0 END) AS low_prior,
             count(g_prior_attainment) AS prior_known
      FROM described
      -- Shifts are made in levels only, so their cohorts are the pupils graded in levels.
      WHERE scheme = '%5$s'
      GROUP BY GROUPING SETS (
        (school_urn, academic_year, term, assessment, subject),
        (school_urn, academic_year, term, assessment, subject, year_group),
        (academic_year, term, assessment, subject),
        (academic_year, term, assessment, subject, year_group))
      """;

  private CohortMakeup() {}

  /** Make-up counts of one cohort: pupils, disadvantaged, SEN, low prior, prior known. */
  private record Counts(
      long pupils, long disadvantaged, long sen, long lowPrior, long priorKnown) {}

  /**
   * The make-up changes beside each shift in {@code figures} (screened: a suppressed shift's
   * changes are suppressed), from the pupil rows registered as {@code view}; never null.
   */
  static List<Figure> beside(
      List<Figure> figures, SparkSession spark, String view, SmallNumberRules rules) {
    String sql =
        QUERY.formatted(
            AttainmentMetrics.PUPIL_GRADES.formatted(view, Figure.RWM),
            PupilGroupsSql.ctes(view, "pupils"),
            PupilGroupsSql.schoolColumn(),
            Figure.ALL,
            PupilAssessment.NC_LEVELS);
    Map<String, Counts> cohorts = new HashMap<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      cohorts.put(
          key(
              r.getAs("school"),
              r.getAs("assessment"),
              r.getAs("subject"),
              r.getAs("academic_year"),
              r.getAs("term"),
              r.getAs("cohort")),
          new Counts(
              r.<Long>getAs("pupils"),
              r.<Long>getAs("disadvantaged"),
              r.<Long>getAs("sen"),
              r.<Long>getAs("low_prior"),
              r.<Long>getAs("prior_known")));
    }
    List<Figure> out = new ArrayList<>();
    for (Figure shift : figures) {
      if (!shift.measure().startsWith("shift_pct_level4")
          && !shift.measure().startsWith("term_shift_pct_level4")) {
        continue;
      }
      ThresholdShifts.Cohort earlier = ThresholdShifts.previousCohort(shift);
      Counts now =
          cohorts.get(
              key(
                  shift.school(),
                  shift.assessment(),
                  shift.subject(),
                  shift.academicYear(),
                  shift.term(),
                  shift.groupValue()));
      Counts then =
          cohorts.get(
              key(
                  shift.school(),
                  shift.assessment(),
                  shift.subject(),
                  earlier.academicYear(),
                  earlier.term(),
                  earlier.value()));
      if (now == null || then == null) {
        continue;
      }
      out.add(change(shift, Measures.COHORT_CHANGE_PUPILS, now.pupils - then.pupils, false));
      out.add(
          share(
              shift,
              Measures.COHORT_CHANGE_PCT_DISADVANTAGED,
              now.disadvantaged,
              now.pupils,
              then.disadvantaged,
              then.pupils,
              rules));
      out.add(
          share(
              shift,
              Measures.COHORT_CHANGE_PCT_SEN,
              now.sen,
              now.pupils,
              then.sen,
              then.pupils,
              rules));
      if (now.priorKnown > 0 && then.priorKnown > 0) {
        out.add(
            share(
                shift,
                Measures.COHORT_CHANGE_PCT_LOW_PRIOR_ATTAINMENT,
                now.lowPrior,
                now.priorKnown,
                then.lowPrior,
                then.priorKnown,
                rules));
      }
    }
    return out;
  }

  private static Figure share(
      Figure shift,
      String measure,
      long nowMet,
      long nowPupils,
      long thenMet,
      long thenPupils,
      SmallNumberRules rules) {
    boolean small = rules.mustSuppress(nowMet) || rules.mustSuppress(thenMet);
    return change(shift, measure, 100.0 * nowMet / nowPupils - 100.0 * thenMet / thenPupils, small);
  }

  private static Figure change(Figure shift, String measure, double value, boolean small) {
    Figure f =
        new Figure(
            measure,
            shift.assessment(),
            shift.subject(),
            shift.school(),
            shift.group(),
            shift.groupValue(),
            shift.academicYear(),
            shift.term(),
            null,
            null,
            value);
    if (shift.belowReportingThreshold()) {
      f = f.asBelowReportingThreshold();
    }
    return small || shift.suppressed() ? f.asSuppressed() : f;
  }

  private static String key(
      String school,
      String assessment,
      String subject,
      String academicYear,
      String term,
      String cohort) {
    return String.join("|", school, assessment, subject, academicYear, term, cohort);
  }
}
