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
 * The "Level 4 / Level 5 shift" at KS2: the change, in percentage points, in the share of pupils at
 * Level 4+ and Level 5+ from one academic year's summer to the next (different pupils, so
 * unpaired). The change between terms of teacher assessment, largely the same pupils, is {@link
 * TermShifts}.
 */
public final class ThresholdShifts {

  private static final Map<String, String> SHIFT_OF =
      Map.of(
          Measures.PCT_LEVEL4_PLUS, Measures.SHIFT_PCT_LEVEL4_PLUS,
          Measures.PCT_LEVEL5_PLUS, Measures.SHIFT_PCT_LEVEL5_PLUS,
          Measures.PCT_EXPECTED_PLUS, Measures.SHIFT_PCT_EXPECTED_PLUS,
          Measures.PCT_HIGHER_PLUS, Measures.SHIFT_PCT_HIGHER_PLUS);

  private ThresholdShifts() {}

  /**
   * One shift figure for every KS2 threshold figure (all pupils, summer) that has a figure for the
   * same school and subject, in the same scheme, in the previous academic year; see {@link
   * #unpaired}. A school that changed scheme between the years has no shift.
   */
  public static List<Figure> of(List<Figure> figures, SmallNumberRules rules) {
    Map<String, Figure> byKey = new HashMap<>();
    for (Figure f : figures) {
      if (isKs2Threshold(f)) {
        byKey.put(key(f.measure(), f, f.academicYear(), f.term(), f.groupValue()), f);
      }
    }
    List<Figure> shifts = new ArrayList<>();
    for (Figure now : byKey.values()) {
      Cohort earlier = previousCohort(now);
      if (earlier == null) {
        continue;
      }
      Figure before =
          byKey.get(key(now.measure(), now, earlier.academicYear, earlier.term, earlier.value));
      if (before == null) {
        continue;
      }
      shifts.add(unpaired(SHIFT_OF.get(now.measure()), before, now, "", rules));
    }
    return shifts;
  }

  /**
   * The change from {@code before} to {@code now} treating them as independent cohorts: the later
   * figure's labels, Newcombe's 95% interval on the change (its method followed by {@code
   * methodNote}), Fisher's exact p-value (kept for the false-discovery control over every candidate
   * finding), and no numerator or denominator: both sides' counts are in the figures it was made
   * from. A shift with fewer pupils than the reporting threshold on either side is marked so no
   * flag is drawn from it.
   */
  static Figure unpaired(
      String measure, Figure before, Figure now, String methodNote, SmallNumberRules rules) {
    Proportion then = AttainmentMetrics.proportionOf(before);
    Proportion later = AttainmentMetrics.proportionOf(now);
    ProportionDifference change =
        ProportionDifference.newcombe(then, later, ConfidenceLevel.NINETY_FIVE);
    Figure shift =
        Derived.like(now, measure, null, null, now.value() - before.value())
            .withInterval(
                100 * change.interval().lower(),
                100 * change.interval().upper(),
                (change.method().label() + ", " + change.confidence().label() + methodNote)
                    .intern())
            .withPValue(FisherExactTest.twoSidedPValue(then, later));
    return rules.belowReporting(Math.min(then.total(), later.total()))
        ? shift.asBelowReportingThreshold()
        : shift;
  }

  /** The year, term and group value a shift (or the figure it ends at) is compared with. */
  record Cohort(String academicYear, String term, String value) {}

  /**
   * The cohort a shift starts from: the previous academic year's summer for KS2; for a teacher
   * assessment year group, the term before (autumn: the previous summer, one year group lower);
   * null when there is none (Year 1 in autumn).
   */
  static Cohort previousCohort(Figure f) {
    if (f.assessment().equals(Measures.KS2)) {
      return new Cohort(Term.previousAcademicYear(f.academicYear()), f.term(), f.groupValue());
    }
    return switch (f.term()) {
      case "spring" -> new Cohort(f.academicYear(), "autumn", f.groupValue());
      case "summer" -> new Cohort(f.academicYear(), "spring", f.groupValue());
      default -> {
        int year = Integer.parseInt(f.groupValue());
        yield year <= 1
            ? null
            : new Cohort(
                Term.previousAcademicYear(f.academicYear()), "summer", Integer.toString(year - 1));
      }
    };
  }

  private static boolean isKs2Threshold(Figure f) {
    return f.assessment().equals(Assessment.KS2.code())
        && SHIFT_OF.containsKey(f.measure())
        && f.group().equals(Figure.ALL)
        && f.term().equals(Term.Season.SUMMER.word());
  }

  static String key(String measure, Figure f, String academicYear, String term, String groupValue) {
    return String.join(
        "|",
        measure,
        f.assessment(),
        String.valueOf(f.scheme()),
        f.subject(),
        f.school(),
        f.group(),
        groupValue,
        academicYear,
        term);
  }
}
