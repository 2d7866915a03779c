package org.clusterlens.stats;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;

/**
 * A funnel plot of proportions (Spiegelhalter 2005, Stat Med 24:1185): the pooled target θ₀ =
 * Σx/Σn, an overdispersion assessment, and control limits and positions for any cohort size;
 * components are never null, and {@link #of} throws {@link IllegalArgumentException} for an empty
 * list.
 *
 * <p>When overdispersion is detected the limits are widened multiplicatively by √φ about θ₀: on the
 * standard error for the normal approximation, and on the distance from θ₀ for the exact binomial
 * limits (the same scaling applied to the exact limits; Spiegelhalter states it for the normal
 * form). When θ₀ is 0 or 1 every unit sits on the target, limits collapse to θ₀, z-scores are 0 and
 * φ is taken as 1.
 *
 * <p>Build it with {@link #of}; the canonical constructor takes the target as given.
 *
 * @param points the units, in the caller's order
 * @param target the pooled proportion θ₀
 * @param overdispersion the test for extra spread between units
 */
public record Funnel(List<FunnelPoint> points, double target, Overdispersion overdispersion) {

  /** Winsorising percentiles, as in Spiegelhalter (2005) and FunnelPlotR. */
  private static final double WINSOR_LOW = 10;

  private static final double WINSOR_HIGH = 90;

  private static final double OVERDISPERSION_TEST_LEVEL = 0.95;

  /** Copies the points and checks the values. */
  public Funnel {
    points = List.copyOf(points);
    if (points.isEmpty()) {
      throw new IllegalArgumentException("A funnel needs at least one unit, but had none");
    }
    if (!(target >= 0 && target <= 1)) {
      throw new IllegalArgumentException(
          "A funnel's target must be within [0, 1], but was " + target);
    }
    Objects.requireNonNull(overdispersion, "overdispersion");
  }

  /** Pools the units to θ₀ and assesses overdispersion; throws on an empty list or null point. */
  public static Funnel of(List<FunnelPoint> points) {
    Objects.requireNonNull(points, "points");
    if (points.isEmpty()) {
      throw new IllegalArgumentException("A funnel needs at least one unit, but had none");
    }
    long met = 0;
    long total = 0;
    for (FunnelPoint point : points) {
      Objects.requireNonNull(point, "point");
      met += point.proportion().successes();
      total += point.proportion().total();
    }
    double target = (double) met / total;
    return new Funnel(points, target, assess(points, target));
  }

  /**
   * The two-sided exact binomial p-value of {@code count} of {@code n} against this funnel's
   * target: how often chance alone, at the cluster's rate, would put a school at least this far
   * from it. It takes no account of overdispersion; use it beside the limits, which do.
   */
  public double exactPValue(int count, int n) {
    // commons-math3 3.6.1 counts the observed outcome in both tails when it is the most likely one,
    // which can give more than 1.
    return Math.min(
        1.0, new BinomialTest().binomialTest(n, count, target, AlternativeHypothesis.TWO_SIDED));
  }

  private static Overdispersion assess(List<FunnelPoint> points, double target) {
    int units = points.size();
    double threshold =
        units < 2
            ? Double.POSITIVE_INFINITY
            : new ChiSquaredDistribution(null, units - 1.0)
                .inverseCumulativeProbability(OVERDISPERSION_TEST_LEVEL);
    if (target == 0 || target == 1) {
      return new Overdispersion(1, units, threshold);
    }
    double[] z = new double[units];
    for (int i = 0; i < units; i++) {
      z[i] = zScore(points.get(i).proportion(), target);
    }
    Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
    percentile.setData(z);
    double low = percentile.evaluate(WINSOR_LOW);
    double high = percentile.evaluate(WINSOR_HIGH);
    double sumOfSquares = 0;
    for (double value : z) {
      double winsorised = Math.min(high, Math.max(low, value));
      sumOfSquares += winsorised * winsorised;
    }
    return new Overdispersion(sumOfSquares / units, units, threshold);
  }

  private static double zScore(Proportion proportion, double target) {
    if (target == 0 || target == 1) {
      return 0;
    }
    return (proportion.value() - target) / Math.sqrt(target * (1 - target) / proportion.total());
  }

  /** (y − θ₀)/√(θ₀(1−θ₀)/n), before winsorising; 0 when θ₀ is 0 or 1; throws on null. */
  public double zScore(FunnelPoint point) {
    Objects.requireNonNull(point, "point");
    return zScore(point.proportion(), target);
  }

  /**
   * Control limits at cohort size n, widened by √φ when overdispersion is detected; throws {@link
   * IllegalArgumentException} when n is below 1 and {@link NullPointerException} on null.
   *
   * <p>Exact limits follow Spiegelhalter (2005, appendix A.1.1): r is the smallest count with P(R ≤
   * r) ≥ p under Binomial(n, θ₀), α = (P(R ≤ r) − p)/(P(R = r)), and the limit is (r − α)/n, for p
   * = (1 − level)/2 and 1 − (1 − level)/2.
   */
  public FunnelLimits limits(int n, ConfidenceLevel confidence, FunnelLimitMethod method) {
    if (n < 1) {
      throw new IllegalArgumentException("Funnel limits need n of at least 1, but n was " + n);
    }
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(method, "method");
    double scale = overdispersion.scale();
    if (target == 0 || target == 1) {
      return new FunnelLimits(n, confidence, method, scale, new Interval(target, target));
    }
    double lower;
    double upper;
    if (method == FunnelLimitMethod.NORMAL_APPROXIMATION) {
      double spread = confidence.z() * Math.sqrt(target * (1 - target) / n);
      lower = target - spread;
      upper = target + spread;
    } else {
      BinomialDistribution counts = new BinomialDistribution(null, n, target);
      lower = interpolatedQuantile(counts, n, confidence.tailProbability());
      upper = interpolatedQuantile(counts, n, 1 - confidence.tailProbability());
    }
    lower = target - scale * (target - lower);
    upper = target + scale * (upper - target);
    return new FunnelLimits(n, confidence, method, scale, new Interval(clip(lower), clip(upper)));
  }

  private static double interpolatedQuantile(BinomialDistribution counts, int n, double p) {
    int r = counts.inverseCumulativeProbability(p);
    double atR = counts.cumulativeProbability(r);
    double belowR = counts.cumulativeProbability(r - 1);
    double alpha = (atR - p) / (atR - belowR);
    return (r - alpha) / n;
  }

  private static double clip(double value) {
    return Math.max(0, Math.min(1, value));
  }

  /** Where the unit sits against the limits at its own n; throws on null. */
  public FunnelPosition position(
      FunnelPoint point, ConfidenceLevel confidence, FunnelLimitMethod method) {
    Objects.requireNonNull(point, "point");
    return limits(point.proportion().total(), confidence, method)
        .position(point.proportion().value());
  }
}
