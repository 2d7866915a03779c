package org.clusterlens.report;

import org.clusterlens.model.Figure;
import org.clusterlens.stats.FalseDiscoveryControl;

/**
 * A shift's 95% interval and whether it stands out from chance once every change tested alongside
 * it is allowed for.
 *
 * @param lower the interval's lower end, in percentage points
 * @param upper the interval's upper end, in percentage points
 * @param method how the interval was worked out, e.g. "Newcombe hybrid score, 95%"; never null
 * @param adjustedPValue the change's p-value adjusted for all the changes tested
 *     (Benjamini–Hochberg), or null when it was not tested
 */
public record ChangeRange(double lower, double upper, String method, Double adjustedPValue) {

  /** The shift's range, or null when the figure carries none. */
  static ChangeRange of(Figure shift) {
    return shift.lower() == null
        ? null
        : new ChangeRange(shift.lower(), shift.upper(), shift.method(), shift.adjustedPValue());
  }

  /** Tells whether no change at all lies outside the interval. */
  public boolean excludesNoChange() {
    return lower > 0 || upper < 0;
  }

  /**
   * Tells whether the change stands out from chance even allowing for the many comparisons made:
   * its adjusted p-value is within the false discovery rate.
   */
  public boolean clearChange() {
    return adjustedPValue != null && adjustedPValue <= FalseDiscoveryControl.DEFAULT_Q;
  }
}
