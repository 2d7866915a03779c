package org.clusterlens.stats;

/**
 * Spiegelhalter's (2005) test for more spread between units than chance allows: φ is the mean of
 * the squared z-scores after winsorising at their 10th and 90th percentiles, and overdispersion is
 * detected when I·φ exceeds the upper 95% point of χ² on I − 1 degrees of freedom; with fewer than
 * two units it is never detected (the threshold is then infinite). Construction throws {@link
 * IllegalArgumentException} for a negative or non-finite φ or fewer than one unit.
 *
 * @param phi the estimated dispersion factor φ
 * @param units the number of units I
 * @param threshold the χ²(I − 1) upper 95% point that I·φ is compared with
 */
public record Overdispersion(double phi, int units, double threshold) {

  /** Checks the values. */
  public Overdispersion {
    if (!(phi >= 0) || Double.isInfinite(phi)) {
      throw new IllegalArgumentException("φ must be finite and at least 0, but was " + phi);
    }
    if (units < 1) {
      throw new IllegalArgumentException(
          "Overdispersion needs at least one unit, but had " + units);
    }
  }

  /** Whether I·φ exceeds the χ² threshold. */
  public boolean detected() {
    return units * phi > threshold;
  }

  /** √φ when overdispersion is detected, otherwise 1: the factor that widens the limits. */
  public double scale() {
    return detected() ? Math.sqrt(phi) : 1;
  }
}
