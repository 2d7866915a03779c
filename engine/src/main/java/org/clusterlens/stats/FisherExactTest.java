package org.clusterlens.stats;

import java.util.Objects;
import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test on the 2×2 table of two cohorts (met / not met), two-sided by summing the
 * probabilities of every table with the same margins that is no more likely than the one observed
 * (with R's relative tolerance of 1e-7); arguments must not be null ({@link NullPointerException}).
 */
public final class FisherExactTest {

  /** Relative tolerance for "no more likely than observed", as in R's fisher.test. */
  public static final double RELATIVE_TOLERANCE = 1e-7;

  private FisherExactTest() {}

  /** The two-sided p-value for the table [[before met, before not], [after met, after not]]. */
  public static double twoSidedPValue(Proportion before, Proportion after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    int population = before.total() + after.total();
    int met = before.successes() + after.successes();
    if (met == 0 || met == population) {
      // Only one table has these margins; commons-math returns probability 0 for it.
      return 1;
    }
    HypergeometricDistribution tables =
        new HypergeometricDistribution(null, population, met, before.total());
    double observed = tables.probability(before.successes());
    double threshold = observed * (1 + RELATIVE_TOLERANCE);
    double p = 0;
    for (int k = tables.getSupportLowerBound(); k <= tables.getSupportUpperBound(); k++) {
      double probability = tables.probability(k);
      if (probability <= threshold) {
        p += probability;
      }
    }
    return Math.min(1, p);
  }
}
