package org.clusterlens.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A rectangular table of pupil counts (e.g. groups × outcomes) whose row, column and grand totals
 * are the sums of its cells; construction throws {@link IllegalArgumentException} for an empty or
 * ragged table or a negative count, and {@link NullPointerException} for a null row or count.
 *
 * @param counts the cells, row by row
 */
public record CountTable(List<List<Integer>> counts) {

  /** Copies and checks the cells. */
  public CountTable {
    Objects.requireNonNull(counts, "counts");
    List<List<Integer>> copy = new ArrayList<>();
    for (List<Integer> row : counts) {
      copy.add(List.copyOf(Objects.requireNonNull(row, "row")));
    }
    counts = List.copyOf(copy);
    if (counts.isEmpty() || counts.get(0).isEmpty()) {
      throw new IllegalArgumentException("A count table needs at least one row and one column");
    }
    int columns = counts.get(0).size();
    for (int r = 0; r < counts.size(); r++) {
      if (counts.get(r).size() != columns) {
        throw new IllegalArgumentException(
            "Row "
                + r
                + " of the count table has "
                + counts.get(r).size()
                + " cells, but row 0 has "
                + columns);
      }
      for (int c = 0; c < columns; c++) {
        if (counts.get(r).get(c) < 0) {
          throw new IllegalArgumentException(
              "Cell ("
                  + r
                  + ", "
                  + c
                  + ") of the count table is "
                  + counts.get(r).get(c)
                  + ", but counts cannot be negative");
        }
      }
    }
  }

  /** Number of rows. */
  public int rows() {
    return counts.size();
  }

  /** Number of columns. */
  public int columns() {
    return counts.get(0).size();
  }

  /** The count in a cell; throws {@link IndexOutOfBoundsException} outside the table. */
  public int count(CellPosition cell) {
    return counts.get(cell.row()).get(cell.column());
  }

  /** Sum of a row; throws {@link IndexOutOfBoundsException} outside the table. */
  public int rowTotal(int row) {
    int total = 0;
    for (int count : counts.get(row)) {
      total += count;
    }
    return total;
  }

  /** Sum of a column; throws {@link IndexOutOfBoundsException} outside the table. */
  public int columnTotal(int column) {
    int total = 0;
    for (List<Integer> row : counts) {
      total += row.get(column);
    }
    return total;
  }

  /** Row totals in row order, never null. */
  public List<Integer> rowTotals() {
    List<Integer> totals = new ArrayList<>();
    for (int r = 0; r < rows(); r++) {
      totals.add(rowTotal(r));
    }
    return List.copyOf(totals);
  }

  /** Column totals in column order, never null. */
  public List<Integer> columnTotals() {
    List<Integer> totals = new ArrayList<>();
    for (int c = 0; c < columns(); c++) {
      totals.add(columnTotal(c));
    }
    return List.copyOf(totals);
  }
}
