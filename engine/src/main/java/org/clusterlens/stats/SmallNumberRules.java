package org.clusterlens.stats;

/**
 * The two small-number rules every figure passes: below the reporting threshold no comparison or
 * flag is drawn (IDSR: 11 pupils); below the suppression threshold a group's counts are withheld
 * (published groups of fewer than 6 are withheld). Throws {@link IllegalArgumentException} unless 1
 * ≤ suppression ≤ reporting.
 *
 * @param reportingThreshold the fewest pupils a comparison or flag may rest on
 * @param suppressionThreshold the fewest pupils a published group may have
 */
public record SmallNumberRules(int reportingThreshold, int suppressionThreshold) {

  /** 11 pupils to compare or flag, 6 to publish. */
  public static final SmallNumberRules DEFAULT = new SmallNumberRules(11, 6);

  public SmallNumberRules {
    if (suppressionThreshold < 1 || suppressionThreshold > reportingThreshold) {
      throw new IllegalArgumentException(
          "Need 1 <= suppression threshold <= reporting threshold, but they were "
              + suppressionThreshold
              + " and "
              + reportingThreshold);
    }
  }

  /** Tells whether a comparison or flag resting on {@code pupils} must not be made. */
  public boolean belowReporting(long pupils) {
    return pupils < reportingThreshold;
  }

  /** Tells whether a group of {@code pupils} (at least one) must be withheld. */
  public boolean mustSuppress(long pupils) {
    return pupils >= 1 && pupils < suppressionThreshold;
  }
}
