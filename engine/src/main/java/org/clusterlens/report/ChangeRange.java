package org.clusterlens.report;

/**
 * The range of changes that chance alone could produce, in percentage points: a shift's 95%
 * interval.
 *
 * @param lower the lower end
 * @param upper the upper end
 * @param method how the range was worked out, e.g. "Newcombe hybrid score, 95%"; never null
 */
public record ChangeRange(double lower, double upper, String method) {

  /** The shift's range, or null when the figure carries none. */
  static ChangeRange of(org.clusterlens.model.Figure shift) {
    return shift.lower() == null
        ? null
        : new ChangeRange(shift.lower(), shift.upper(), shift.method());
  }

  /**
   * Tells whether no change at all lies inside the range, i.e. chance alone is an unlikely cause.
   */
  public boolean excludesNoChange() {
    return lower > 0 || upper < 0;
  }
}
