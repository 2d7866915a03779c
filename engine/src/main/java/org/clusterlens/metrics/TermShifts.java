package org.clusterlens.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Grade;
import org.clusterlens.model.PupilAssessment;
import org.clusterlens.stats.ConfidenceLevel;
import org.clusterlens.stats.PairedCounts;
import org.clusterlens.stats.PairedProportionDifference;
import org.clusterlens.stats.SmallNumberRules;

/**
 * The change in teacher assessment between terms — autumn → spring → summer of one year, and summer
 * → the next autumn one year group up — in the share of a year group at Level 4+ and Level 5+.
 *
 * <p>Between terms a year group is largely the same pupils, so the change is worked out on the
 * pupils assessed in both terms (joined on UPN within a school): Newcombe's paired interval and the
 * exact McNemar test, far tighter than treating the terms as two cohorts. The figure then counts
 * those pupils only: numerator = pupils who reached the level minus pupils who fell below it,
 * denominator = pupils assessed in both terms, value = 100 × numerator / denominator.
 *
 * <p>When 1 to 5 pupils (below the suppression threshold) were assessed in only one of the two
 * terms — a few joiners or leavers — the paired figure, set beside the two terms' published
 * figures, would give those few pupils' results away. The shift is then the difference of the two
 * published percentages with the unpaired interval and Fisher's test ({@link
 * ThresholdShifts#unpaired}), and its method says so. The cluster's shift is paired only when every
 * school's is.
 */
final class TermShifts {

  /** Said in the method of an unpaired term shift. */
  static final String UNPAIRED_NOTE =
      "; terms compared as separate cohorts because a few pupils were assessed in only one";

  private static final Map<String, String> TERM_SHIFT_OF =
      Map.of(
          Measures.PCT_LEVEL4_PLUS, Measures.TERM_SHIFT_PCT_LEVEL4_PLUS,
          Measures.PCT_LEVEL5_PLUS, Measures.TERM_SHIFT_PCT_LEVEL5_PLUS);

  private static final String QUERY =
      """
      WITH %1$s,
      indexed AS (
        SELECT school_urn, academic_year, term, subject, year_group, upn, standard AS level,
               %2$s AS term_index
        FROM pupils
        -- Shifts are made in levels: the thresholds are Level 4 and Level 5 (standards 1, 2).
        WHERE assessment = '%3$s' AND scheme = '%7$s'
      ),
      pairs AS (
        SELECT a.school_urn, a.academic_year, a.term, a.subject, a.year_group,
               b.level AS before_level, a.level AS after_level
        FROM indexed a
        JOIN indexed b
          ON a.school_urn = b.school_urn AND a.upn = b.upn AND a.subject = b.subject
         AND b.term_index = a.term_index - 1
         AND b.year_group = a.year_group - CASE WHEN a.term = 'autumn' THEN 1 ELSE 0 END
      )
      SELECT %4$s, academic_year, term, subject, CAST(year_group AS STRING) AS year_group,
             count(*) AS pupils,
             %5$s,
             %6$s
      FROM pairs
      GROUP BY GROUPING SETS (
        (school_urn, academic_year, term, subject, year_group),
        (academic_year, term, subject, year_group))
      """
          .formatted(
              "%1$s",
              ProgressMetrics.TERM_INDEX,
              Measures.TEACHER,
              PupilGroupsSql.schoolColumn(),
              pairedCounts(4, Grade.FIRST_THRESHOLD),
              pairedCounts(5, Grade.SECOND_THRESHOLD),
              PupilAssessment.NC_LEVELS);

  private TermShifts() {}

