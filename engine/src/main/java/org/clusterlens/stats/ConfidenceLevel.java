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
    if (level == 0.95) {
      return Z_95;
    }
    if (level == 0.998) {
      return Z_998;
    }
    return zOf(level);
  }

  /** The level as a percentage for printing, e.g. "95%" or "99.8%". */
  public String label() {
    // Every interval of a run is labelled with one of the two levels: their labels are made once.
    if (level == 0.95) {
      return LABEL_95;
    }
    if (level == 0.998) {
      return LABEL_998;
    }
    return labelOf(level);
  }

  private static double zOf(double level) {
    return STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
  }

  private static String labelOf(double level) {
    return BigDecimal.valueOf(level * 100)
            .setScale(4, RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }

  private static final double Z_95 = zOf(0.95);
  private static final double Z_998 = zOf(0.998);
  private static final String LABEL_95 = labelOf(0.95);
  private static final String LABEL_998 = labelOf(0.998);
}
