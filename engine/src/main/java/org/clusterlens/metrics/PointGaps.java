package org.clusterlens.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusterlens.model.Figure;
import org.clusterlens.stats.ConfidenceLevel;
import org.clusterlens.stats.MeanDifference;
import org.clusterlens.stats.SmallNumberRules;

/**
 * Each pupil group's average points against the rest of its school (or of the cluster): {@code
 * gap_average_points}, the group's mean points minus the rest's, with Welch's 95% interval and
 * t-test, for the same groups and values as {@link GroupGaps}' percentage gaps. Welch needs each
 * side's spread, which the attainment figures do not carry, so the pupils' points are summed and
 * squared here from the same rows.
 */
final class PointGaps {

  private static final String QUERY =
      """
      WITH %1$s,
      %2$s
      SELECT %3$s, academic_year, term, assessment, subject, pupil_group, group_value,
             count(*) AS pupils, sum(points) AS total, sum(points * points) AS squares
      FROM labelled
      WHERE points IS NOT NULL AND pupil_group NOT IN ('%4$s', '%5$s')
      GROUP BY GROUPING SETS (
        (school_urn, academic_year, term, assessment, subject, pupil_group, group_value),
        (academic_year, term, assessment, subject, pupil_group, group_value))
      """;

  private PointGaps() {}

  /** One group's pupils, total points and total squared points. */
  private record Sums(long pupils, double total, double squares) {

    Sums minus(Sums other) {
      return new Sums(pupils - other.pupils, total - other.total, squares - other.squares);
    }

    Sums plus(Sums other) {
      return new Sums(pupils + other.pupils, total + other.total, squares + other.squares);
    }
  }

  /**
   * The points gaps for the pupil rows registered as {@code view}; never null. A gap is marked
   * below the reporting threshold when either side has fewer pupils than it, and suppressed when
   * the rest is small enough to be withheld (the group's own suppression is carried over in
   * screening, as for the percentage gaps). A gap with fewer than 2 pupils on a side, or no spread
   * on either, carries no interval or test.
   */
  static List<Figure> of(SparkSession spark, String view, SmallNumberRules rules) {
    String sql =
        QUERY.formatted(
            AttainmentMetrics.PUPIL_GRADES.formatted(view, Figure.RWM),
            PupilGroupsSql.ctes(view, "pupils"),
            PupilGroupsSql.schoolColumn(),
            Figure.ALL,
            Measures.YEAR_GROUP);
    Map<Figure, Sums> groups = new HashMap<>();
    Map<String, Sums> dimensions = new HashMap<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      Sums sums =
          new Sums(r.<Long>getAs("pupils"), r.<Double>getAs("total"), r.<Double>getAs("squares"));
      Figure label =
          new Figure(
              Measures.GAP_AVERAGE_POINTS,
              r.getAs("assessment"),
              r.getAs("subject"),
              r.getAs("school"),
              r.getAs("pupil_group"),
              r.getAs("group_value"),
              r.getAs("academic_year"),
              r.getAs("term"),
              sums.total(),
              sums.pupils(),
              sums.total() / sums.pupils());
      groups.put(label, sums);
      dimensions.merge(dimension(label), sums, Sums::plus);
    }
    List<Figure> gaps = new ArrayList<>();
    groups.forEach(
        (label, group) -> {
          if (GroupGaps.compared(label)) {
            Sums rest = dimensions.get(dimension(label)).minus(group);
            if (rest.pupils() > 0) {
              gaps.add(gap(label, group, rest, rules));
            }
          }
        });
    return gaps;
  }

  private static Figure gap(Figure label, Sums group, Sums rest, SmallNumberRules rules) {
    double difference = group.total() / group.pupils() - rest.total() / rest.pupils();
    Figure out =
        new Figure(
            label.measure(),
            label.assessment(),
            label.subject(),
            label.school(),
            label.group(),
            label.groupValue(),
            label.academicYear(),
            label.term(),
            label.numerator(),
            label.denominator(),
            difference);
    ConfidenceLevel level = ConfidenceLevel.NINETY_FIVE;
    Optional<MeanDifference> welch =
        MeanDifference.welch(
            group.pupils(),
            group.total(),
            group.squares(),
            rest.pupils(),
            rest.total(),
            rest.squares(),
            level);
    if (welch.isPresent()) {
      out =
          out.withInterval(
                  welch.get().interval().lower(),
                  welch.get().interval().upper(),
                  MeanDifference.METHOD + ", " + level.label())
              .withPValue(welch.get().pValue());
    }
    if (rules.belowReporting(Math.min(group.pupils(), rest.pupils()))) {
      out = out.asBelowReportingThreshold();
    }
    return rules.mustSuppress(rest.pupils()) ? out.asSuppressed() : out;
  }

  private static String dimension(Figure f) {
    return String.join(
        "|", f.assessment(), f.subject(), f.school(), f.group(), f.academicYear(), f.term());
  }
}
