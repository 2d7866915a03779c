package org.clusterlens.stats;

/**
 * A closed range of values that chance alone could produce, lower to upper; both ends must be
 * finite and lower must not exceed upper, or construction throws {@link IllegalArgumentException}.
 *
 * @param lower lower limit
 * @param upper upper limit
 */
public record Interval(double lower, double upper) {

  /** Checks the ends. */
  public Interval {
    if (!Double.isFinite(lower) || !Double.isFinite(upper) || lower > upper) {
      throw new IllegalArgumentException(
          "An interval needs finite ends with lower <= upper, but was ["
              + lower
              + ", "
              + upper
              + "]");
    }
  }

  /** Whether the value lies within the closed interval. */
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }

  /** Upper minus lower. */
  public double width() {
    return upper - lower;
  }
}
