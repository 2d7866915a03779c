package org.clusterlens.stats;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Intervals for a single proportion: Wilson score, Clopper–Pearson exact, and the recommended
 * choice between them; arguments must not be null ({@link NullPointerException}), and every result
 * lies within [0, 1].
 */
public final class ProportionIntervals {

  /** Cohorts smaller than this get exact (Clopper–Pearson) limits from {@link #recommended}. */
  public static final int EXACT_BELOW_COHORT = 30;

  private static final double BETA_QUANTILE_ACCURACY = 1e-12;

  private ProportionIntervals() {}

  /**
   * Wilson score interval, L,U = (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²)); exactly 0 at x =
   * 0 and exactly 1 at x = n.
   */
  public static ProportionInterval wilson(Proportion proportion, ConfidenceLevel confidence) {
    Objects.requireNonNull(proportion, "proportion");
    Objects.requireNonNull(confidence, "confidence");
    double x = proportion.successes();
    double n = proportion.total();
    double z = confidence.z();
    double centre = 2 * x + z * z;
    double spread = z * Math.sqrt(z * z + 4 * x * (1 - x / n));
    double denominator = 2 * (n + z * z);
    double lower = x == 0 ? 0 : Math.max(0, (centre - spread) / denominator);
    double upper = x == n ? 1 : Math.min(1, (centre + spread) / denominator);
    return new ProportionInterval(
        proportion, confidence, IntervalMethod.WILSON_SCORE, new Interval(lower, upper));
  }

  /**
   * Clopper–Pearson exact interval from beta quantiles: lower = Beta(x, n − x + 1) at α/2 (0 when x
   * = 0), upper = Beta(x + 1, n − x) at 1 − α/2 (1 when x = n).
   */
  public static ProportionInterval clopperPearson(
      Proportion proportion, ConfidenceLevel confidence) {
    Objects.requireNonNull(proportion, "proportion");
    Objects.requireNonNull(confidence, "confidence");
    int x = proportion.successes();
    int n = proportion.total();
    Interval limits =
        n < EXACT_BELOW_COHORT
            ? EXACT_LIMITS
                .computeIfAbsent(confidence, c -> new ConcurrentHashMap<>())
                .computeIfAbsent(((long) x << 32) | n, k -> exactLimits(x, n, confidence))
            : exactLimits(x, n, confidence);
    return new ProportionInterval(
        proportion, confidence, IntervalMethod.CLOPPER_PEARSON_EXACT, limits);
  }

  /**
   * The exact limits already worked out for small cohorts, by level, then by successes and cohort:
   * an LA's run asks for the same few hundred of them a million times, and each is a search on the
   * beta distribution.
   */
  private static final Map<ConfidenceLevel, Map<Long, Interval>> EXACT_LIMITS =
      new ConcurrentHashMap<>();

  private static Interval exactLimits(int x, int n, ConfidenceLevel confidence) {
    double tail = confidence.tailProbability();
    double lower =
        x == 0
            ? 0
            : new BetaDistribution(null, x, n - x + 1.0, BETA_QUANTILE_ACCURACY)
                .inverseCumulativeProbability(tail);
    double upper =
        x == n
            ? 1
            : new BetaDistribution(null, x + 1.0, n - x, BETA_QUANTILE_ACCURACY)
                .inverseCumulativeProbability(1 - tail);
    return new Interval(lower, upper);
  }

  /**
   * Clopper–Pearson exact for cohorts under {@value #EXACT_BELOW_COHORT}, Wilson score otherwise;
   * the result names the method used.
   */
  public static ProportionInterval recommended(Proportion proportion, ConfidenceLevel confidence) {
    Objects.requireNonNull(proportion, "proportion");
    return proportion.total() < EXACT_BELOW_COHORT
        ? clopperPearson(proportion, confidence)
        : wilson(proportion, confidence);
  }
}
