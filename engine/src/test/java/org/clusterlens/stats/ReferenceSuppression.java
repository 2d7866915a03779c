package org.clusterlens.stats;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Secondary suppression written the plain way, as {@link Suppression} first had it: every line's
 * suppressed cells counted by scanning them all, every cell's bridge test a walk of its own. Too
 * slow past an LA's tables, but easy to check by eye: tests hold the fast one to its choices.
 */
final class ReferenceSuppression {

  private ReferenceSuppression() {}

  /** The cells secondary suppression adds, in the order it adds them. */
  static Set<CellPosition> secondary(CountTable table, int threshold) {
    Set<CellPosition> primary = Suppression.primaryOnly(table, threshold).primary();
    Set<CellPosition> suppressed = new LinkedHashSet<>();
    for (CellPosition cell : cells(table)) {
      if (primary.contains(cell)) {
        suppressed.add(cell);
      }
    }
    boolean changed = true;
    while (changed) {
      changed = protectLoneCells(table, suppressed) || closeLinkedCells(table, suppressed);
    }
    Set<CellPosition> secondary = new LinkedHashSet<>(suppressed);
    secondary.removeAll(primary);
    return secondary;
  }

  private static boolean protectLoneCells(CountTable table, Set<CellPosition> suppressed) {
    boolean changed = false;
    for (int r = 0; r < table.rows(); r++) {
      int row = r;
      changed |= protectLine(table, suppressed, cell -> cell.row() == row);
    }
    for (int c = 0; c < table.columns(); c++) {
      int column = c;
      changed |= protectLine(table, suppressed, cell -> cell.column() == column);
    }
    return changed;
  }

  private static boolean protectLine(
      CountTable table, Set<CellPosition> suppressed, Predicate<CellPosition> inLine) {
    long hidden = suppressed.stream().filter(inLine).count();
    if (hidden != 1) {
      return false;
    }
    return suppressBest(table, suppressed, cells(table).stream().filter(inLine).toList());
  }

  private static boolean closeLinkedCells(CountTable table, Set<CellPosition> suppressed) {
    int rows = table.rows();
    for (CellPosition cell : List.copyOf(suppressed)) {
      Optional<BitSet> rowSide =
          SuppressedCellGraph.rowSideOfBridge(suppressed, cell, rows, table.columns());
      if (rowSide.isEmpty()) {
        continue;
      }
      // A cell joining a row on the column's side to a column on the row's side closes a loop.
      BitSet side = rowSide.get();
      BitSet columnSide =
          SuppressedCellGraph.reachableWithout(
              suppressed, cell, rows + cell.column(), rows, table.columns());
      List<CellPosition> closing =
          cells(table).stream()
              .filter(other -> columnSide.get(other.row()) && side.get(rows + other.column()))
              .toList();
      if (suppressBest(table, suppressed, closing)) {
        return true;
      }
    }
    return false;
  }

  private static boolean suppressBest(
      CountTable table, Set<CellPosition> suppressed, List<CellPosition> candidates) {
    Comparator<CellPosition> preference =
        Comparator.comparingInt((CellPosition cell) -> table.count(cell) == 0 ? 1 : 0)
            .thenComparingInt(table::count)
            .thenComparingLong(
                cell ->
                    -suppressed.stream()
                        .filter(s -> s.row() == cell.row() || s.column() == cell.column())
                        .count());
    Optional<CellPosition> best =
        candidates.stream().filter(cell -> !suppressed.contains(cell)).min(preference);
    best.ifPresent(suppressed::add);
    return best.isPresent();
  }

  private static List<CellPosition> cells(CountTable table) {
    List<CellPosition> cells = new ArrayList<>();
    for (int r = 0; r < table.rows(); r++) {
      for (int c = 0; c < table.columns(); c++) {
        cells.add(new CellPosition(r, c));
      }
    }
    return cells;
  }
}
