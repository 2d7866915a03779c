package org.clusterlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.clusterlens.metrics.PupilRows.Pupil;
import org.clusterlens.model.Figure;
import org.clusterlens.stats.SmallNumberRules;
import org.clusterlens.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Term-on-term shifts in teacher assessment, worked on the same pupils where they can be: a Year 5
 * followed from autumn to spring, to summer (when one pupil joins), and on into Year 6.
 */
class TermShiftsTest {

  private static List<Figure> figures;

  private static Pupil pupil(String school, int i) {
    return new Pupil("A" + school + String.format("%06d", i), false, "F");
  }

  @BeforeAll
  static void compute() {
    PupilRows rows = new PupilRows();
    // School 100001, Year 5, twelve pupils. Autumn: 4 at Level 4 (27 points), 8 at Level 3 (21).
    // Spring: 5 of the 8 reach Level 4, nobody falls back. Summer: as spring, and one pupil joins
    // at Level 5 (33). Next autumn, in Year 6: the thirteen again, the first now at Level 5.
    for (int i = 1; i <= 13; i++) {
      Pupil p = pupil("100001", i);
      if (i <= 12) {
        rows.teacher("100001", "2024-25", "autumn", p, 5, i <= 4 ? 27 : 21);
        rows.teacher("100001", "2024-25", "spring", p, 5, i <= 9 ? 27 : 21);
      }
      double summer = i == 13 ? 33 : i <= 9 ? 27 : 21;
      rows.teacher("100001", "2024-25", "summer", p, 5, summer);
      rows.teacher("100001", "2025-26", "autumn", p, 6, i == 1 ? 33 : summer);
    }
    // School 100002, Year 5, seven pupils all at Level 3 in autumn; 3 reach Level 4 in spring.
    for (int i = 1; i <= 7; i++) {
      Pupil p = pupil("100002", i);
      rows.teacher("100002", "2024-25", "autumn", p, 5, 21);
      rows.teacher("100002", "2024-25", "spring", p, 5, i <= 3 ? 27 : 21);
    }
    figures =
        AttainmentMetrics.compute(rows.dataset(SharedSpark.session()), SmallNumberRules.DEFAULT);
  }

  private static Figure shift(String measure, String school, String year, String term, String yg) {
    return figures.stream()
        .filter(
            f ->
                f.measure().equals(measure)
                    && f.school().equals(school)
                    && f.academicYear().equals(year)
                    && f.term().equals(term)
                    && f.groupValue().equals(yg)
                    && f.subject().equals("reading"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No " + measure + " for " + school + " " + term));
  }

  @Test
  void theSameTwelvePupilsArePairedWithNewcombesPairedIntervalAndAnExactMcNemarTest() {
    Figure s = shift(Measures.TERM_SHIFT_PCT_LEVEL4_PLUS, "100001", "2024-25", "spring", "5");

    // 4 of 12 → 9 of 12: 5 pupils crossed, none fell back: +5 of 12 = 41.67 points.
    assertThat(s.numerator()).isEqualTo(5.0);
    assertThat(s.denominator()).isEqualTo(12L);
    assertThat(s.value()).isCloseTo(41.667, within(1e-3));
    // Paired table (4, 0, 5, 3): φ corrected = (12 − 6)/√(4·8·9·3) = 0.2041; square-and-add on the
    // Wilson limits of 4/12 and 9/12 gives 6.44 to 64.30 (worked independently in Python).
    assertThat(s.lower()).isCloseTo(6.44, within(0.01));
    assertThat(s.upper()).isCloseTo(64.30, within(0.01));
    // Exact McNemar: all 5 changes upwards, 2 · (½)^5 = 0.0625 (Fisher, unpaired: 0.0995).
    assertThat(s.pValue()).isCloseTo(0.0625, within(1e-12));
    assertThat(s.method()).contains("paired").contains("McNemar");
    assertThat(s.pupilWeight()).isCloseTo(100.0 / 12, within(1e-12));
    // Twelve pupils: a candidate in the false-discovery control.
    assertThat(s.belowReportingThreshold()).isFalse();
    assertThat(s.adjustedPValue()).isNotNull();
  }

  @Test
  void oneJoinerMakesTheShiftUnpairedSoTheJoinersResultCannotBeWorkedOut() {
    Figure s = shift(Measures.TERM_SHIFT_PCT_LEVEL4_PLUS, "100001", "2024-25", "summer", "5");

    // Paired, the shift (0 of 12) beside 9 of 12 and 10 of 13 would give the joiner's level away.
    // Unpaired: 10/13 − 9/12 = 76.92 − 75.00 = 1.92 points, no counts of its own.
    assertThat(s.value()).isCloseTo(100.0 * 10 / 13 - 75, within(1e-9));
    assertThat(s.numerator()).isNull();
    assertThat(s.method())
        .startsWith("Newcombe hybrid score, 95%")
        .endsWith(TermShifts.UNPAIRED_NOTE);
    // The cluster's shift is unpaired too, or it would give the school's paired figure back.
    assertThat(
            shift(Measures.TERM_SHIFT_PCT_LEVEL4_PLUS, Figure.CLUSTER, "2024-25", "summer", "5")
                .numerator())
        .isNull();
  }

  @Test
  void summerToAutumnFollowsThePupilsIntoTheNextYearGroup() {
    Figure level5 = shift(Measures.TERM_SHIFT_PCT_LEVEL5_PLUS, "100001", "2025-26", "autumn", "6");

    // Year 5 summer → Year 6 autumn, the same 13 pupils: Level 5+ 1 → 2, +1 of 13.
    assertThat(level5.denominator()).isEqualTo(13L);
    assertThat(level5.numerator()).isEqualTo(1.0);
    assertThat(level5.value()).isCloseTo(100.0 / 13, within(1e-9));
    // Nobody changed side at Level 4+: no change, p = 1.
    Figure level4 = shift(Measures.TERM_SHIFT_PCT_LEVEL4_PLUS, "100001", "2025-26", "autumn", "6");
    assertThat(level4.value()).isZero();
    assertThat(level4.pValue()).isEqualTo(1.0);
  }

  @Test
  void theClusterPairsEverySchoolsPupilsAndASmallSchoolsShiftIsNotACandidate() {
    Figure cluster =
        shift(Measures.TERM_SHIFT_PCT_LEVEL4_PLUS, Figure.CLUSTER, "2024-25", "spring", "5");
    // 12 + 7 pupils; 5 + 3 crossed.
    assertThat(cluster.denominator()).isEqualTo(19L);
    assertThat(cluster.numerator()).isEqualTo(8.0);

    Figure small = shift(Measures.TERM_SHIFT_PCT_LEVEL4_PLUS, "100002", "2024-25", "spring", "5");
    assertThat(small.denominator()).isEqualTo(7L);
    assertThat(small.belowReportingThreshold()).isTrue();
    assertThat(small.adjustedPValue()).isNull();
  }
}
