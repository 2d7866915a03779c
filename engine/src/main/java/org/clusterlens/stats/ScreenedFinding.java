package org.clusterlens.stats;

import java.util.Objects;

/**
 * A finding after Benjamini–Hochberg screening, with its adjusted p-value and whether it was
 * selected; no component is null ({@link NullPointerException}).
 *
 * @param finding the finding as given
 * @param adjustedPValue its Benjamini–Hochberg adjusted p-value (step-up, monotone, at most 1)
 * @param selection whether it was selected at the screen's q
 */
public record ScreenedFinding(Finding finding, double adjustedPValue, Selection selection) {

  /** Checks for nulls. */
  public ScreenedFinding {
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(selection, "selection");
  }

  /** Whether the finding was selected. */
  public boolean isSelected() {
    return selection == Selection.SELECTED;
  }
}
