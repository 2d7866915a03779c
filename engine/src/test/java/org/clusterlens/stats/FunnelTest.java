package org.clusterlens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class FunnelTest {

  private static final ConfidenceLevel C95 = ConfidenceLevel.NINETY_FIVE;
  private static final ConfidenceLevel C998 = ConfidenceLevel.NINETY_NINE_POINT_EIGHT;
  private static final FunnelLimitMethod NORMAL = FunnelLimitMethod.NORMAL_APPROXIMATION;
  private static final FunnelLimitMethod EXACT = FunnelLimitMethod.EXACT_BINOMIAL;

  private static FunnelPoint point(String unit, int x, int n) {
    return new FunnelPoint(unit, new Proportion(x, n));
  }

  /** Units of 100 pupils each, at the given counts. */
  private static Funnel hundreds(int... counts) {
    List<FunnelPoint> points = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      points.add(point("School " + (char) ('A' + i), counts[i], 100));
    }
    return Funnel.of(points);
  }

  /** A funnel with a chosen target and no overdispersion, for checking limits alone. */
  private static Funnel targetOnly(double target) {
    return new Funnel(
        List.of(point("School A", 1, 2)),
        target,
        new Overdispersion(1, 1, Double.POSITIVE_INFINITY));
  }

  @Test
  void targetIsPooledAtPupilLevelNotAverageOfPercentages() {
    Funnel funnel = Funnel.of(List.of(point("A", 3, 10), point("B", 8, 20), point("C", 9, 30)));
    assertThat(funnel.target()).isCloseTo(20.0 / 60, within(1e-15));
  }

  @Test
  void normalLimitsAreTargetPlusOrMinusZStandardErrors() {
    Funnel funnel = targetOnly(0.5);
    Interval at95 = funnel.limits(25, C95, NORMAL).limits();
    assertThat(at95.lower()).isCloseTo(0.5 - 1.959964 * 0.1, within(1e-6));
    assertThat(at95.upper()).isCloseTo(0.5 + 1.959964 * 0.1, within(1e-6));
    Interval at998 = funnel.limits(25, C998, NORMAL).limits();
    assertThat(at998.lower()).isCloseTo(0.5 - 3.090232 * 0.1, within(1e-6));
    assertThat(at998.upper()).isCloseTo(0.5 + 3.090232 * 0.1, within(1e-6));
  }

  @Test
  void normalLimitsAreClippedToZeroAndOne() {
    Interval limits = targetOnly(0.9).limits(4, C998, NORMAL).limits();
    assertThat(limits.upper()).isEqualTo(1.0);
    assertThat(limits.lower()).isCloseTo(0.9 - 3.090232 * 0.15, within(1e-6));
  }

  @Test
  void exactLimitsForTenPupilsAtFiftyPercentMatchHandWorkedInterpolation() {
    // Binomial(10, 0.5): P(R <= 8) = 1013/1024, P(R <= 7) = 968/1024, so the 97.5% point is
    // r = 8, α = (1013/1024 − 0.975)/(45/1024) and the limit is (8 − α)/10 = 0.767556.
    Funnel funnel = Funnel.of(List.of(point("A", 5, 10), point("B", 10, 20)));
    Interval at95 = funnel.limits(10, C95, EXACT).limits();
    double alpha = (1013.0 / 1024 - 0.975) / (45.0 / 1024);
    assertThat(at95.upper()).isCloseTo((8 - alpha) / 10, within(1e-9));
    assertThat(at95.upper()).isCloseTo(0.767556, within(1e-6));
    assertThat(at95.lower()).isCloseTo(0.132444, within(1e-6));
    Interval at998 = funnel.limits(10, C998, EXACT).limits();
    assertThat(at998.lower()).isCloseTo(0.000240, within(1e-6));
    assertThat(at998.upper()).isCloseTo(0.899760, within(1e-6));
  }

  @Test
  void exactLimitsMatchAnIndependentScipyEvaluation() {
    // scipy.stats.binom ppf/cdf with the same interpolation, θ₀ = 0.6, n = 20.
    Funnel funnel = Funnel.of(List.of(point("A", 12, 20), point("B", 6, 10)));
    assertThat(funnel.target()).isCloseTo(0.6, within(1e-15));
    Interval at95 = funnel.limits(20, C95, EXACT).limits();
    assertThat(at95.lower()).isCloseTo(0.355593, within(1e-6));
    assertThat(at95.upper()).isCloseTo(0.787084, within(1e-6));
    Interval at998 = funnel.limits(20, C998, EXACT).limits();
    assertThat(at998.lower()).isCloseTo(0.226380, within(1e-6));
    assertThat(at998.upper()).isCloseTo(0.892292, within(1e-6));
  }

  @Test
  void exactLimitsApproachNormalLimitsForLargeCohorts() {
    Funnel funnel = targetOnly(0.6);
    for (ConfidenceLevel level : List.of(C95, C998)) {
      Interval exact = funnel.limits(20000, level, EXACT).limits();
      Interval normal = funnel.limits(20000, level, NORMAL).limits();
      assertThat(exact.lower()).isCloseTo(normal.lower(), within(5e-4));
      assertThat(exact.upper()).isCloseTo(normal.upper(), within(5e-4));
    }
  }

  @Test
  void aUnitCanBeAboveAtNinetyFiveButInsideAtNinetyNinePointEight() {
    Funnel funnel = targetOnly(0.5);
    // n = 20: SE = 0.1118; 95% upper 0.7191, 99.8% upper 0.8455.
    FunnelPoint high = point("High", 17, 20);
    FunnelPoint rising = point("Rising", 16, 20);
    FunnelPoint low = point("Low", 3, 20);
    FunnelPoint middling = point("Middling", 11, 20);
    assertThat(funnel.position(high, C95, NORMAL)).isEqualTo(FunnelPosition.ABOVE);
    assertThat(funnel.position(high, C998, NORMAL)).isEqualTo(FunnelPosition.ABOVE);
    assertThat(funnel.position(rising, C95, NORMAL)).isEqualTo(FunnelPosition.ABOVE);
    assertThat(funnel.position(rising, C998, NORMAL)).isEqualTo(FunnelPosition.INSIDE);
    assertThat(funnel.position(low, C95, NORMAL)).isEqualTo(FunnelPosition.BELOW);
    assertThat(funnel.position(middling, C95, EXACT)).isEqualTo(FunnelPosition.INSIDE);
  }

  @Test
  void phiIsTheMeanOfSquaredZScoresWinsorisedAtTheTenthAndNinetiethPercentiles() {
    // θ₀ = 0.5, SE = 0.05, z = −2, −1, 0, 1, 2; R type-7 percentiles ±1.6; φ = 7.12 / 5.
    Funnel funnel = hundreds(40, 45, 50, 55, 60);
    assertThat(funnel.zScore(funnel.points().get(0))).isCloseTo(-2, within(1e-12));
    assertThat(funnel.overdispersion().phi()).isCloseTo(1.424, within(1e-12));
    // I·φ = 7.12 is below χ²(4) upper 95% point 9.4877.
    assertThat(funnel.overdispersion().threshold()).isCloseTo(9.4877, within(1e-4));
    assertThat(funnel.overdispersion().detected()).isFalse();
    assertThat(funnel.overdispersion().scale()).isEqualTo(1.0);
  }

  @Test
  void strongSpreadIsDetectedAndWidensTheLimitsBySquareRootOfPhi() {
    // z = −6, −3, 0, 3, 6, winsorised at ±4.8: φ = 64.08 / 5 = 12.816 and I·φ = 64.08 > 9.4877.
    Funnel funnel = hundreds(20, 35, 50, 65, 80);
    assertThat(funnel.overdispersion().phi()).isCloseTo(12.816, within(1e-12));
    assertThat(funnel.overdispersion().detected()).isTrue();
    FunnelLimits limits = funnel.limits(100, C95, NORMAL);
    double widened = 1.959964 * 0.05 * Math.sqrt(12.816);
    assertThat(limits.overdispersionScale()).isCloseTo(Math.sqrt(12.816), within(1e-12));
    assertThat(limits.limits().lower()).isCloseTo(0.5 - widened, within(1e-6));
    assertThat(limits.limits().upper()).isCloseTo(0.5 + widened, within(1e-6));
    assertThat(funnel.position(funnel.points().get(4), C95, NORMAL))
        .isEqualTo(FunnelPosition.INSIDE);
  }

  @Test
  void schoolsDrawnFromOneBinomialAreNotFlaggedAndFromTwoVeryDifferentRatesAre() {
    Well19937c random = new Well19937c(20260401L);
    List<FunnelPoint> chance = new ArrayList<>();
    List<FunnelPoint> spread = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      int n = 12 + (i * 7) % 40;
      chance.add(point("S" + i, new BinomialDistribution(random, n, 0.65).sample(), n));
      double rate = i % 2 == 0 ? 0.3 : 0.9;
      spread.add(point("S" + i, new BinomialDistribution(random, n, rate).sample(), n));
    }
    assertThat(Funnel.of(chance).overdispersion().detected()).isFalse();
    assertThat(Funnel.of(spread).overdispersion().detected()).isTrue();
  }

  @Test
  void everyoneMeetingTheMeasureCollapsesTheLimitsWithoutFailing() {
    Funnel funnel = Funnel.of(List.of(point("A", 8, 8), point("B", 12, 12)));
    assertThat(funnel.limits(8, C95, EXACT).limits()).isEqualTo(new Interval(1, 1));
    assertThat(funnel.position(funnel.points().get(0), C998, EXACT))
        .isEqualTo(FunnelPosition.INSIDE);
    assertThat(funnel.overdispersion().detected()).isFalse();
  }

  @Test
  void emptyFunnelAndZeroCohortAreRejected() {
    assertThatThrownBy(() -> Funnel.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A funnel needs at least one unit, but had none");
    assertThatThrownBy(() -> targetOnly(0.5).limits(0, C95, NORMAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Funnel limits need n of at least 1, but n was 0");
  }
}
