package org.clusterlens.stats;

/**
 * The change between two independent differences (e.g. a gap this year against the same gap two
 * years before), with Zou and Donner's MOVER interval built from each difference's own interval
 * (Zou &amp; Donner 2008, Stat Methods Med Res 17:417): later − earlier, limits d − √((d₁ − l₁)² +
 * (u₀ − d₀)²) and d + √((u₁ − d₁)² + (d₀ − l₀)²).
 *
 * @param change later − earlier
 * @param interval limits on the change
 */
public record DifferenceChange(double change, Interval interval) {

  /** The name written beside the interval. */
  public static final String METHOD = "MOVER from Newcombe intervals";

  /**
   * Combines two differences with their intervals (same units, same confidence level).
   *
   * @param earlier the earlier difference
   * @param earlierInterval its interval
   * @param later the later difference
   * @param laterInterval its interval
   */
  public static DifferenceChange mover(
      double earlier, Interval earlierInterval, double later, Interval laterInterval) {
    double d = later - earlier;
    double lower = d - Math.hypot(later - laterInterval.lower(), earlierInterval.upper() - earlier);
    double upper = d + Math.hypot(laterInterval.upper() - later, earlier - earlierInterval.lower());
    return new DifferenceChange(d, new Interval(lower, upper));
  }
}
