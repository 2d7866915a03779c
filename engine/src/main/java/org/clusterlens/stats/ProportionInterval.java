package org.clusterlens.stats;

import java.util.Objects;

/**
 * An interval around a proportion, with the level and the method that produced it; no component is
 * null, or construction throws {@link NullPointerException}.
 *
 * @param proportion the observed count and cohort
 * @param confidence the level
 * @param method how the interval was computed
 * @param interval the limits, as fractions between 0 and 1
 */
public record ProportionInterval(
    Proportion proportion, ConfidenceLevel confidence, IntervalMethod method, Interval interval) {

  /** Checks for nulls. */
  public ProportionInterval {
    Objects.requireNonNull(proportion, "proportion");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(interval, "interval");
  }
}
