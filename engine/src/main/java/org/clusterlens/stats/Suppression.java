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
import java.util.function.Predicate;

/**
 * Small-number suppression of a count table whose totals are published: primary suppression of
 * every count from 1 to threshold − 1 (a count of 0 is shown, as in DfE statistics), then secondary
 * suppression so no suppressed count can be worked out from the totals. No component is null
 * ({@link NullPointerException}); the threshold must be at least 1 ({@link
 * IllegalArgumentException}).
 *
 * <p>Secondary suppression repeats until stable: in any row or column with exactly one suppressed
 * cell, it also suppresses the smallest shown non-zero cell (a zero only when nothing else is
 * left), preferring on ties a cell whose other line already has a suppression; and where suppressed
 * cells are still linked so that adding and subtracting totals isolates one (no row or column alone
 * gives it away), it suppresses the smallest cell that closes a loop through it. A row or column
 * with a single cell cannot be protected this way: its total is its cell, so suppress that total
 * upstream; {@link DisclosureCheck} reports such a cell.
 *
 * @param table the full counts
 * @param threshold counts from 1 to threshold − 1 are suppressed
 * @param primary cells suppressed for being small
 * @param secondary cells suppressed so the primary ones cannot be recovered
 */
public record Suppression(
    CountTable table, int threshold, Set<CellPosition> primary, Set<CellPosition> secondary) {

  /** Counts of fewer than 6 (and more than 0) are suppressed by default. */
  public static final int DEFAULT_THRESHOLD = 6;

  /** Copies and checks the values. */
  public Suppression {
    Objects.requireNonNull(table, "table");
    if (threshold < 1) {
      throw new IllegalArgumentException(
          "The suppression threshold must be at least 1, but was " + threshold);
    }
    primary = Set.copyOf(primary);
    secondary = Set.copyOf(secondary);
  }

  /** Primary and secondary suppression at {@value #DEFAULT_THRESHOLD}. */
  public static Suppression of(CountTable table) {
    return of(table, DEFAULT_THRESHOLD);
  }

  /** Primary and secondary suppression at the given threshold. */
  public static Suppression of(CountTable table, int threshold) {
    Suppression primaryOnly = primaryOnly(table, threshold);
    Set<CellPosition> suppressed = new LinkedHashSet<>(primaryOnly.primary());
    boolean changed = true;
    while (changed) {
      changed = protectLoneCells(table, suppressed) || closeLinkedCells(table, suppressed);
    }
    Set<CellPosition> secondary = new LinkedHashSet<>(suppressed);
    secondary.removeAll(primaryOnly.primary());
    return new Suppression(table, threshold, primaryOnly.primary(), secondary);
  }

  /** Primary suppression alone, which totals can undo; for showing why secondary is needed. */
  public static Suppression primaryOnly(CountTable table, int threshold) {
    Objects.requireNonNull(table, "table");
    if (threshold < 1) {
      throw new IllegalArgumentException(
          "The suppression threshold must be at least 1, but was " + threshold);
    }
    Set<CellPosition> primary = new LinkedHashSet<>();
    for (CellPosition cell : cells(table)) {
      int count = table.count(cell);
      if (count >= 1 && count < threshold) {
        primary.add(cell);
      }
    }
    return new Suppression(table, threshold, primary, Set.of());
  }

  /** Whether the cell is hidden, for either reason. */
  public boolean isSuppressed(CellPosition cell) {
    return primary.contains(cell) || secondary.contains(cell);
  }

  /** The table as readers would see it, totals shown; never null. */
  public PublishedTable published() {
    List<List<OptionalInt>> cells = new ArrayList<>();
    for (int r = 0; r < table.rows(); r++) {
      List<OptionalInt> row = new ArrayList<>();
      for (int c = 0; c < table.columns(); c++) {
        CellPosition cell = new CellPosition(r, c);
        row.add(isSuppressed(cell) ? OptionalInt.empty() : OptionalInt.of(table.count(cell)));
      }
      cells.add(row);
    }
    return new PublishedTable(cells, table.rowTotals(), table.columnTotals());
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
