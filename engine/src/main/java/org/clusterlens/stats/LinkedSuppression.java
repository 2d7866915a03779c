package org.clusterlens.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One complementary suppression of linked tables ({@link LinkedCounts}): every school's row and the
 * whole's row, each split against its rows' totals, the rows against the whole, and the splits
 * against each other through the totals they share. Counts from 1 to threshold − 1 are withheld
 * (primary: a cell, a row's total, or the pupils of a row whose value is unknown, which are never
 * published but follow from the rest); then enough other counts that no withheld count can be
 * worked out by adding and subtracting published ones, and no line's withheld counts together are a
 * group of 1 to threshold − 1 pupils. Throws {@link IllegalArgumentException} for a threshold below
 * 1 and {@link NullPointerException} on null.
 *
 * <p>Each split is protected as a table whose margins are cells too (the rows' totals in a last
 * column, the whole's row last): in a line (row or column, margins included) holding exactly one
 * withheld count, the smallest published non-zero count of the line is withheld as well; in a line
 * whose margin is published (so a reader has the sum of its withheld counts), counts are withheld
 * until that sum is at least the threshold, since the withheld groups together are a group whose
 * figure follows by subtraction; a withheld count on no cycle of withheld counts (which adding and
 * subtracting lines would isolate) gets the smallest count that closes a loop through it. A count
 * of 0 is never chosen (its figure does not exist, so there is nothing to withhold), and a total
 * only when no other count will do, since it is the school's headline figure. A total withheld in
 * one split is withheld in every split. The splits share the totals, so a withheld total must be
 * free to move in all of them at once: an exact check on the shared totals (the combinations of
 * totals that every split allows) finds the counts still pinned, and the splits that pin them have
 * their withheld blocks joined through the smallest connecting count; protection then repeats until
 * nothing is pinned.
 */
public final class LinkedSuppression {

  private final LinkedCounts counts;
  private final boolean[] totalHidden;
  private final List<Grid> grids;

  private LinkedSuppression(LinkedCounts counts, boolean[] totalHidden, List<Grid> grids) {
    this.counts = counts;
    this.totalHidden = totalHidden;
    this.grids = grids;
  }

  /** Primary and complementary suppression of the linked counts at the given threshold. */
  public static LinkedSuppression of(LinkedCounts counts, int threshold) {
    Objects.requireNonNull(counts, "counts");
    if (threshold < 1) {
      throw new IllegalArgumentException(
          "The suppression threshold must be at least 1, but was " + threshold);
    }
    int rows = counts.rows();
    boolean[] totalHidden = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      int total = counts.totals().get(r);
      totalHidden[r] = total >= 1 && total < threshold;
    }
    List<Grid> grids = new ArrayList<>();
    for (int k = 0; k < counts.splits().size(); k++) {
      grids.add(new Grid(counts, k, threshold, totalHidden));
    }
    if (grids.isEmpty()) {
      // No split: the totals alone, against the whole's.
      grids.add(new Grid(counts, -1, threshold, totalHidden));
    }
    LinkedSuppression suppression = new LinkedSuppression(counts, totalHidden, grids);
    suppression.protect();
    return suppression;
  }

  /** Whether the row's total is withheld. */
  public boolean isTotalSuppressed(int row) {
    return totalHidden[row];
  }

  /**
   * Whether a value's count in a split is withheld; throws {@link IndexOutOfBoundsException} for a
   * split, row or value outside the counts.
   */
  public boolean isSuppressed(int split, CellPosition cell) {
    CountTable table = counts.splits().get(split);
    Objects.checkIndex(cell.row(), table.rows());
    Objects.checkIndex(cell.column(), table.columns());
    return grids.get(split).hidden[cell.row()][cell.column()];
  }

  private void protect() {
    boolean changed = true;
    while (changed) {
      changed = false;
      boolean protecting = true;
      while (protecting) {
        protecting = false;
        for (Grid grid : grids) {
          while (grid.protectLoneCells() || grid.widenPinnedLines() || grid.closeLinkedCells()) {
            protecting = true;
          }
          protecting |= shareTotals(grid);
        }
      }
      changed = joinPinnedBlocks();
    }
  }

  /** Withholds in every split the totals this split withheld; whether any was new. */
  private boolean shareTotals(Grid from) {
    boolean any = false;
    for (int r = 0; r < totalHidden.length; r++) {
      if (from.hidden[r][from.allColumn] && !totalHidden[r]) {
        totalHidden[r] = true;
        any = true;
        for (Grid grid : grids) {
          grid.hide(r, grid.allColumn, true);
        }
      }
    }
    return any;
  }

  /**
   * The exact check across splits: a withheld total, or a withheld count whose block of withheld
   * counts in its split hangs on the totals, is free only if some change of the withheld totals
   * that every split can absorb moves it. When some count is pinned, in each split the blocks
   * holding withheld totals are joined into one; returns whether anything was withheld.
   */
  private boolean joinPinnedBlocks() {
    if (!SharedTotals.of(grids, totalHidden).anyPinned()) {
      return false;
    }
    boolean any = false;
    for (Grid grid : grids) {
      any |= grid.joinBlocksWithTotals(totalHidden);
    }
    return any;
  }

  /**
   * One split as a table whose margins are cells: rows are the counts' rows, columns the split's
   * values, then (when some pupils' value is unknown) the unknown pupils, then the rows' totals.
   * Every line adds to 0 when the margins are counted with a minus sign, so a withheld count can be
   * worked out exactly when it lies on no cycle of withheld counts ({@link SuppressedCellGraph}).
   */
  private static final class Grid {
    private final int rows;
    private final int columns;
    private final int unknownColumn;
    private final int allColumn;
    private final int threshold;
    private final int[][] count;
    private final boolean[][] hidden;

    /** Withheld counts a reader must not work out (not the unknown pupils of 0 or 6 and more). */
    private final boolean[][] guarded;

    private final int[] hiddenInRow;
    private final int[] hiddenInColumn;
    private final Set<CellPosition> suppressed = new LinkedHashSet<>();
    private final List<CellPosition> inOrder = new ArrayList<>();

    Grid(LinkedCounts counts, int split, int threshold, boolean[] totalHidden) {
      CountTable values = split < 0 ? null : counts.splits().get(split);
      int valueColumns = values == null ? 0 : values.columns();
      this.threshold = threshold;
      rows = counts.rows();
      boolean unknown = values != null && counts.hasUnknown(split);
      unknownColumn = unknown ? valueColumns : -1;
      allColumn = valueColumns + (unknown ? 1 : 0);
      columns = allColumn + 1;
      count = new int[rows][columns];
      List<Integer> unknownCounts = unknown ? counts.unknown(split) : List.of();
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < valueColumns; c++) {
          count[r][c] = values.count(new CellPosition(r, c));
        }
        if (unknown) {
          count[r][unknownColumn] = unknownCounts.get(r);
        }
        count[r][allColumn] = counts.totals().get(r);
      }
      hidden = new boolean[rows][columns];
      guarded = new boolean[rows][columns];
      hiddenInRow = new int[rows];
      hiddenInColumn = new int[columns];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          boolean small = count[r][c] >= 1 && count[r][c] < threshold;
          if (c == allColumn ? totalHidden[r] : small || c == unknownColumn) {
            hide(r, c, c == allColumn || small);
          }
        }
      }
    }

    void hide(int r, int c, boolean guard) {
      guarded[r][c] |= guard;
      if (!hidden[r][c]) {
        hidden[r][c] = true;
        CellPosition cell = new CellPosition(r, c);
        suppressed.add(cell);
        inOrder.add(cell);
        hiddenInRow[r]++;
        hiddenInColumn[c]++;
      }
    }

    /** A published count that can be withheld: one with a figure, not the unknown pupils. */
    private boolean canHide(int r, int c) {
      return !hidden[r][c] && count[r][c] > 0 && c != unknownColumn;
    }

    /** In every line with exactly one withheld count, and that one guarded, withholds another. */
    boolean protectLoneCells() {
      boolean changed = false;
      for (int r = 0; r < rows; r++) {
        if (hiddenInRow[r] == 1) {
          List<CellPosition> line = new ArrayList<>(columns);
          boolean guard = false;
          for (int c = 0; c < columns; c++) {
            line.add(new CellPosition(r, c));
            guard |= hidden[r][c] && guarded[r][c];
          }
          changed |= guard && suppressBest(line);
        }
      }
      for (int c = 0; c < columns; c++) {
        if (hiddenInColumn[c] == 1) {
          List<CellPosition> line = new ArrayList<>(rows);
          boolean guard = false;
          for (int r = 0; r < rows; r++) {
            line.add(new CellPosition(r, c));
            guard |= hidden[r][c] && guarded[r][c];
          }
          changed |= guard && suppressBest(line);
        }
      }
      return changed;
    }

    /**
     * A line whose withheld counts all add in on one side (its margin published) tells a reader
     * their sum, the pupils of those groups together: when that is below the threshold it is a
     * small group published after all (and when it is the number of withheld figures, each is 1
     * pupil). In every such line, withholds one more count.
     */
    boolean widenPinnedLines() {
      boolean changed = false;
      for (int r = 0; r < rows; r++) {
        if (!hidden[r][allColumn]) {
          List<CellPosition> line = new ArrayList<>(columns);
          for (int c = 0; c < columns; c++) {
            line.add(new CellPosition(r, c));
          }
          changed |= pinned(line) && suppressBest(line);
        }
      }
      for (int c = 0; c < columns; c++) {
        if (!hidden[rows - 1][c]) {
          List<CellPosition> line = new ArrayList<>(rows);
          for (int r = 0; r < rows; r++) {
            line.add(new CellPosition(r, c));
          }
          changed |= pinned(line) && suppressBest(line);
        }
      }
      return changed;
    }

    /** Whether the line's withheld counts, one of them guarded, add to 1 to threshold − 1. */
    private boolean pinned(List<CellPosition> line) {
      int sum = 0;
      boolean guard = false;
      for (CellPosition cell : line) {
        int r = cell.row();
        int c = cell.column();
        if (hidden[r][c]) {
          sum += count[r][c];
          guard |= guarded[r][c];
        }
      }
      return guard && sum >= 1 && sum < threshold;
    }

    /**
     * For the first guarded withheld count (in the order withheld) on no cycle, withholds the best
     * count that closes a loop through it.
     */
    boolean closeLinkedCells() {
      BitSet bridges = SuppressedCellGraph.bridges(inOrder, rows, columns);
      for (int i = bridges.nextSetBit(0); i >= 0; i = bridges.nextSetBit(i + 1)) {
        CellPosition cell = inOrder.get(i);
        if (!guarded[cell.row()][cell.column()]) {
          continue;
        }
        List<CellPosition> closing =
            SuppressedCellGraph.closingCells(suppressed, cell, rows, columns);
        if (suppressBest(closing)) {
          return true;
        }
      }
      return false;
    }

    /**
     * In this split, joins the blocks of withheld counts (totals left out) that hold a row whose
     * total is withheld into one, each through the best count joining it to the first; returns
     * whether anything was withheld.
     */
    boolean joinBlocksWithTotals(boolean[] totalHidden) {
      boolean any = false;
      int[] block = blocks();
      int firstRow = -1;
      for (int r = 0; r < rows; r++) {
        if (!totalHidden[r]) {
          continue;
        }
        if (firstRow < 0) {
          firstRow = r;
          continue;
        }
        int first = block[firstRow];
        if (block[r] != first) {
          List<CellPosition> joining = new ArrayList<>();
          for (int r2 = 0; r2 < rows; r2++) {
            for (int c = 0; c < allColumn; c++) {
              int rowBlock = block[r2];
              int columnBlock = block[rows + c];
              if ((rowBlock == first && columnBlock == block[r])
                  || (rowBlock == block[r] && columnBlock == first)) {
                joining.add(new CellPosition(r2, c));
              }
            }
          }
          if (suppressBest(joining)) {
            any = true;
            block = blocks();
          }
        }
      }
      return any;
    }

    /**
     * The block (connected part) of each row and column vertex over the withheld counts, totals
     * left out; a vertex's block is the smallest vertex in it.
     */
    int[] blocks() {
      int[] parent = new int[rows + columns];
      for (int v = 0; v < parent.length; v++) {
        parent[v] = v;
      }
      for (CellPosition cell : inOrder) {
        if (cell.column() != allColumn) {
          int a = find(parent, cell.row());
          int b = find(parent, rows + cell.column());
          parent[Math.max(a, b)] = Math.min(a, b);
        }
      }
      int[] block = new int[parent.length];
      for (int v = 0; v < parent.length; v++) {
        block[v] = find(parent, v);
      }
      return block;
    }

    private static int find(int[] parent, int v) {
      while (parent[v] != v) {
        parent[v] = parent[parent[v]];
        v = parent[v];
      }
      return v;
    }

    /**
     * Withholds the best candidate that can be withheld: a count before a total, then the smallest,
     * then the one whose row and column already hold the most withheld counts; the first on ties.
     */
    private boolean suppressBest(List<CellPosition> candidates) {
      CellPosition best = null;
      int bestTier = 0;
      int bestCount = 0;
      int bestLinked = 0;
      for (CellPosition cell : candidates) {
        int r = cell.row();
        int c = cell.column();
        if (!canHide(r, c)) {
          continue;
        }
        int tier = c == allColumn ? 1 : 0;
        int linked = hiddenInRow[r] + hiddenInColumn[c];
        if (best == null
            || tier < bestTier
            || (tier == bestTier
                && (count[r][c] < bestCount
                    || (count[r][c] == bestCount && linked > bestLinked)))) {
          best = cell;
          bestTier = tier;
          bestCount = count[r][c];
          bestLinked = linked;
        }
      }
      if (best == null) {
        return false;
      }
      hide(best.row(), best.column(), true);
      return true;
    }
  }

  /**
   * The exact check on the withheld totals. A change of the withheld counts that leaves every
   * published count and every sum as it is changes the withheld totals by some amounts; in one
   * split those amounts must add to 0 over each block of withheld counts (the whole's total counted
   * with a minus sign, since its row is the sum of the others). A withheld total is pinned when
   * every change allowed by all splits leaves it as it is; a guarded count on no cycle of its
   * split's block is pinned when every such change leaves its side of the block's totals adding to
   * 0.
   */
  private static final class SharedTotals {
    private final List<Grid> grids;
    private final int[] index;
    private final int hiddenTotals;
    private final List<double[]> freeDirections;

    private SharedTotals(List<Grid> grids, boolean[] totalHidden) {
      this.grids = grids;
      int rows = totalHidden.length;
      index = new int[rows];
      int h = 0;
      for (int r = 0; r < rows; r++) {
        index[r] = totalHidden[r] ? h++ : -1;
      }
      hiddenTotals = h;
      List<double[]> constraints = new ArrayList<>();
      for (Grid grid : grids) {
        int[] block = grid.blocks();
        for (int b = 0; b < rows + grid.columns; b++) {
          double[] sum = sideSum(grid, block, b);
          if (sum != null) {
            constraints.add(sum);
          }
        }
      }
      freeDirections = nullSpace(constraints, hiddenTotals);
    }

    static SharedTotals of(List<Grid> grids, boolean[] totalHidden) {
      return new SharedTotals(grids, totalHidden);
    }

    /** The withheld totals of the rows in block {@code b}, signed; null when there are none. */
    private double[] sideSum(Grid grid, int[] block, int b) {
      double[] sum = null;
      for (int r = 0; r < grid.rows; r++) {
        if (block[r] == b && index[r] >= 0) {
          if (sum == null) {
            sum = new double[hiddenTotals];
          }
          sum[index[r]] = r == grid.rows - 1 ? -1 : 1;
        }
      }
      return sum;
    }

    boolean anyPinned() {
      for (int r = 0; r < index.length; r++) {
        if (index[r] >= 0) {
          double[] unit = new double[hiddenTotals];
          unit[index[r]] = 1;
          if (fixed(unit)) {
            return true;
          }
        }
      }
      for (Grid grid : grids) {
        List<CellPosition> inner = new ArrayList<>();
        for (CellPosition cell : grid.inOrder) {
          if (cell.column() != grid.allColumn) {
            inner.add(cell);
          }
        }
        Set<CellPosition> innerSet = new LinkedHashSet<>(inner);
        BitSet bridges = SuppressedCellGraph.bridges(inner, grid.rows, grid.columns);
        for (int i = bridges.nextSetBit(0); i >= 0; i = bridges.nextSetBit(i + 1)) {
          CellPosition cell = inner.get(i);
          if (!grid.guarded[cell.row()][cell.column()]) {
            continue;
          }
          BitSet side =
              SuppressedCellGraph.reachableWithout(
                  innerSet, cell, cell.row(), grid.rows, grid.columns);
          double[] sum = new double[hiddenTotals];
          for (int r = side.nextSetBit(0); r >= 0 && r < grid.rows; r = side.nextSetBit(r + 1)) {
            if (index[r] >= 0) {
              sum[index[r]] = r == grid.rows - 1 ? -1 : 1;
            }
          }
          if (fixed(sum)) {
            return true;
          }
        }
      }
      return false;
    }

    /** Whether every allowed change of the withheld totals leaves this combination at 0. */
    private boolean fixed(double[] combination) {
      for (double[] direction : freeDirections) {
        double dot = 0;
        for (int i = 0; i < hiddenTotals; i++) {
          dot += combination[i] * direction[i];
        }
        if (Math.abs(dot) > 1e-9) {
          return false;
        }
      }
      return true;
    }
  }

  /** A basis of the vectors every constraint maps to 0 (Gauss–Jordan elimination). */
  static List<double[]> nullSpace(List<double[]> constraints, int unknowns) {
    double[][] m = constraints.toArray(new double[0][]);
    int[] pivotOf = new int[unknowns];
    Arrays.fill(pivotOf, -1);
    int rank = 0;
    for (int c = 0; c < unknowns && rank < m.length; c++) {
      int pivot = -1;
      for (int r = rank; r < m.length; r++) {
        if (Math.abs(m[r][c]) > 1e-9 && (pivot < 0 || Math.abs(m[r][c]) > Math.abs(m[pivot][c]))) {
          pivot = r;
        }
      }
      if (pivot < 0) {
        continue;
      }
      double[] swap = m[pivot];
      m[pivot] = m[rank];
      m[rank] = swap;
      double lead = m[rank][c];
      for (int j = 0; j < unknowns; j++) {
        m[rank][j] /= lead;
      }
      for (int r = 0; r < m.length; r++) {
        if (r != rank && Math.abs(m[r][c]) > 1e-12) {
          double factor = m[r][c];
          for (int j = 0; j < unknowns; j++) {
            m[r][j] -= factor * m[rank][j];
          }
        }
      }
      pivotOf[c] = rank++;
    }
    List<double[]> basis = new ArrayList<>();
    for (int free = 0; free < unknowns; free++) {
      if (pivotOf[free] >= 0) {
        continue;
      }
      double[] v = new double[unknowns];
      v[free] = 1;
      for (int c = 0; c < unknowns; c++) {
        if (pivotOf[c] >= 0) {
          v[c] = -m[pivotOf[c]][free];
        }
      }
      basis.add(v);
    }
    return basis;
  }
}
