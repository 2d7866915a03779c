package org.clusterlens.stats;

import java.util.Objects;

/**
 * A suppressed cell whose count a reader can work out from the published cells and totals; the cell
 * is never null ({@link NullPointerException}).
 *
 * @param cell where it is
 * @param value the count the reader recovers
 */
public record RecoveredCount(CellPosition cell, int value) {

  /** Checks for null. */
  public RecoveredCount {
    Objects.requireNonNull(cell, "cell");
  }
}
