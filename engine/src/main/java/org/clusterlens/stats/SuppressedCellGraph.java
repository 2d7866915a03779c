package org.clusterlens.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
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
    // Adjacency lists packed in one array: vertex v's neighbours are at [first[v], first[v + 1]).
    int vertices = rows + columns;
    int[] first = new int[vertices + 1];
    for (CellPosition other : suppressed) {
      if (!other.equals(cell)) {
        first[other.row() + 1]++;
        first[rows + other.column() + 1]++;
      }
    }
    for (int v = 0; v < vertices; v++) {
      first[v + 1] += first[v];
    }
    int[] neighbours = new int[first[vertices]];
    int[] filled = Arrays.copyOf(first, vertices);
    for (CellPosition other : suppressed) {
      if (!other.equals(cell)) {
        int rowVertex = other.row();
        int columnVertex = rows + other.column();
        neighbours[filled[rowVertex]++] = columnVertex;
        neighbours[filled[columnVertex]++] = rowVertex;
      }
    }
    BitSet reached = new BitSet(vertices);
    int[] queue = new int[vertices];
    int head = 0;
    int tail = 0;
    reached.set(start);
    queue[tail++] = start;
    while (head < tail) {
      int v = queue[head++];
      for (int k = first[v]; k < first[v + 1]; k++) {
        int next = neighbours[k];
        if (!reached.get(next)) {
          reached.set(next);
          queue[tail++] = next;
        }
      }
    }
    return reached;
  }

  /**
   * The cells that would close a loop through a bridge: each joins a row on the bridge's column
   * side to a column on its row side, so withholding any one of them puts the bridge on a cycle.
   * Listed row by row, then column by column.
   */
  static List<CellPosition> closingCells(
      Set<CellPosition> suppressed, CellPosition bridge, int rows, int columns) {
    BitSet rowSide = reachableWithout(suppressed, bridge, bridge.row(), rows, columns);
    BitSet columnSide = reachableWithout(suppressed, bridge, rows + bridge.column(), rows, columns);
    List<CellPosition> closing = new ArrayList<>();
    for (int r = columnSide.nextSetBit(0); r >= 0 && r < rows; r = columnSide.nextSetBit(r + 1)) {
      for (int c = 0; c < columns; c++) {
        if (rowSide.get(rows + c)) {
          closing.add(new CellPosition(r, c));
        }
      }
    }
    return closing;
  }

  /**
   * Which of the cells (edges, by their index in the list) are bridges: lie on no cycle, so that
   * the totals give them away. One depth-first walk over the whole graph (Tarjan's low-link), kept
   * on an explicit stack so a table of thousands of schools cannot overflow the thread's stack.
   */
  static BitSet bridges(List<CellPosition> cells, int rows, int columns) {
    int vertices = rows + columns;
    int[] degree = new int[vertices];
    for (CellPosition cell : cells) {
      degree[cell.row()]++;
      degree[rows + cell.column()]++;
    }
    int[][] edgesAt = new int[vertices][];
    for (int v = 0; v < vertices; v++) {
      edgesAt[v] = new int[degree[v]];
    }
    int[] filled = new int[vertices];
    for (int e = 0; e < cells.size(); e++) {
      CellPosition cell = cells.get(e);
      edgesAt[cell.row()][filled[cell.row()]++] = e;
      edgesAt[rows + cell.column()][filled[rows + cell.column()]++] = e;
    }
    int[] discovered = new int[vertices];
    int[] low = new int[vertices];
    int[] parentEdge = new int[vertices];
    int[] nextEdge = new int[vertices];
    int[] stack = new int[vertices];
    BitSet bridges = new BitSet(cells.size());
    int time = 0;
    for (int root = 0; root < vertices; root++) {
      if (discovered[root] != 0 || degree[root] == 0) {
        continue;
      }
      int depth = 0;
      stack[depth++] = root;
      parentEdge[root] = -1;
      discovered[root] = low[root] = ++time;
      while (depth > 0) {
        int v = stack[depth - 1];
        if (nextEdge[v] < edgesAt[v].length) {
          int e = edgesAt[v][nextEdge[v]++];
          if (e == parentEdge[v]) {
            continue;
          }
          int w = otherEnd(cells.get(e), v, rows);
          if (discovered[w] == 0) {
            parentEdge[w] = e;
            discovered[w] = low[w] = ++time;
            stack[depth++] = w;
          } else {
            low[v] = Math.min(low[v], discovered[w]);
          }
        } else {
          depth--;
          if (parentEdge[v] >= 0) {
            int parent = stack[depth - 1];
            low[parent] = Math.min(low[parent], low[v]);
            if (low[v] > discovered[parent]) {
              bridges.set(parentEdge[v]);
            }
          }
        }
      }
    }
    return bridges;
  }

  private static int otherEnd(CellPosition cell, int vertex, int rows) {
    return vertex == cell.row() ? rows + cell.column() : cell.row();
  }
}
