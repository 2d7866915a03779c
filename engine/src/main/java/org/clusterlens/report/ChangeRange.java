package org.clusterlens.report;

import org.clusterlens.model.Figure;
import org.clusterlens.model.Judgement;

/**
 * A change's 95% interval (where the true change probably lies), its test, and the one judgement
 * made on it.
 *
 * @param lower the interval's lower end, in percentage points
 * @param upper the interval's upper end, in percentage points
 * @param method how the interval was worked out, e.g. "Newcombe hybrid score, 95%"; never null
 * @param pValue the test's p-value: how often chance alone would give a change at least this large,
 *     or null when no test was made
 * @param adjustedPValue that p-value adjusted within the change's family of questions
 *     (Benjamini–Hochberg), or null when it was not tested
 * @param judgement the one judgement on the change, or null when none was made
 */
public record ChangeRange(
    double lower,
    double upper,
    String method,
    Double pValue,
    Double adjustedPValue,
    Judgement judgement) {

  /** The change's range, or null when the figure carries none. */
  static ChangeRange of(Figure change) {
    return change.lower() == null
        ? null
        : new ChangeRange(
            change.lower(),
            change.upper(),
            change.method(),
            change.pValue(),
            change.adjustedPValue(),
            change.judgement());
  }

  /** Tells whether no change at all lies outside the interval. */
  public boolean excludesNoChange() {
    return lower > 0 || upper < 0;
  }

  /** Tells whether the change was judged clear (strong or to probe) within its family. */
  public boolean clearChange() {
    return judgement != null && judgement.clear();
  }
}
