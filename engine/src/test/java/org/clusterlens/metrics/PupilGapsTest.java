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
 * Gaps made from the pupils' rows: average points with Welch's interval at KS2, and every
 * teacher-assessment gap within year groups.
 */
class PupilGapsTest {

  private static List<Figure> figures;

  private static int next;

  private static void teacher(String school, int yearGroup, boolean disadvantaged, double... pts) {
    for (double points : pts) {
      Pupil p = new Pupil("P" + next++, disadvantaged, "F");
      ROWS.teacher(school, "2024-25", "autumn", p, yearGroup, points);
    }
  }

  private static final PupilRows ROWS = new PupilRows();

  @BeforeAll
  static void compute() {
    // School 100003, teacher assessment in autumn. Year 3: disadvantaged 21, 27; others 15, 21,
    // 21. Year 4: disadvantaged 27, 33, 27; others 21, 27, 27, 33.
    teacher("100003", 3, true, 21, 27);
    teacher("100003", 3, false, 15, 21, 21);
    teacher("100003", 4, true, 27, 33, 27);
    teacher("100003", 4, false, 21, 27, 27, 33);
    // Schools 100004 and 100005: 2 and 3 disadvantaged pupils among 8, too few to publish; each
    // protects the other from subtraction, so school 100003's groups stay published.
    teacher("100004", 3, true, 21, 21);
    teacher("100004", 3, false, 27, 27, 27, 27, 27, 27);
    teacher("100005", 3, true, 21, 21, 21);
    teacher("100005", 3, false, 27, 27, 27, 27, 27);
    // School 100006, KS2 in 2024-25: disadvantaged 21, 27, 27, 33 (mean 27); others 15, 21, 21,
    // 21, 27 (mean 21).
    for (double points : new double[] {21, 27, 27, 33}) {
      ROWS.ks2("100006", "2024-25", new Pupil("K" + next++, true, "F"), points);
    }
    for (double points : new double[] {15, 21, 21, 21, 27}) {
      ROWS.ks2("100006", "2024-25", new Pupil("K" + next++, false, "F"), points);
    }
    // Groups of 4 may be published here (suppression below 4), compared from 4 pupils.
    figures =
        AttainmentMetrics.compute(ROWS.dataset(SharedSpark.session()), new SmallNumberRules(4, 4));
  }

  private static Figure gap(String measure, String school, String subject) {
    return figures.stream()
        .filter(
            f ->
                f.measure().equals(measure)
                    && f.school().equals(school)
                    && f.subject().equals(subject)
                    && f.group().equals(Measures.DISADVANTAGED))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No " + measure + " for " + school + " " + subject));
  }

  @Test
  void theKs2DisadvantagedGapInAveragePointsHasWelchsInterval() {
    Figure g = gap(Measures.GAP_AVERAGE_POINTS, "100006", "reading");

    assertThat(g.groupValue()).isEqualTo(Measures.YES);
    assertThat(g.value()).isCloseTo(6.0, within(1e-9));
    // The group's own points and pupils, as for the percentage gaps.
    assertThat(g.numerator()).isEqualTo(108.0);
    assertThat(g.denominator()).isEqualTo(4L);
    // scipy.stats.ttest_ind(equal_var=False): 95% −1.5671 to 13.5671, p = 0.10055.
    assertThat(g.lower()).isCloseTo(-1.5671, within(1e-4));
    assertThat(g.upper()).isCloseTo(13.5671, within(1e-4));
    assertThat(g.pValue()).isCloseTo(0.10055, within(1e-5));
    assertThat(g.method()).isEqualTo("Welch's t, 95%");
    assertThat(g.adjustedPValue()).isNotNull();
  }

  @Test
  void aTeacherAssessmentPointsGapIsMadeWithinYearGroups() {
    Figure g = gap(Measures.GAP_AVERAGE_POINTS, "100003", "maths");

    // Pooled, 27.0 against 23.57 would be a 3.43-point gap; within Years 3 and 4 it is 3.2353
    // (numpy least squares on points ~ group + year: 95% −2.0717 to 8.5423, p 0.2012).
    assertThat(g.value()).isCloseTo(3.23529, within(1e-5));
    assertThat(g.lower()).isCloseTo(-2.07170, within(1e-5));
    assertThat(g.upper()).isCloseTo(8.54228, within(1e-5));
    assertThat(g.pValue()).isCloseTo(0.20117, within(1e-5));
    assertThat(g.method()).startsWith("within year groups");
  }

  @Test
  void aTeacherAssessmentLevel4GapIsMantelHaenszelWithinYearGroups() {
    Figure g = gap(Measures.GAP_PCT_LEVEL4_PLUS, "100003", "reading");

    // Level 4+ (27 points and up). Year 3: 1 of 2 against 0 of 3; Year 4: 3 of 3 against 3 of 4.
    // Pooled 4/5 − 3/7 = 37.14 points; within year groups (Mantel–Haenszel) 35.29, Sato 95%
    // −2.84 to 73.43, p 0.0697 (worked in Python).
    assertThat(g.value()).isCloseTo(35.294, within(1e-3));
    assertThat(g.lower()).isCloseTo(-2.842, within(1e-3));
    assertThat(g.upper()).isCloseTo(73.430, within(1e-3));
    assertThat(g.pValue()).isCloseTo(0.06969, within(1e-5));
    assertThat(g.numerator()).isEqualTo(4.0);
    assertThat(g.denominator()).isEqualTo(5L);
    assertThat(g.pupilWeight()).isCloseTo(20.0, within(1e-12));
  }

  @Test
  void aGapOnAGroupTooSmallToPublishIsWithheld() {
    assertThat(gap(Measures.GAP_AVERAGE_POINTS, "100004", "maths").suppressed()).isTrue();
    assertThat(gap(Measures.GAP_PCT_LEVEL4_PLUS, "100004", "maths").publishable().value()).isNaN();
  }

  @Test
  void thereIsNoPointsGapForTheCombinedMeasure() {
    assertThat(figures)
        .noneMatch(
            f -> f.measure().equals(Measures.GAP_AVERAGE_POINTS) && f.subject().equals(Figure.RWM));
  }

  @Test
  void teacherAssessmentIsPlacedOnFunnelsOnlyYearGroupByYearGroup() {
    assertThat(figures)
        .filteredOn(f -> f.funnel() != null && f.assessment().equals(Measures.TEACHER))
        .allMatch(f -> f.group().equals(Measures.YEAR_GROUP));
  }
}
