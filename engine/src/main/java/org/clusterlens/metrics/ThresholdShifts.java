package org.clusterlens.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Term;
import org.clusterlens.stats.ConfidenceLevel;
import org.clusterlens.stats.FisherExactTest;
import org.clusterlens.stats.Proportion;
import org.clusterlens.stats.ProportionDifference;
import org.clusterlens.stats.SmallNumberRules;

/**
 * The "Level 4 / Level 5 shift": the change, in percentage points, in the share of the KS2 cohort
 * at Level 4+ and Level 5+ from one academic year's summer to the next.
 */
public final class ThresholdShifts {

  private static final Map<String, String> SHIFT_OF =
      Map.of(
          Measures.PCT_LEVEL4_PLUS, Measures.SHIFT_PCT_LEVEL4_PLUS,
          Measures.PCT_LEVEL5_PLUS, Measures.SHIFT_PCT_LEVEL5_PLUS);

  private ThresholdShifts() {}

  /**
   * One shift figure for every KS2 threshold figure (all pupils, summer) that has a figure for the
   * same school and subject in the previous academic year. The shift carries the later year, its
   * 95% interval (Newcombe's hybrid score interval for a difference of two proportions: the two
   * years are different pupils), and no numerator or denominator: both years' counts are in the
   * figures it was made from. Fisher's exact p-value is kept for the false-discovery control over
   * every candidate finding; a shift with fewer pupils than the reporting threshold in either year
   * is marked so no flag is drawn from it.
   */
  public static List<Figure> yearOnYear(List<Figure> figures, SmallNumberRules rules) {
    Map<String, Figure> byKey = new HashMap<>();
    for (Figure f : figures) {
      if (isKs2Threshold(f)) {
        byKey.put(key(f, f.academicYear()), f);
      }
    }
    List<Figure> shifts = new ArrayList<>();
    for (Figure now : byKey.values()) {
      Figure before = byKey.get(key(now, Term.previousAcademicYear(now.academicYear())));
      if (before == null) {
        continue;
      }
      Proportion then = AttainmentMetrics.proportionOf(before);
      Proportion later = AttainmentMetrics.proportionOf(now);
      ProportionDifference change =
          ProportionDifference.newcombe(then, later, ConfidenceLevel.NINETY_FIVE);
      Figure shift =
          new Figure(
                  SHIFT_OF.get(now.measure()),
                  now.assessment(),
                  now.subject(),
                  now.school(),
                  now.group(),
                  now.groupValue(),
                  now.academicYear(),
                  now.term(),
                  null,
                  null,
                  now.value() - before.value())
              .withInterval(
                  100 * change.interval().lower(),
                  100 * change.interval().upper(),
                  change.method().label() + ", " + change.confidence().label())
              .withPValue(FisherExactTest.twoSidedPValue(then, later));
      shifts.add(
          rules.belowReporting(Math.min(then.total(), later.total()))
              ? shift.asBelowReportingThreshold()
              : shift);
    }
    return shifts;
  }

  private static boolean isKs2Threshold(Figure f) {
    return f.assessment().equals(Assessment.KS2.code())
        && SHIFT_OF.containsKey(f.measure())
        && f.group().equals(Figure.ALL)
        && f.term().equals(Term.Season.SUMMER.word());
  }

  private static String key(Figure f, String academicYear) {
    return f.measure() + "|" + f.subject() + "|" + f.school() + "|" + academicYear;
  }
}
