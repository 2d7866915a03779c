package org.clusterlens.stats;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A group against the rest compared within strata (e.g. within each year group) and combined, so a
 * difference in the two sides' make-up across strata (more of one group in older year groups)
 * cannot show as a gap. Each stratum is weighted by n₁n₀/(n₁ + n₀) (Mantel–Haenszel); strata
 * without pupils on both sides are left out. Lists and elements must not be null ({@link
 * NullPointerException}).
 */
public final class WithinStrata {

  /** The name of the share method. */
  public static final String SHARE_METHOD = "Mantel–Haenszel within year groups, Sato variance";

  /** The name of the mean method. */
  public static final String MEAN_METHOD = "within year groups (two-way least squares), t";

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  private WithinStrata() {}

  /**
   * One stratum of counts: the group's met of pupils and the rest's.
   *
   * @param groupMet pupils of the group meeting the measure
   * @param groupPupils the group's pupils
   * @param restMet the rest's pupils meeting it
   * @param restPupils the rest's pupils
   */
  public record Shares(int groupMet, int groupPupils, int restMet, int restPupils) {}

  /**
   * One stratum of scores: each side's pupils, sum and sum of squares.
   *
   * @param groupPupils the group's pupils
   * @param groupSum the sum of the group's scores
   * @param groupSquares the sum of their squares
   * @param restPupils the rest's pupils
   * @param restSum the sum of the rest's scores
   * @param restSquares the sum of their squares
   */
  public record Scores(
      long groupPupils,
      double groupSum,
      double groupSquares,
      long restPupils,
      double restSum,
      double restSquares) {}

  /**
   * A combined difference.
   *
   * @param difference group − rest (a fraction for shares, points for scores)
   * @param interval its interval, or null when it has no spread to make one from
   * @param pValue the two-sided p-value of no difference, or null with the interval
   */
  public record Difference(double difference, Interval interval, Double pValue) {}

  /**
   * The Mantel–Haenszel difference in shares with Sato's (1989) variance, which holds in sparse
   * strata; normal interval and z-test; empty when no stratum has pupils on both sides. In one
   * stratum the variance is the usual p₁q₁/n₁ + p₀q₀/n₀.
   */
  public static Optional<Difference> shares(List<Shares> strata, ConfidenceLevel level) {
    Objects.requireNonNull(level, "level");
    double weights = 0;
    double weighted = 0;
    double p = 0;
    double q = 0;
    for (Shares s : strata) {
      double n = s.groupPupils();
      double m = s.restPupils();
      if (n < 1 || m < 1) {
        continue; // a year group with pupils on one side only says nothing about the gap
      }
      double x = s.groupMet();
      double y = s.restMet();
      double w = n * m / (n + m);
      weights += w;
      weighted += w * (x / n - y / m);
      p += (n * n * y - m * m * x + n * m * (m - n) / 2) / ((n + m) * (n + m));
      q += (x * (m - y) + y * (n - x)) / (2 * (n + m));
    }
    if (weights == 0) {
      return Optional.empty();
    }
    double d = weighted / weights;
    double variance = (d * p + q) / (weights * weights);
    if (!(variance > 0)) {
      return Optional.of(new Difference(d, null, null));
    }
    double se = Math.sqrt(variance);
    double half = level.z() * se;
    return Optional.of(
        new Difference(
            d,
            new Interval(Math.max(-1, d - half), Math.min(1, d + half)),
            Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(d / se)))));
  }

  /**
   * The group's difference in mean score from the two-way least-squares model score ~ group +
   * stratum (the same as weighting each stratum's difference by n₁n₀/(n₁ + n₀)), with its t
   * interval and test on the model's residual variance; empty when no stratum has pupils on both
   * sides, and without interval when the model leaves no degrees of freedom or no spread.
   */
  public static Optional<Difference> scores(List<Scores> strata, ConfidenceLevel level) {
    Objects.requireNonNull(level, "level");
    double weights = 0;
    double weighted = 0;
    double withinCells = 0;
    long pupils = 0;
    List<Scores> compared =
        strata.stream().filter(s -> s.groupPupils() >= 1 && s.restPupils() >= 1).toList();
    for (Scores s : compared) {
      double n = s.groupPupils();
      double m = s.restPupils();
      double w = weight(s);
      weights += w;
      weighted += w * (s.groupSum() / n - s.restSum() / m);
      withinCells += s.groupSquares() - s.groupSum() * s.groupSum() / n;
      withinCells += s.restSquares() - s.restSum() * s.restSum() / m;
      pupils += s.groupPupils() + s.restPupils();
    }
    if (weights == 0) {
      return Optional.empty();
    }
    double d = weighted / weights;
    // The additive model also leaves each stratum's departure from the common difference.
    double interaction = 0;
    for (Scores s : compared) {
      double dk = s.groupSum() / s.groupPupils() - s.restSum() / s.restPupils();
      interaction += weight(s) * (dk - d) * (dk - d);
    }
    long df = pupils - compared.size() - 1;
    double variance = (withinCells + interaction) / df / weights;
    if (df < 1 || !(variance > 0)) {
      return Optional.of(new Difference(d, null, null));
    }
    double se = Math.sqrt(variance);
    TDistribution t = new TDistribution(null, df);
    double half = MeanInterval.tQuantileOfDegrees(df, level) * se;
    return Optional.of(
        new Difference(
            d,
            new Interval(d - half, d + half),
            Math.min(1, 2 * t.cumulativeProbability(-Math.abs(d / se)))));
  }

  private static double weight(Scores s) {
    double n = s.groupPupils();
    double m = s.restPupils();
    return n * m / (n + m);
  }
}
