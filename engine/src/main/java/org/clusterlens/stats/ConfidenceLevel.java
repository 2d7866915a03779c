package org.clusterlens.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A two-sided confidence (or control) level such as 95% or 99.8%; the level is strictly between 0
 * and 1, and construction throws {@link IllegalArgumentException} otherwise.
 *
 * @param level the coverage, e.g. 0.95
 */
public record ConfidenceLevel(double level) {

  /** 95%, z = 1.959964. */
  public static final ConfidenceLevel NINETY_FIVE = new ConfidenceLevel(0.95);

  /** 99.8%, z = 3.090232. */
  public static final ConfidenceLevel NINETY_NINE_POINT_EIGHT = new ConfidenceLevel(0.998);

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  /** Checks the level. */
  public ConfidenceLevel {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException(
          "Confidence level must be strictly between 0 and 1, but was " + level);
    }
  }

  /** Probability left in each tail, e.g. 0.025 at 95%. */
  public double tailProbability() {
    return (1 - level) / 2;
  }

  /** The standard normal quantile for this level, e.g. 1.959964 at 95%. */
  public double z() {
    return STANDARD_NORMAL.inverseCumulativeProbability(1 - tailProbability());
  }

  /** The level as a percentage for printing, e.g. "95%" or "99.8%". */
  public String label() {
    return BigDecimal.valueOf(level * 100)
            .setScale(4, RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }
}
