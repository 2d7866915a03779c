package org.clusterlens.metrics;

/**
 * Prior-attainment bands from a pupil's KS1 average point score (the mean of reading, writing and
 * maths points): low below 12, middle 12 to under 18, high 18 and above (2011 performance tables).
 */
final class PriorAttainment {

  /** A KS1 average point score below this is the low band. */
  static final String LOW_BELOW = "12";

  /** A KS1 average point score at or above this is the high band. */
  static final String HIGH_FROM = "18";

  /** {@link #LOW_BELOW} as a number. */
  static final double LOW_BELOW_POINTS = Double.parseDouble(LOW_BELOW);

  /** {@link #HIGH_FROM} as a number. */
  static final double HIGH_FROM_POINTS = Double.parseDouble(HIGH_FROM);

  private PriorAttainment() {}
}
