package org.clusterlens.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a reader sees of a count table: each cell's count, or empty where it is suppressed, with
 * every row and column total shown; construction throws {@link IllegalArgumentException} for a
 * ragged table or totals that do not match its shape, and {@link NullPointerException} for nulls.
 *
 * @param cells cells row by row, empty where suppressed
 * @param rowTotals the published row totals
 * @param columnTotals the published column totals
 */
public record PublishedTable(
    List<List<OptionalInt>> cells, List<Integer> rowTotals, List<Integer> columnTotals) {

  /** Copies and checks the shape. */
  public PublishedTable {
    Objects.requireNonNull(cells, "cells");
    List<List<OptionalInt>> copy = new ArrayList<>();
    for (List<OptionalInt> row : cells) {
      copy.add(List.copyOf(Objects.requireNonNull(row, "row")));
    }
    cells = List.copyOf(copy);
    rowTotals = List.copyOf(rowTotals);
    columnTotals = List.copyOf(columnTotals);
    if (cells.size() != rowTotals.size()) {
      throw new IllegalArgumentException(
          "A published table with "
              + cells.size()
              + " rows needs as many row totals, but had "
              + rowTotals.size());
    }
    for (int r = 0; r < cells.size(); r++) {
      if (cells.get(r).size() != columnTotals.size()) {
        throw new IllegalArgumentException(
            "Row "
                + r
                + " of the published table has "
                + cells.get(r).size()
                + " cells, but there are "
                + columnTotals.size()
                + " column totals");
      }
    }
  }

  /** Number of rows. */
  public int rows() {
    return cells.size();
  }

  /** Number of columns. */
  public int columns() {
    return columnTotals.size();
  }
}
