package org.clusterlens.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterlens.model.Figure;
import org.clusterlens.stats.ConfidenceLevel;
import org.clusterlens.stats.DifferenceChange;
import org.clusterlens.stats.FisherExactTest;
import org.clusterlens.stats.Interval;
import org.clusterlens.stats.Proportion;
import org.clusterlens.stats.ProportionDifference;
import org.clusterlens.stats.SmallNumberRules;

/**
 * Each pupil group against the rest of its school (or of the cluster, pooled at pupil level): the
 * gap in percentage points at Level 4+ and Level 5+, and whether the disadvantaged gap at KS2 is
 * closing over up to three years.
 *
 * <p>Statutory results only: a teacher-assessment gap is made within year groups by {@link
 * PupilGaps}. "The rest" is every other pupil of the school whose value for that group is known, in
 * the same assessment, term and subject. A two-valued group gives one gap (disadvantaged, FSM and
 * EAL pupils, boys, mobile pupils against the others); a many-valued group one gap per value.
 */
public final class GroupGaps {

  private static final Map<String, String> GAP_OF =
      Map.of(
          Measures.PCT_LEVEL4_PLUS, Measures.GAP_PCT_LEVEL4_PLUS,
          Measures.PCT_LEVEL5_PLUS, Measures.GAP_PCT_LEVEL5_PLUS);

  private static final Map<String, String> CHANGE_OF =
      Map.of(
          Measures.GAP_PCT_LEVEL4_PLUS, Measures.GAP_CHANGE_PCT_LEVEL4_PLUS,
          Measures.GAP_PCT_LEVEL5_PLUS, Measures.GAP_CHANGE_PCT_LEVEL5_PLUS);

  /** The one value compared with the rest in each two-valued group. */
  private static final Map<String, String> ONE_SIDED =
      Map.of(
          Measures.DISADVANTAGED, Measures.YES,
          Measures.FSM, Measures.YES,
          Measures.EAL, Measures.YES,
          Measures.GENDER, "M",
          Measures.MOBILITY, Measures.MOBILE);

  private static final Set<String> GROUPS = Set.copyOf(Measures.PUPIL_GROUPS);

  private GroupGaps() {}

  /**
   * One gap figure for every group percentage with pupils on both sides: the group's value minus
   * the rest's, Newcombe's 95% interval on it and Fisher's exact p-value (not yet adjusted). A gap
   * is marked below the reporting threshold when either side is, and suppressed when the rest is
   * small enough to be withheld (the group's own suppression is carried over later).
   */
  public static List<Figure> of(List<Figure> figures, SmallNumberRules rules) {
    Map<String, long[]> totals = new HashMap<>();
    for (Figure f : figures) {
      if (isGroupShare(f)) {
        long[] t = totals.computeIfAbsent(dimension(f), k -> new long[2]);
        t[0] += Math.round(f.numerator());
        t[1] += f.denominator();
      }
    }
    List<Figure> gaps = new ArrayList<>();
    for (Figure f : figures) {
      if (!isGroupShare(f) || !compared(f)) {
        continue;
      }
      long[] t = totals.get(dimension(f));
      int restMet = (int) (t[0] - Math.round(f.numerator()));
      int restPupils = (int) (t[1] - f.denominator());
      if (restPupils == 0) {
        continue;
      }
      Proportion rest = new Proportion(restMet, restPupils);
      Proportion group = AttainmentMetrics.proportionOf(f);
      ProportionDifference gap =
          ProportionDifference.newcombe(rest, group, ConfidenceLevel.NINETY_FIVE);
      Figure out =
          Derived.like(
                  f,
                  GAP_OF.get(f.measure()),
                  f.numerator(),
                  f.denominator(),
                  100 * gap.difference())
              .withInterval(
                  100 * gap.interval().lower(),
                  100 * gap.interval().upper(),
                  (gap.method().label() + ", " + gap.confidence().label()).intern())
              .withPValue(FisherExactTest.twoSidedPValue(rest, group));
      if (rules.belowReporting(Math.min(restPupils, f.denominator()))) {
        out = out.asBelowReportingThreshold();
      }
      if (rules.mustSuppress(restPupils)) {
        out = out.asSuppressed();
      }
      gaps.add(out);
    }
    gaps.addAll(disadvantagedGapChanges(gaps));
    return gaps;
  }

  /**
   * The KS2 disadvantaged gap in its latest year against the earliest of the two years before it
   * that has one (three years when the warehouse holds them): a positive change is a gap closing
   * when the gap is negative. MOVER interval from the two gaps' Newcombe intervals.
   */
  private static List<Figure> disadvantagedGapChanges(List<Figure> gaps) {
    Map<String, Figure> byKey = new HashMap<>();
    for (Figure g : gaps) {
      if (isKs2DisadvantagedGap(g)) {
        byKey.put(g.measure() + "|" + g.subject() + "|" + g.school() + "|" + g.academicYear(), g);
      }
    }
    List<Figure> changes = new ArrayList<>();
    for (Figure now : byKey.values()) {
      String oneBefore = org.clusterlens.model.Term.previousAcademicYear(now.academicYear());
      String twoBefore = org.clusterlens.model.Term.previousAcademicYear(oneBefore);
      String prefix = now.measure() + "|" + now.subject() + "|" + now.school() + "|";
      Figure then = byKey.getOrDefault(prefix + twoBefore, byKey.get(prefix + oneBefore));
      if (then == null) {
        continue;
      }
      DifferenceChange change =
          DifferenceChange.mover(
              then.value(),
              new Interval(then.lower(), then.upper()),
              now.value(),
              new Interval(now.lower(), now.upper()));
      Figure out =
          Derived.like(now, CHANGE_OF.get(now.measure()), null, null, change.change())
              .withInterval(
                  change.interval().lower(),
                  change.interval().upper(),
                  DifferenceChange.METHOD
                      + ", "
                      + ConfidenceLevel.NINETY_FIVE.label()
                      + ", since "
                      + then.academicYear());
      if (now.belowReportingThreshold() || then.belowReportingThreshold()) {
        out = out.asBelowReportingThreshold();
      }
      if (now.suppressed() || then.suppressed()) {
        out = out.asSuppressed();
      }
      changes.add(out);
    }
    return changes;
  }

  private static boolean isKs2DisadvantagedGap(Figure g) {
    return CHANGE_OF.containsKey(g.measure())
        && g.assessment().equals(Measures.KS2)
        && g.term().equals(Measures.SUMMER)
        && g.group().equals(Measures.DISADVANTAGED)
        && g.groupValue().equals(Measures.YES);
  }

  /** Teacher assessment's gaps are made within year groups, by {@link PupilGaps}. */
  private static boolean isGroupShare(Figure f) {
    return GAP_OF.containsKey(f.measure())
        && GROUPS.contains(f.group())
        && !f.assessment().equals(Measures.TEACHER);
  }

  static boolean compared(Figure f) {
    String only = ONE_SIDED.get(f.group());
    return only == null || only.equals(f.groupValue());
  }

  private static String dimension(Figure f) {
    return String.join(
        "|",
        f.measure(),
        f.assessment(),
        f.subject(),
        f.school(),
        f.group(),
        f.academicYear(),
        f.term());
  }
}
