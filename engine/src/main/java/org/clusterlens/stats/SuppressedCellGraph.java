package org.clusterlens.stats;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Suppressed cells seen as edges between their row and their column: a cell is recoverable from the
 * totals exactly when its edge lies on no cycle (a bridge), because every other pattern of values
 * consistent with the totals differs from it around a cycle. Rows are vertices 0..rows−1, columns
 * rows..rows+columns−1.
 */
final class SuppressedCellGraph {

  private SuppressedCellGraph() {}

  /**
   * The vertices reachable from the cell's row over the other suppressed cells, when the cell's
   * column is not among them (the cell is a bridge); empty when the cell lies on a cycle.
   */
  static Optional<BitSet> rowSideOfBridge(
      Set<CellPosition> suppressed, CellPosition cell, int rows, int columns) {
    BitSet reached = reachableWithout(suppressed, cell, cell.row(), rows, columns);
    return reached.get(rows + cell.column()) ? Optional.empty() : Optional.of(reached);
  }

  /**
   * The vertices reachable from the start over the suppressed cells other than the given one: a
   * breadth-first walk over adjacency lists, so one call costs in proportion to the suppressed
   * cells (scanning every cell at every step made secondary suppression quadratic at LA size).
   */
  static BitSet reachableWithout(
      Set<CellPosition> suppressed, CellPosition cell, int start, int rows, int columns) {
    List<List<Integer>> neighbours = new ArrayList<>(rows + columns);
    for (int v = 0; v < rows + columns; v++) {
      neighbours.add(new ArrayList<>(2));
    }
    for (CellPosition other : suppressed) {
      if (!other.equals(cell)) {
        int rowVertex = other.row();
        int columnVertex = rows + other.column();
        neighbours.get(rowVertex).add(columnVertex);
        neighbours.get(columnVertex).add(rowVertex);
      }
    }
    BitSet reached = new BitSet(rows + columns);
    Deque<Integer> queue = new ArrayDeque<>();
    reached.set(start);
    queue.add(start);
    while (!queue.isEmpty()) {
      for (int next : neighbours.get(queue.remove())) {
        if (!reached.get(next)) {
          reached.set(next);
          queue.add(next);
        }
      }
    }
    return reached;
  }
}
