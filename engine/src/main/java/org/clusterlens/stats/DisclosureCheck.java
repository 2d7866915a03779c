package org.clusterlens.stats;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Plays the reader who tries to undo suppression: from the shown cells and the row and column
 * totals it recovers every suppressed count that is determined — by subtracting a line's shown
 * cells from its total, by adding and subtracting several lines' totals (linked blocks of
 * suppressed cells), and by a line whose suppressed cells must sum to 0 — iterating until nothing
 * new is found; throws {@link NullPointerException} on null.
 *
 * <p>It does not use bounds (e.g. "a suppressed count is 1 to 5"), earlier terms' figures, or other
 * tables.
 */
public final class DisclosureCheck {

  private DisclosureCheck() {}

  /** The suppressed cells a reader can recover, in row-major order; empty when none can be. */
  public static List<RecoveredCount> recoverable(PublishedTable table) {
    Objects.requireNonNull(table, "table");
    int rows = table.rows();
    int columns = table.columns();
    Integer[][] known = new Integer[rows][columns];
    Set<CellPosition> unknown = new LinkedHashSet<>();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        OptionalInt shown = table.cells().get(r).get(c);
        if (shown.isPresent()) {
          known[r][c] = shown.getAsInt();
        } else {
          unknown.add(new CellPosition(r, c));
        }
      }
    }
    List<RecoveredCount> recovered = new ArrayList<>();
    boolean progress = true;
    while (progress && !unknown.isEmpty()) {
      progress = false;
      for (CellPosition cell : List.copyOf(unknown)) {
        OptionalInt value = recover(table, known, unknown, cell);
        if (value.isPresent()) {
          known[cell.row()][cell.column()] = value.getAsInt();
          unknown.remove(cell);
          recovered.add(new RecoveredCount(cell, value.getAsInt()));
          progress = true;
        }
      }
    }
    recovered.sort(
        Comparator.comparingInt((RecoveredCount f) -> f.cell().row())
            .thenComparingInt(f -> f.cell().column()));
    return List.copyOf(recovered);
  }

  private static OptionalInt recover(
      PublishedTable table, Integer[][] known, Set<CellPosition> unknown, CellPosition cell) {
    int rows = table.rows();
    if (rowResidual(table, known, cell.row()) == 0
        || columnResidual(table, known, cell.column()) == 0) {
      return OptionalInt.of(0);
    }
    Optional<BitSet> side =
        SuppressedCellGraph.rowSideOfBridge(unknown, cell, rows, table.columns());
    if (side.isEmpty()) {
      return OptionalInt.empty();
    }
    // The cell's row side holds every other unknown touching its rows and columns, so the rows'
    // residuals minus the columns' residuals leave exactly this cell.
    int value = 0;
    for (int vertex = side.get().nextSetBit(0);
        vertex >= 0;
        vertex = side.get().nextSetBit(vertex + 1)) {
      value +=
          vertex < rows
              ? rowResidual(table, known, vertex)
              : -columnResidual(table, known, vertex - rows);
    }
    return OptionalInt.of(value);
  }

  private static int rowResidual(PublishedTable table, Integer[][] known, int row) {
    int residual = table.rowTotals().get(row);
    for (Integer value : known[row]) {
      residual -= value == null ? 0 : value;
    }
    return residual;
  }

  private static int columnResidual(PublishedTable table, Integer[][] known, int column) {
    int residual = table.columnTotals().get(column);
    for (Integer[] row : known) {
      residual -= row[column] == null ? 0 : row[column];
    }
    return residual;
  }
}
