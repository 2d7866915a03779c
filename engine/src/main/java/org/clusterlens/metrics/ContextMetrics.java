package org.clusterlens.metrics;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusterlens.model.Figure;

/**
 * Each school's context in each term, and the cluster's pooled: pupils on the return, and the
 * percentage eligible for FSM, disadvantaged, with SEN (support or EHC plan), with EAL, and stable
 * (on roll since the previous academic year began, see {@link PupilGroupsSql#stableBy}). Each
 * percentage is of the pupils whose value is known (its denominator), so the pupils on the return
 * less that denominator are those not known; none is made when no pupil's value is known. These
 * figures carry assessment {@code context}, subject {@code context} and group {@code all}.
 */
final class ContextMetrics {

  private static final String CONTEXT = Measures.CONTEXT;

  private static final String QUERY =
      """
      WITH pupils AS (
        SELECT school_urn, academic_year, term, upn,
               first(fsm) AS fsm, first(disadvantaged) AS disadvantaged, first(sen) AS sen,
               first(eal) AS eal, first(date_joined) AS date_joined
        FROM %1$s
        GROUP BY school_urn, academic_year, term, upn
      )
      SELECT %2$s, academic_year, term,
             count(*) AS pupils,
             sum(CASE WHEN fsm THEN 1 ELSE 0 END) AS fsm,
             count(fsm) AS fsm_known,
             sum(CASE WHEN disadvantaged THEN 1 ELSE 0 END) AS disadvantaged,
             count(disadvantaged) AS disadvantaged_known,
             sum(CASE WHEN sen <> 'N' THEN 1 ELSE 0 END) AS sen,
             count(sen) AS sen_known,
             sum(CASE WHEN eal THEN 1 ELSE 0 END) AS eal,
             count(eal) AS eal_known,
             sum(CASE WHEN date_joined IS NULL THEN 0 ELSE 1 END) AS joining_known,
             sum(CASE WHEN date_joined <= %3$s THEN 1 ELSE 0 END) AS stable
      FROM pupils
      GROUP BY GROUPING SETS ((school_urn, academic_year, term), (academic_year, term))
      """;

  private ContextMetrics() {}

  /** The context figures for the pupil rows registered as {@code view}; never null. */
  static List<Figure> compute(SparkSession spark, String view) {
    List<Figure> figures = new ArrayList<>();
    for (Row r :
        spark
            .sql(
                QUERY.formatted(
                    view, PupilGroupsSql.schoolColumn(), PupilGroupsSql.stableBy("academic_year")))
            .collectAsList()) {
      long pupils = r.<Long>getAs("pupils");
      figures.add(figure(r, Measures.CONTEXT_PUPILS, null, pupils, pupils));
      addShareOfKnown(figures, r, Measures.CONTEXT_PCT_FSM, "fsm", "fsm_known");
      addShareOfKnown(
          figures, r, Measures.CONTEXT_PCT_DISADVANTAGED, "disadvantaged", "disadvantaged_known");
      addShareOfKnown(figures, r, Measures.CONTEXT_PCT_SEN, "sen", "sen_known");
      addShareOfKnown(figures, r, Measures.CONTEXT_PCT_EAL, "eal", "eal_known");
      addShareOfKnown(figures, r, Measures.CONTEXT_PCT_STABLE, "stable", "joining_known");
    }
    return figures;
  }

  /**
   * The share of the pupils whose value is known: its denominator says how many are known, so
   * {@code context_pupils} less it is how many are not. No figure when no pupil's value is known.
   */
  private static void addShareOfKnown(
      List<Figure> figures, Row r, String measure, String met, String known) {
    long pupils = r.<Long>getAs(known);
    if (pupils > 0) {
      figures.add(share(r, measure, r.<Long>getAs(met), pupils));
    }
  }

  private static Figure share(Row r, String measure, long met, long pupils) {
    return AttainmentMetrics.withInterval(
        figure(r, measure, (double) met, pupils, 100.0 * met / pupils));
  }

  private static Figure figure(
      Row r, String measure, Double numerator, long denominator, double value) {
    return new Figure(
            measure,
            CONTEXT,
            CONTEXT,
            r.getAs("school"),
            Figure.ALL,
            Figure.ALL,
            r.getAs("academic_year"),
            r.getAs("term"),
            numerator,
            denominator,
            value)
        // Context is about pupils, not grades: it belongs to no scheme.
        .inScheme(null);
  }
}
