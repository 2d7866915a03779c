package org.clusterlens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

class MeanDifferenceTest {

  private static MeanDifference welch(double[] a, double[] b) {
    return MeanDifference.welch(
            a.length, sum(a), squares(a), b.length, sum(b), squares(b), ConfidenceLevel.NINETY_FIVE)
        .orElseThrow();
  }

  @Test
  void fourPupilsAgainstFiveMatchesScipysWelchTest() {
    // A group at 21, 27, 27, 33 points (mean 27) against the rest at 15, 21, 21, 21, 27 (mean 21).
    // scipy.stats.ttest_ind(equal_var=False): t = 1.9365, df = 6.0472, p = 0.10055, 95% interval
    // −1.5671 to 13.5671.
    MeanDifference d = welch(new double[] {21, 27, 27, 33}, new double[] {15, 21, 21, 21, 27});

    assertThat(d.difference()).isCloseTo(6.0, within(1e-12));
    assertThat(d.degreesOfFreedom()).isCloseTo(6.0472, within(1e-4));
    assertThat(d.pValue()).isCloseTo(0.10055, within(1e-5));
    assertThat(d.interval().lower()).isCloseTo(-1.5671, within(1e-4));
    assertThat(d.interval().upper()).isCloseTo(13.5671, within(1e-4));
  }

  @Test
  void agreesWithCommonsMathsWelchTestOnUnevenGroups() {
    double[] a = {15, 21, 21, 27, 27, 27, 33, 33, 39};
    double[] b = {21, 21, 21, 27, 27, 27, 27, 27, 33, 33, 27, 21, 27};

    assertThat(welch(a, b).pValue()).isCloseTo(new TTest().tTest(a, b), within(1e-9));
  }

  @Test
  void noIntervalWithoutTwoPupilsEachSideOrAnySpread() {
    ConfidenceLevel level = ConfidenceLevel.NINETY_FIVE;
    assertThat(MeanDifference.welch(1, 27, 729, 5, 105, 2277, level)).isEmpty();
    assertThat(MeanDifference.welch(2, 54, 1458, 3, 63, 1323, level)).isEmpty();
  }

  private static double sum(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s;
  }

  private static double squares(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return s;
  }
}