  /**
   * One term shift for every teacher-assessment year-group figure at Level 4+ and 5+ in {@code
   * figures} that has a figure for the same cohort in the term before, from the pupil rows in view
   * {@code view} (the view {@code figures} were counted from); never null. A paired shift with
   * fewer pupils than the reporting threshold is marked so no flag is drawn from it.
   */
  static List<Figure> of(
      SparkSession spark, String view, List<Figure> figures, SmallNumberRules rules) {
    Map<String, PairedCounts> paired = pairedCounts(spark, view);
    Map<String, Figure> byKey = new HashMap<>();
    for (Figure f : figures) {
      if (isTeacherThreshold(f)) {
        byKey.put(
            ThresholdShifts.key(f.measure(), f, f.academicYear(), f.term(), f.groupValue()), f);
      }
    }
    // Schools first, so the cluster knows whether every school's shift was paired.
    List<Figure[]> ordered = new ArrayList<>();
    List<Figure[]> cluster = new ArrayList<>();
    for (Figure now : byKey.values()) {
      ThresholdShifts.Cohort earlier = ThresholdShifts.previousCohort(now);
      Figure before =
          earlier == null
              ? null
              : byKey.get(
                  ThresholdShifts.key(
                      now.measure(), now, earlier.academicYear(), earlier.term(), earlier.value()));
      if (before != null) {
        (now.school().equals(Figure.CLUSTER) ? cluster : ordered).add(new Figure[] {before, now});
      }
    }
    ordered.addAll(cluster);
    List<Figure> shifts = new ArrayList<>();
    Map<String, Boolean> everySchoolPaired = new HashMap<>();
    for (Figure[] pair : ordered) {
      Figure before = pair[0];
      Figure now = pair[1];
      String cell = pairKey(now.measure(), now.school(), now);
      String clusterCell = pairKey(now.measure(), Figure.CLUSTER, now);
      boolean isCluster = now.school().equals(Figure.CLUSTER);
      PairedCounts counts = paired.get(cell);
      boolean canPair =
          counts != null
              && !onlyAFewUnpaired(before, counts, rules)
              && !onlyAFewUnpaired(now, counts, rules)
              && (!isCluster || everySchoolPaired.getOrDefault(clusterCell, true));
      String measure = TERM_SHIFT_OF.get(now.measure());
      Figure shift =
          canPair
              ? pairedShift(measure, now, counts, rules)
              : ThresholdShifts.unpaired(measure, before, now, UNPAIRED_NOTE, rules);
      if (!isCluster && !canPair) {
        everySchoolPaired.put(clusterCell, false);
      }
      shifts.add(shift);
    }
    return shifts;
  }

  private static Figure pairedShift(
      String measure, Figure now, PairedCounts counts, SmallNumberRules rules) {
    PairedProportionDifference change =
        PairedProportionDifference.of(counts, ConfidenceLevel.NINETY_FIVE);
    Figure shift =
        Derived.like(
                now,
                measure,
                (double) counts.netChange(),
                (long) counts.pupils(),
                100.0 * counts.netChange() / counts.pupils())
            .withInterval(
                100 * change.interval().lower(),
                100 * change.interval().upper(),
                PairedProportionDifference.METHOD
                    + ", "
                    + change.confidence().label()
                    + ", "
                    + PairedProportionDifference.TEST
                    + " test, pupils assessed in both terms")
            .withPValue(change.pValue())
            .withPupilWeight(100.0 / counts.pupils());
    return rules.belowReporting(counts.pupils()) ? shift.asBelowReportingThreshold() : shift;
  }

  /** 1 to 5 of the figure's pupils were not assessed in the other term. */
  private static boolean onlyAFewUnpaired(
      Figure cohort, PairedCounts counts, SmallNumberRules rules) {
    return rules.mustSuppress(cohort.denominator() - counts.pupils());
  }

  private static Map<String, PairedCounts> pairedCounts(SparkSession spark, String view) {
    Map<String, PairedCounts> out = new HashMap<>();
    String sql = QUERY.formatted(AttainmentMetrics.PUPIL_GRADES.formatted(view, Figure.RWM));
    for (Row r : spark.sql(sql).collectAsList()) {
      for (int level : new int[] {4, 5}) {
        long pupils = r.<Long>getAs("pupils");
        long both = r.<Long>getAs("both_" + level);
        long beforeOnly = r.<Long>getAs("before_only_" + level);
        long afterOnly = r.<Long>getAs("after_only_" + level);
        out.put(
            String.join(
                "|",
                level == 4 ? Measures.PCT_LEVEL4_PLUS : Measures.PCT_LEVEL5_PLUS,
                r.<String>getAs("school"),
                r.<String>getAs("subject"),
                r.<String>getAs("year_group"),
                r.<String>getAs("academic_year"),
                r.<String>getAs("term")),
            new PairedCounts(
                Math.toIntExact(both),
                Math.toIntExact(beforeOnly),
                Math.toIntExact(afterOnly),
                Math.toIntExact(pupils - both - beforeOnly - afterOnly)));
      }
    }
    return out;
  }

  private static String pairKey(String measure, String school, Figure now) {
    return String.join(
        "|", measure, school, now.subject(), now.groupValue(), now.academicYear(), now.term());
  }

  /** SQL sums of the paired table's cells at one level: both, before only, after only. */
  private static String pairedCounts(int name, int level) {
    return ("sum(CASE WHEN before_level >= %2$d AND after_level >= %2$d THEN 1 ELSE 0 END)"
            + " AS both_%1$d,\n"
            + "sum(CASE WHEN before_level >= %2$d AND after_level < %2$d THEN 1 ELSE 0 END)"
            + " AS before_only_%1$d,\n"
            + "sum(CASE WHEN before_level < %2$d AND after_level >= %2$d THEN 1 ELSE 0 END)"
            + " AS after_only_%1$d")
        .formatted(name, level);
  }

  private static boolean isTeacherThreshold(Figure f) {
    return f.assessment().equals(Measures.TEACHER)
        && TERM_SHIFT_OF.containsKey(f.measure())
        && f.group().equals(Measures.YEAR_GROUP);
  }
}
