package org.clusterlens.stats;

import java.util.Objects;

/**
 * One unit on a funnel plot (a school, or a school's group), named as the caller wishes; neither
 * component may be null ({@link NullPointerException}).
 *
 * @param unit the caller's name for the unit, e.g. "School A"
 * @param proportion its count and cohort
 */
public record FunnelPoint(String unit, Proportion proportion) {

  /** Checks for nulls. */
  public FunnelPoint {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(proportion, "proportion");
  }
}
