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

/** A group's average points against the rest of its school, with Welch's interval. */
class PointGapsTest {

  private static List<Figure> figures;

  @BeforeAll
  static void compute() {
    PupilRows rows = new PupilRows();
    // School 100003, Year 3 in autumn: disadvantaged pupils at 21, 27, 27, 33 points (mean 27);
    // the others at 15, 21, 21, 21, 27 (mean 21).
    double[] disadvantaged = {21, 27, 27, 33};
    double[] others = {15, 21, 21, 21, 27};
    int i = 0;
    for (double points : disadvantaged) {
      rows.teacher("100003", "2024-25", "autumn", new Pupil("C" + i++, true, "F"), 3, points);
    }
    for (double points : others) {
      rows.teacher("100003", "2024-25", "autumn", new Pupil("C" + i++, false, "F"), 3, points);
    }
    // Schools 100004 and 100005: 2 and 3 disadvantaged pupils among 8, too few to publish; each
    // protects the other from subtraction, so school 100003's groups stay published.
    for (int k = 0; k < 8; k++) {
      rows.teacher(
          "100004", "2024-25", "autumn", new Pupil("D" + k, k < 2, "F"), 3, k < 2 ? 21 : 27);
      rows.teacher(
          "100005", "2024-25", "autumn", new Pupil("E" + k, k < 3, "F"), 3, k < 3 ? 21 : 27);
    }
    // Groups of 4 may be published here (suppression below 4), compared from 4 pupils.
    figures =
        AttainmentMetrics.compute(rows.dataset(SharedSpark.session()), new SmallNumberRules(4, 4));
  }

  private static Figure gap(String school, String subject) {
    return figures.stream()
        .filter(
            f ->
                f.measure().equals(Measures.GAP_AVERAGE_POINTS)
                    && f.school().equals(school)
                    && f.subject().equals(subject)
                    && f.group().equals(Measures.DISADVANTAGED))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No points gap for " + school + " " + subject));
  }

  @Test
  void theDisadvantagedGapInAveragePointsHasWelchsInterval() {
    Figure g = gap("100003", "reading");

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
  void aGapOnAGroupTooSmallToPublishIsWithheld() {
    assertThat(gap("100004", "maths").suppressed()).isTrue();
    assertThat(gap("100004", "maths").publishable().value()).isNaN();
  }

  @Test
  void thereIsNoPointsGapForTheCombinedMeasure() {
    assertThat(figures)
        .noneMatch(
            f -> f.measure().equals(Measures.GAP_AVERAGE_POINTS) && f.subject().equals(Figure.RWM));
  }
}
