package org.clusterlens.stats;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

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
    Protection protection = new Protection(table, primaryOnly.primary());
    boolean changed = true;
    while (changed) {
      changed = protection.protectLoneCells() || protection.closeLinkedCells();
    }
    Set<CellPosition> secondary = new LinkedHashSet<>(protection.suppressed);
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

  private static List<CellPosition> cells(CountTable table) {
    List<CellPosition> cells = new ArrayList<>();
    for (int r = 0; r < table.rows(); r++) {
      for (int c = 0; c < table.columns(); c++) {
        cells.add(new CellPosition(r, c));
      }
    }
    return cells;
  }

  /**
   * Secondary suppression's working state: the suppressed cells in the order they were chosen, and
   * how many lie in each row and column, so a pass over the table costs in proportion to its cells
   * (counting a line's suppressed cells by scanning them all made it quadratic at LA size and
   * beyond). Which cell is chosen, and when, is as the class comment says.
   */
  private static final class Protection {
    private final int rows;
    private final int columns;
    private final int[][] counts;
    private final boolean[][] hidden;
    private final int[] hiddenInRow;
    private final int[] hiddenInColumn;
    private final Set<CellPosition> suppressed = new LinkedHashSet<>();
    private final List<CellPosition> inOrder = new ArrayList<>();

    Protection(CountTable table, Set<CellPosition> primary) {
      rows = table.rows();
      columns = table.columns();
      counts = new int[rows][columns];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          counts[r][c] = table.count(new CellPosition(r, c));
        }
      }
      hidden = new boolean[rows][columns];
      hiddenInRow = new int[rows];
      hiddenInColumn = new int[columns];
      // Row by row: the primary set's own order is not fixed from one run to the next, and which
      // bridge is closed first depends on the order cells were suppressed in.
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          CellPosition cell = new CellPosition(r, c);
          if (primary.contains(cell)) {
            hide(cell);
          }
        }
      }
    }

    private void hide(CellPosition cell) {
      if (suppressed.add(cell)) {
        inOrder.add(cell);
        hidden[cell.row()][cell.column()] = true;
        hiddenInRow[cell.row()]++;
        hiddenInColumn[cell.column()]++;
      }
    }

    /** In every row, then every column, with exactly one suppressed cell, suppresses another. */
    boolean protectLoneCells() {
      boolean changed = false;
      for (int r = 0; r < rows; r++) {
        if (hiddenInRow[r] == 1) {
          List<CellPosition> line = new ArrayList<>(columns);
          for (int c = 0; c < columns; c++) {
            line.add(new CellPosition(r, c));
          }
          changed |= suppressBest(line);
        }
      }
      for (int c = 0; c < columns; c++) {
        if (hiddenInColumn[c] == 1) {
          List<CellPosition> line = new ArrayList<>(rows);
          for (int r = 0; r < rows; r++) {
            line.add(new CellPosition(r, c));
          }
          changed |= suppressBest(line);
        }
      }
      return changed;
    }

    /**
     * For the first suppressed cell (in the order chosen) that is a bridge of the suppressed-cell
     * graph with a cell that closes a loop through it, suppresses the best such cell.
     */
    boolean closeLinkedCells() {
      BitSet bridges = SuppressedCellGraph.bridges(inOrder, rows, columns);
      for (int i = bridges.nextSetBit(0); i >= 0; i = bridges.nextSetBit(i + 1)) {
        CellPosition cell = inOrder.get(i);
        List<CellPosition> closing =
            SuppressedCellGraph.closingCells(suppressed, cell, rows, columns);
        if (suppressBest(closing)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Suppresses the best shown candidate: a non-zero cell before a zero, then the smallest, then
     * the one whose row and column already hold the most suppressed cells; the first on ties.
     */
    private boolean suppressBest(List<CellPosition> candidates) {
      CellPosition best = null;
      int bestZero = 0;
      int bestCount = 0;
      int bestLinked = 0;
      for (CellPosition cell : candidates) {
        if (hidden[cell.row()][cell.column()]) {
          continue;
        }
        int count = counts[cell.row()][cell.column()];
        int zero = count == 0 ? 1 : 0;
        int linked = hiddenInRow[cell.row()] + hiddenInColumn[cell.column()];
        if (best == null
            || zero < bestZero
            || (zero == bestZero
                && (count < bestCount || (count == bestCount && linked > bestLinked)))) {
          best = cell;
          bestZero = zero;
          bestCount = count;
          bestLinked = linked;
        }
      }
      if (best == null) {
        return false;
      }
      hide(best);
      return true;
    }
  }
}
