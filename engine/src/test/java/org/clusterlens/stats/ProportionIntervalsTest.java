package org.clusterlens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

class ProportionIntervalsTest {

  private static final ConfidenceLevel C95 = ConfidenceLevel.NINETY_FIVE;
  private static final ConfidenceLevel C998 = ConfidenceLevel.NINETY_NINE_POINT_EIGHT;

  /** The methodology's formula evaluated directly, with the printed z. */
  private static double[] wilsonByFormula(int x, int n, double z) {
    double a = 2.0 * x + z * z;
    double b = z * Math.sqrt(z * z + 4.0 * x * (1 - (double) x / n));
    double d = 2 * (n + z * z);
    return new double[] {(a - b) / d, (a + b) / d};
  }

  @Test
  void zValuesAreThoseInTheMethodology() {
    assertThat(C95.z()).isCloseTo(1.959964, within(1e-6));
    assertThat(C998.z()).isCloseTo(3.090232, within(1e-6));
    assertThat(C95.label()).isEqualTo("95%");
    assertThat(C998.label()).isEqualTo("99.8%");
  }

  @Test
  void sevenOfTenIsThirtyNinePointSevenToEightyNinePointTwoPercent() {
    Interval i = ProportionIntervals.wilson(new Proportion(7, 10), C95).interval();
    assertThat(i.lower()).isCloseTo(0.3968, within(5e-5));
    assertThat(i.upper()).isCloseTo(0.8922, within(5e-5));
  }

  @Test
  void wilsonAgreesWithTheFormulaEvaluatedDirectlyForEveryCountUpToForty() {
    for (int n = 1; n <= 40; n++) {
      for (int x = 0; x <= n; x++) {
        for (double z : new double[] {1.959964, 3.090232}) {
          ConfidenceLevel level = z < 2 ? C95 : C998;
          Interval i = ProportionIntervals.wilson(new Proportion(x, n), level).interval();
          double[] expected = wilsonByFormula(x, n, z);
          assertThat(i.lower())
              .as("lower %d/%d z=%s", x, n, z)
              .isCloseTo(expected[0], within(1e-6));
          assertThat(i.upper())
              .as("upper %d/%d z=%s", x, n, z)
              .isCloseTo(expected[1], within(1e-6));
        }
      }
    }
  }

  @Test
  void wilsonTouchesZeroAndOneOnlyAtTheEnds() {
    Interval none = ProportionIntervals.wilson(new Proportion(0, 10), C95).interval();
    Interval all = ProportionIntervals.wilson(new Proportion(10, 10), C95).interval();
    assertThat(none.lower()).isEqualTo(0.0);
    assertThat(none.upper()).isCloseTo(0.2775, within(5e-5));
    assertThat(all.lower()).isCloseTo(0.7225, within(5e-5));
    assertThat(all.upper()).isEqualTo(1.0);
  }

  @Test
  void aCohortOfNoneIsRejectedWithItsValue() {
    assertThatThrownBy(() -> new Proportion(0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A proportion needs a cohort of at least 1, but n was 0");
    assertThatThrownBy(() -> new Proportion(11, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A proportion's count must be between 0 and n = 10, but was 11");
  }

  @Test
  void clopperPearsonSevenOfTenMatchesPublishedExactLimits() {
    // Exact binomial 95% limits for 7/10: 0.3475–0.9333 (R binom.test, scipy binomtest).
    Interval i = ProportionIntervals.clopperPearson(new Proportion(7, 10), C95).interval();
    assertThat(i.lower()).isCloseTo(0.34755, within(5e-5));
    assertThat(i.upper()).isCloseTo(0.93326, within(5e-5));
  }

  @Test
  void clopperPearsonForNoneOfTenHasUpperLimitThirtyPointEightFivePercent() {
    Interval i = ProportionIntervals.clopperPearson(new Proportion(0, 10), C95).interval();
    assertThat(i.lower()).isEqualTo(0.0);
    // Closed form at x = 0: 1 − (α/2)^(1/n).
    assertThat(i.upper()).isCloseTo(1 - Math.pow(0.025, 0.1), within(1e-9));
    Interval all = ProportionIntervals.clopperPearson(new Proportion(10, 10), C95).interval();
    assertThat(all.lower()).isCloseTo(Math.pow(0.025, 0.1), within(1e-9));
    assertThat(all.upper()).isEqualTo(1.0);
  }

  @Test
  void clopperPearsonLimitsLeaveExactlyTheTailProbabilityInTheBinomial() {
    // Second implementation: at the lower limit P(X >= x) = α/2; at the upper limit P(X <= x) =
    // α/2.
    for (ConfidenceLevel level : new ConfidenceLevel[] {C95, C998}) {
      for (int n = 1; n <= 29; n++) {
        for (int x = 0; x <= n; x++) {
          Interval i = ProportionIntervals.clopperPearson(new Proportion(x, n), level).interval();
          double tail = level.tailProbability();
          if (x > 0) {
            BinomialDistribution atLower = new BinomialDistribution(null, n, i.lower());
            assertThat(1 - atLower.cumulativeProbability(x - 1))
                .as("upper tail at lower limit %d/%d", x, n)
                .isCloseTo(tail, within(1e-8));
          }
          if (x < n) {
            BinomialDistribution atUpper = new BinomialDistribution(null, n, i.upper());
            assertThat(atUpper.cumulativeProbability(x))
                .as("lower tail at upper limit %d/%d", x, n)
                .isCloseTo(tail, within(1e-8));
          }
        }
      }
    }
  }

  @Test
  void exactIsRecommendedBelowThirtyAndWilsonFromThirty() {
    ProportionInterval small = ProportionIntervals.recommended(new Proportion(7, 29), C95);
    ProportionInterval large = ProportionIntervals.recommended(new Proportion(7, 30), C95);
    assertThat(small.method()).isEqualTo(IntervalMethod.CLOPPER_PEARSON_EXACT);
    assertThat(small.method().label()).isEqualTo("Clopper–Pearson exact");
    assertThat(large.method()).isEqualTo(IntervalMethod.WILSON_SCORE);
    assertThat(large.method().label()).isEqualTo("Wilson score");
    assertThat(large.interval())
        .isEqualTo(ProportionIntervals.wilson(new Proportion(7, 30), C95).interval());
  }

  @Test
  void onePupilInTenIsWorthTenPercentagePoints() {
    assertThat(new PupilWeight(10).percentagePoints()).isEqualTo(10.0);
    assertThat(new Proportion(3, 8).pupilWeight().percentagePoints()).isEqualTo(12.5);
    assertThat(new PupilWeight(3).percentagePoints()).isCloseTo(33.333, within(1e-3));
    assertThatThrownBy(() -> new PupilWeight(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A pupil's weight needs a cohort of at least 1, but n was 0");
  }

  @Test
  void levelsOutsideZeroToOneAreRejected() {
    assertThatThrownBy(() -> new ConfidenceLevel(95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Confidence level must be strictly between 0 and 1, but was 95.0");
  }
}
