package org.clusterlens.stats;

import java.util.Objects;

/**
 * The change from one cohort's proportion to another's (after − before, e.g. this year's Level 4+
 * against last year's), with Newcombe's hybrid score interval (method 10 of Newcombe 1998, Stat Med
 * 17:873); no component is null, or construction throws {@link NullPointerException}.
 *
 * @param before the earlier (or comparison) cohort
 * @param after the later cohort
 * @param confidence the level
 * @param interval limits on after − before, within [−1, 1]
 */
public record ProportionDifference(
    Proportion before, Proportion after, ConfidenceLevel confidence, Interval interval) {

  /** Checks for nulls. */
  public ProportionDifference {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(interval, "interval");
  }

  /**
   * Newcombe's hybrid score interval for after − before, built from each cohort's Wilson interval;
   * throws {@link NullPointerException} on a null argument.
   */
  public static ProportionDifference newcombe(
      Proportion before, Proportion after, ConfidenceLevel confidence) {
    Interval b = ProportionIntervals.wilson(before, confidence).interval();
    Interval a = ProportionIntervals.wilson(after, confidence).interval();
    double pb = before.value();
    double pa = after.value();
    double d = pa - pb;
    double lower = d - Math.hypot(pa - a.lower(), b.upper() - pb);
    double upper = d + Math.hypot(a.upper() - pa, pb - b.lower());
    return new ProportionDifference(
        before, after, confidence, new Interval(Math.max(-1, lower), Math.min(1, upper)));
  }

  /** After − before, as a fraction between −1 and 1. */
  public double difference() {
    return after.value() - before.value();
  }

  /** Always {@link IntervalMethod#NEWCOMBE_HYBRID_SCORE}. */
  public IntervalMethod method() {
    return IntervalMethod.NEWCOMBE_HYBRID_SCORE;
  }
}
