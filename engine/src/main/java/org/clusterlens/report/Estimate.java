package org.clusterlens.report;

import org.clusterlens.model.Figure;

/**
 * A figure that is not a plain percentage of pupils — points gained, value added, a gap — with its
 * 95% interval and the pupils behind it.
 *
 * @param value the figure
 * @param lower the interval's lower end, or null when the metrics give none
 * @param upper the interval's upper end, or null when the metrics give none
 * @param pupils the pupils counted (for a gap: the pupils in the group), or null when unknown
 */
public record Estimate(double value, Double lower, Double upper, Long pupils) {

  /** The estimate a metrics figure carries. */
  static Estimate of(Figure f) {
    return new Estimate(f.value(), f.lower(), f.upper(), f.denominator());
  }

  /** Tells whether the interval leaves out zero. */
  public boolean excludesZero() {
    return lower != null && (lower > 0 || upper < 0);
  }

  /** "+3.1 (45 pupils)": the value with its sign and its n. */
  public String describe() {
    String v = (value > 0 ? "+" : "") + Numbers.points(value);
    return pupils == null ? v : v + " (" + pupils + (pupils == 1 ? " pupil)" : " pupils)");
  }

  /** "-1.2 to +4.0", or an empty string when there is no interval. */
  public String range() {
    if (lower == null) {
      return "";
    }
    return (lower > 0 ? "+" : "")
        + Numbers.points(lower)
        + " to "
        + (upper > 0 ? "+" : "")
        + Numbers.points(upper);
  }
}
