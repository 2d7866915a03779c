package org.clusterlens.stats;

/**
 * A cell of a count table by zero-based row and column; both must be at least 0 ({@link
 * IllegalArgumentException}).
 *
 * @param row zero-based row
 * @param column zero-based column
 */
public record CellPosition(int row, int column) {

  /** Checks the indices. */
  public CellPosition {
    if (row < 0 || column < 0) {
      throw new IllegalArgumentException(
          "A cell position needs row and column of at least 0, but was ("
              + row
              + ", "
              + column
              + ")");
    }
  }
}
