package org.clusterlens.metrics;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusterlens.model.Figure;

/**
 * How many pupils' value of each characteristic's pupil group ({@link #GROUPS}) is not known,
 * beside the group's figures: per school and the cluster, year, term, assessment, scheme and
 * subject, the pupils counted in the all-pupil figure (a counted grade in the subject) whose value
 * is null in the warehouse, so they are in none of the group's values. Measure {@link
 * Measures#PUPILS_NOT_KNOWN}, group the pupil group, value {@link Measures#NOT_KNOWN}; denominator
 * and value the pupils not known. No figure where every pupil's value is known. With these, a
 * group's values and its pupils not known add to the all-pupil figure, and the not-known pupils are
 * a cell of the group's suppression table like any value (see {@link LinkedTables}).
 */
final class NotKnownMetrics {

  private static final String QUERY =
      """
      WITH %1$s,
      %2$s
      SELECT %3$s, academic_year, term, assessment, scheme, subject,
             count_if(g_disadvantaged IS NULL) AS disadvantaged,
             count_if(g_fsm IS NULL) AS fsm,
             count_if(g_sen IS NULL) AS sen,
             count_if(g_eal IS NULL) AS eal,
             count_if(g_gender IS NULL) AS gender,
             count_if(g_season_of_birth IS NULL) AS season_of_birth
      FROM described
      GROUP BY GROUPING SETS (
        (school_urn, academic_year, term, assessment, scheme, subject),
        (academic_year, term, assessment, scheme, subject))
      """;

  /**
   * The groups made from the characteristics a return may leave out or leave empty. Prior
   * attainment, mobility and ethnicity are not known for many pupils by their nature (no KS1 result
   * yet; optional columns): their not-known pupils are not published, and suppression protects them
   * as withheld counts.
   */
  static final List<String> GROUPS =
      List.of(
          Measures.DISADVANTAGED,
          Measures.FSM,
          Measures.SEN,
          Measures.EAL,
          Measures.GENDER,
          Measures.SEASON_OF_BIRTH);

  private NotKnownMetrics() {}

  /** The not-known counts for the pupil rows registered as {@code view}; never null. */
  static List<Figure> compute(SparkSession spark, String view) {
    String sql =
        QUERY.formatted(
            AttainmentMetrics.PUPIL_GRADES.formatted(view, Figure.RWM),
            PupilGroupsSql.ctes(view, "pupils"),
            PupilGroupsSql.schoolColumn());
    List<Figure> figures = new ArrayList<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      for (String group : GROUPS) {
        long notKnown = r.<Long>getAs(group);
        if (notKnown > 0) {
          figures.add(
              new Figure(
                      Measures.PUPILS_NOT_KNOWN,
                      r.getAs("assessment"),
                      r.getAs("subject"),
                      r.getAs("school"),
                      group,
                      Measures.NOT_KNOWN,
                      r.getAs("academic_year"),
                      r.getAs("term"),
                      null,
                      notKnown,
                      notKnown)
                  .inScheme(r.<String>getAs("scheme")));
        }
      }
    }
    return figures;
  }
}
