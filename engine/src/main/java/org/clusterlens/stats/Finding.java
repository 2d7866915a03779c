package org.clusterlens.stats;

import java.util.Objects;

/**
 * A candidate finding with the p-value of its test, e.g. "School C reading, disadvantaged pupils";
 * the label is never null ({@link NullPointerException}) and the p-value must lie in [0, 1] ({@link
 * IllegalArgumentException}).
 *
 * @param label the caller's name for the finding
 * @param pValue its p-value
 */
public record Finding(String label, double pValue) {

  /** Checks the values. */
  public Finding {
    Objects.requireNonNull(label, "label");
    if (!(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException(
          "Finding '" + label + "' has p-value " + pValue + ", but p-values lie in [0, 1]");
    }
  }
}
