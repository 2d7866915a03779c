package org.clusterlens.stats;

import java.util.Objects;

/**
 * Control limits at one cohort size on a funnel plot; no component is null ({@link
 * NullPointerException}) and n must be at least 1 ({@link IllegalArgumentException}).
 *
 * @param n the cohort size the limits are for
 * @param confidence the control level, e.g. 95% or 99.8%
 * @param method how the limits were drawn
 * @param overdispersionScale the factor limits were widened by (√φ), 1 when not widened
 * @param limits the limits, as fractions within [0, 1]
 */
public record FunnelLimits(
    int n,
    ConfidenceLevel confidence,
    FunnelLimitMethod method,
    double overdispersionScale,
    Interval limits) {

  /** Checks the values. */
  public FunnelLimits {
    if (n < 1) {
      throw new IllegalArgumentException("Funnel limits need n of at least 1, but n was " + n);
    }
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(limits, "limits");
  }

  /** Below, inside or above these limits; a value exactly on a limit is inside. */
  public FunnelPosition position(double proportion) {
    if (proportion < limits.lower()) {
      return FunnelPosition.BELOW;
    }
    if (proportion > limits.upper()) {
      return FunnelPosition.ABOVE;
    }
    return FunnelPosition.INSIDE;
  }
}
