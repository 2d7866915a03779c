package org.clusterlens.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The difference between two groups' mean scores (e.g. disadvantaged pupils' average points minus
 * the other pupils'), with Welch's interval and two-sided t-test, which do not assume the two
 * groups spread alike; built from each group's count, sum and sum of squares.
 *
 * @param difference first mean − second mean
 * @param interval limits on the difference
 * @param pValue Welch's two-sided p-value
 * @param degreesOfFreedom the Welch–Satterthwaite degrees of freedom
 */
public record MeanDifference(
    double difference, Interval interval, double pValue, double degreesOfFreedom) {

  /** The method's name for readers. */
  public static final String METHOD = "Welch's t";

  /**
   * Welch's comparison of a first group (n, Σx, Σx²) with a second; empty when either group has
   * fewer than 2 pupils or both have no spread at all (every pupil with the same points), where no
   * interval can be made.
   */
  public static java.util.Optional<MeanDifference> welch(
      long n1,
      double sum1,
      double squares1,
      long n2,
      double sum2,
      double squares2,
      ConfidenceLevel level) {
    if (n1 < 2 || n2 < 2) {
      return java.util.Optional.empty();
    }
    double sd1 = MeanInterval.standardDeviation(n1, sum1, squares1);
    double sd2 = MeanInterval.standardDeviation(n2, sum2, squares2);
    double v1 = sd1 * sd1 / n1;
    double v2 = sd2 * sd2 / n2;
    double se = Math.sqrt(v1 + v2);
    if (se == 0) {
      return java.util.Optional.empty();
    }
    double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
    TDistribution t = new TDistribution(null, df);
    double d = sum1 / n1 - sum2 / n2;
    double half = t.inverseCumulativeProbability(1 - level.tailProbability()) * se;
    double p = Math.min(1, 2 * t.cumulativeProbability(-Math.abs(d / se)));
    return java.util.Optional.of(new MeanDifference(d, new Interval(d - half, d + half), p, df));
  }
}
