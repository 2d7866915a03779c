package org.clusterlens.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Intervals on a mean of pupil scores (points gained, value added), from the count, sum and sum of
 * squares a query gives.
 */
public final class MeanInterval {

  private MeanInterval() {}

  /**
   * The sample standard deviation from n, Σx and Σx²; throws {@link IllegalArgumentException} below
   * 2 values.
   */
  public static double standardDeviation(long n, double sum, double sumOfSquares) {
    if (n < 2) {
      throw new IllegalArgumentException("A standard deviation needs 2 values, but had " + n);
    }
    double variance = (sumOfSquares - sum * sum / n) / (n - 1);
    return Math.sqrt(Math.max(0, variance));
  }

  /**
   * Student's t interval on the mean: mean ± t(n−1)·s/√n; throws {@link IllegalArgumentException}
   * below 2 values.
   */
  public static Interval studentT(long n, double sum, double sumOfSquares, ConfidenceLevel level) {
    double sd = standardDeviation(n, sum, sumOfSquares);
    double t =
        n <= CACHED_DEGREES
            ? T_QUANTILES
                .computeIfAbsent(level, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(n, k -> tQuantile(k, level))
            : tQuantile(n, level);
    double mean = sum / n;
    double half = t * sd / Math.sqrt(n);
    return new Interval(mean - half, mean + half);
  }

  /** Cohorts up to this size keep their t quantile once worked out. */
  private static final long CACHED_DEGREES = 100_000;

  /** The t quantiles worked out, by level and then by n: each is a search on the t distribution. */
  private static final Map<ConfidenceLevel, Map<Long, Double>> T_QUANTILES =
      new ConcurrentHashMap<>();

  private static double tQuantile(long n, ConfidenceLevel level) {
    return new TDistribution(null, n - 1.0)
        .inverseCumulativeProbability(1 - level.tailProbability());
  }

  /**
   * The two-sided {@code level} quantile of Student's t with {@code df} degrees of freedom (at
   * least 1), kept once worked out (as {@link #studentT}'s are) for up to {@link #CACHED_DEGREES}.
   */
  static double tQuantileOfDegrees(long df, ConfidenceLevel level) {
    return df < CACHED_DEGREES
        ? T_QUANTILES
            .computeIfAbsent(level, l -> new ConcurrentHashMap<>())
            .computeIfAbsent(df + 1, k -> tQuantile(k, level))
        : tQuantile(df + 1, level);
  }

  /**
   * The interval with a known spread, as value added uses it: mean ± z·σ/√n, σ the reference
   * group's standard deviation of pupil scores; throws {@link IllegalArgumentException} for n below
   * 1.
   */
  public static Interval knownSpread(long n, double mean, double sigma, ConfidenceLevel level) {
    if (n < 1) {
      throw new IllegalArgumentException("An interval on a mean needs a value, but had none");
    }
    double half = level.z() * sigma / Math.sqrt(n);
    return new Interval(mean - half, mean + half);
  }

  /**
   * The two-sided p-value of a normal test that a mean whose standard error is known is truly zero:
   * how often chance alone would put it at least this far from zero. Throws when the error is not
   * positive.
   */
  public static double zeroMeanPValue(double mean, double standardError) {
    if (!(standardError > 0)) {
      throw new IllegalArgumentException(
          "A test of a mean needs a positive standard error, not " + standardError);
    }
    return 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(mean) / standardError);
  }

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
}
