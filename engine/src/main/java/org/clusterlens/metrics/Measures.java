package org.clusterlens.metrics;

/** The names of the measures the metrics stage emits, as they appear in the metrics export. */
public final class Measures {

  /** Percentage of pupils at Level 4 or above. */
  public static final String PCT_LEVEL4_PLUS = "pct_level4_plus";

  /** Percentage of pupils at Level 5 or above. */
  public static final String PCT_LEVEL5_PLUS = "pct_level5_plus";

  /** Mean average point score. */
  public static final String AVERAGE_POINTS = "average_points";

  /** Change in percentage points of {@link #PCT_LEVEL4_PLUS} since the previous academic year. */
  public static final String SHIFT_PCT_LEVEL4_PLUS = "shift_" + PCT_LEVEL4_PLUS;

  /** Change in percentage points of {@link #PCT_LEVEL5_PLUS} since the previous academic year. */
  public static final String SHIFT_PCT_LEVEL5_PLUS = "shift_" + PCT_LEVEL5_PLUS;

  private Measures() {}
}
