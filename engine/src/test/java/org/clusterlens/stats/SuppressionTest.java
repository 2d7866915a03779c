package org.clusterlens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

class SuppressionTest {

  private static CountTable table(Integer[]... rows) {
    List<List<Integer>> counts = new ArrayList<>();
    for (Integer[] row : rows) {
      counts.add(List.of(row));
    }
    return new CountTable(counts);
  }

  private static CellPosition at(int row, int column) {
    return new CellPosition(row, column);
  }

  @Test
  void smallNonZeroCountsAreSuppressedAndZerosAreShown() {
    CountTable counts = table(new Integer[] {0, 5, 6}, new Integer[] {1, 40, 30});
    Suppression primary = Suppression.primaryOnly(counts, Suppression.DEFAULT_THRESHOLD);
    assertThat(primary.primary()).containsExactlyInAnyOrder(at(0, 1), at(1, 0));
    assertThat(primary.isSuppressed(at(0, 0))).isFalse();
    assertThat(primary.isSuppressed(at(0, 2))).isFalse();
  }

  @Test
  void aSmallCellThatTotalsWouldRevealGetsComplementaryCellsSuppressed() {
    // Girls/boys × below/at/above: the 3 could be read off its row total without more.
    CountTable counts = table(new Integer[] {3, 20, 25}, new Integer[] {15, 22, 30});
    Suppression suppression = Suppression.of(counts);
    assertThat(suppression.primary()).containsExactly(at(0, 0));
    // Row 0 → its smallest other cell 20; column 0 → 15; column 1 → 22, closing the rectangle.
    assertThat(suppression.secondary()).containsExactlyInAnyOrder(at(0, 1), at(1, 0), at(1, 1));
    assertThat(DisclosureCheck.recoverable(suppression.published())).isEmpty();
  }

  @Test
  void theCheckerRecoversACellWhenOnlyPrimarySuppressionWasApplied() {
    CountTable counts = table(new Integer[] {3, 20, 25}, new Integer[] {15, 22, 30});
    PublishedTable published = Suppression.primaryOnly(counts, 6).published();
    assertThat(published.cells().get(0).get(0)).isEqualTo(OptionalInt.empty());
    assertThat(DisclosureCheck.recoverable(published))
        .containsExactly(new RecoveredCount(at(0, 0), 3));
  }

  @Test
  void theCheckerIteratesAsAnAttackerWould() {
    // Row 0 gives (0,0) = 4; then column 0 has one unknown left and gives (1,0) = 2.
    PublishedTable published =
        new PublishedTable(
            List.of(
                List.of(OptionalInt.empty(), OptionalInt.of(10)),
                List.of(OptionalInt.empty(), OptionalInt.empty())),
            List.of(14, 9),
            List.of(6, 17));
    assertThat(DisclosureCheck.recoverable(published))
        .containsExactly(
            new RecoveredCount(at(0, 0), 4),
            new RecoveredCount(at(1, 0), 2),
            new RecoveredCount(at(1, 1), 7));
  }

  /** Two 2×2 blocks of small counts joined by one small cell in row 1, column 2. */
  private static CountTable linkedBlocks() {
    return table(
        new Integer[] {2, 3, 20, 30, 40},
        new Integer[] {4, 5, 1, 31, 41},
        new Integer[] {22, 23, 2, 3, 42},
        new Integer[] {24, 25, 4, 5, 43},
        new Integer[] {26, 27, 28, 33, 44});
  }

  @Test
  void theCheckerFindsACellLinkingTwoBlocksThatNoSingleLineGivesAway() {
    PublishedTable published = Suppression.primaryOnly(linkedBlocks(), 6).published();
    // Every row and column has 0 or at least 2 suppressed cells, yet rows 0–1 minus columns 0–1
    // leave exactly the linking cell.
    assertThat(peel(published)).isEmpty();
    assertThat(DisclosureCheck.recoverable(published))
        .containsExactly(new RecoveredCount(at(1, 2), 1));
  }

  @Test
  void linkedBlocksGetACellThatClosesALoopThroughTheLink() {
    Suppression suppression = Suppression.of(linkedBlocks());
    // Rows on the column side (2, 3) × columns on the row side (0, 1): the smallest is 22.
    assertThat(suppression.secondary()).containsExactly(at(2, 0));
    assertThat(DisclosureCheck.recoverable(suppression.published())).isEmpty();
  }

  @Test
  void onRandomTablesTheCheckerAgreesWithPeelingAndSuppressionLeavesNothingToRecover() {
    Random random = new Random(20260401L);
    for (int trial = 0; trial < 300; trial++) {
      int rows = 2 + random.nextInt(3);
      int columns = 2 + random.nextInt(3);
      Integer[][] cells = new Integer[rows][columns];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          cells[r][c] = random.nextInt(4) == 0 ? random.nextInt(6) : random.nextInt(16);
        }
      }
      CountTable counts = table(cells);

      PublishedTable primaryOnly = Suppression.primaryOnly(counts, 6).published();
      List<RecoveredCount> found = DisclosureCheck.recoverable(primaryOnly);
      for (RecoveredCount recovered : found) {
        assertThat(recovered.value())
            .as("trial %d", trial)
            .isEqualTo(counts.count(recovered.cell()));
      }
      assertThat(found).as("trial %d", trial).containsAll(peel(primaryOnly));

      Suppression suppression = Suppression.of(counts);
      PublishedTable published = suppression.published();
      assertThat(DisclosureCheck.recoverable(published))
          .as("trial %d: %s", trial, counts)
          .isEmpty();
      assertThat(uniquelyDetermined(published)).as("trial %d: %s", trial, counts).isEmpty();
      for (CellPosition cell : suppression.primary()) {
        assertThat(suppression.secondary()).doesNotContain(cell);
      }
    }
  }

  @Test
  void choosesTheSameCellsAsThePlainAlgorithmOnSmallAndSchoolSizedTables() {
    Random random = new Random(20261205L);
    for (int trial = 0; trial < 400; trial++) {
      // Small tables of every shape, and tables of a cluster's to an LA's schools × group values
      // with many small groups, as a pupil group's table of schools is.
      boolean large = trial % 4 == 0;
      int rows = large ? 20 + random.nextInt(280) : 1 + random.nextInt(6);
      int columns = 1 + random.nextInt(large ? 7 : 5);
      Integer[][] cells = new Integer[rows][columns];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          cells[r][c] = random.nextInt(3) == 0 ? random.nextInt(6) : random.nextInt(40);
        }
      }
      CountTable counts = table(cells);
      int threshold = 1 + random.nextInt(8);
      assertThat(Suppression.of(counts, threshold).secondary())
          .as("trial %d, threshold %d: %s", trial, threshold, counts)
          .containsExactlyInAnyOrderElementsOf(ReferenceSuppression.secondary(counts, threshold));
    }
  }

  @Test
  void aTableOfThousandsOfSchoolsIsProtected() {
    // A country's schools × a group's values: too many for the plain algorithm to finish.
    Random random = new Random(7L);
    Integer[][] cells = new Integer[16_000][3];
    for (Integer[] row : cells) {
      for (int c = 0; c < row.length; c++) {
        row[c] = random.nextInt(4) == 0 ? random.nextInt(6) : 6 + random.nextInt(30);
      }
    }
    Suppression suppression = Suppression.of(table(cells));
    assertThat(suppression.primary()).hasSizeGreaterThan(3_000);
    PublishedTable published = suppression.published();
    for (int r = 0; r < published.cells().size(); r++) {
      long hidden = published.cells().get(r).stream().filter(OptionalInt::isEmpty).count();
      assertThat(hidden).as("row %d", r).isNotEqualTo(1);
    }
    assertThat(
            SuppressedCellGraph.bridges(List.copyOf(suppressedCells(suppression)), 16_000, 3)
                .cardinality())
        .as("suppressed cells that lie on no cycle, so the totals give them away")
        .isZero();
  }

  private static Set<CellPosition> suppressedCells(Suppression suppression) {
    Set<CellPosition> all = new HashSet<>(suppression.primary());
    all.addAll(suppression.secondary());
    return all;
  }

  @Test
  void aSmallCountAmongZerosStaysDisclosedByItsTotalsAndTheCheckerSaysSo() {
    // Row 1 and column 1 total 0, so their suppressed cells are 0 and the 3 follows; only
    // suppressing the totals themselves (upstream) protects it.
    Suppression suppression = Suppression.of(table(new Integer[] {3, 0}, new Integer[] {0, 0}));
    assertThat(DisclosureCheck.recoverable(suppression.published()))
        .contains(new RecoveredCount(at(0, 0), 3));
  }

  @Test
  void badTablesAndThresholdsAreRejected() {
    assertThatThrownBy(() -> table(new Integer[] {1, 2}, new Integer[] {3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Row 1 of the count table has 1 cells, but row 0 has 2");
    assertThatThrownBy(() -> table(new Integer[] {1, -2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cell (0, 1) of the count table is -2, but counts cannot be negative");
    assertThatThrownBy(() -> Suppression.of(table(new Integer[] {1}), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The suppression threshold must be at least 1, but was 0");
  }

  /**
   * A second, simpler attacker: subtract shown cells from any line with one unknown, repeatedly.
   */
  private static List<RecoveredCount> peel(PublishedTable published) {
    Map<CellPosition, Integer> known = new HashMap<>();
    Set<CellPosition> unknown = new HashSet<>();
    for (int r = 0; r < published.rows(); r++) {
      for (int c = 0; c < published.columns(); c++) {
        OptionalInt shown = published.cells().get(r).get(c);
        if (shown.isPresent()) {
          known.put(at(r, c), shown.getAsInt());
        } else {
          unknown.add(at(r, c));
        }
      }
    }
    List<RecoveredCount> found = new ArrayList<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (CellPosition cell : List.copyOf(unknown)) {
        Integer value = null;
        if (unknown.stream().filter(u -> u.row() == cell.row()).count() == 1) {
          value = published.rowTotals().get(cell.row());
          for (int c = 0; c < published.columns(); c++) {
            value -= known.getOrDefault(at(cell.row(), c), 0);
          }
        } else if (unknown.stream().filter(u -> u.column() == cell.column()).count() == 1) {
          value = published.columnTotals().get(cell.column());
          for (int r = 0; r < published.rows(); r++) {
            value -= known.getOrDefault(at(r, cell.column()), 0);
          }
        }
        if (value != null) {
          unknown.remove(cell);
          known.put(cell, value);
          found.add(new RecoveredCount(cell, value));
          progress = true;
        }
      }
    }
    return found;
  }

  /**
   * A third, strongest attacker: the smallest and largest value each suppressed cell can take in
   * any non-negative filling that matches all totals, by linear programming; the constraints are
   * totally unimodular, so the LP bounds are the integer bounds, and a cell is determined when they
   * meet.
   */
  private static Set<CellPosition> uniquelyDetermined(PublishedTable published) {
    List<CellPosition> hidden = new ArrayList<>();
    double[] rowLeft = new double[published.rows()];
    double[] columnLeft = new double[published.columns()];
    for (int r = 0; r < published.rows(); r++) {
      rowLeft[r] = published.rowTotals().get(r);
    }
    for (int c = 0; c < published.columns(); c++) {
      columnLeft[c] = published.columnTotals().get(c);
    }
    for (int r = 0; r < published.rows(); r++) {
      for (int c = 0; c < published.columns(); c++) {
        OptionalInt shown = published.cells().get(r).get(c);
        if (shown.isPresent()) {
          rowLeft[r] -= shown.getAsInt();
          columnLeft[c] -= shown.getAsInt();
        } else {
          hidden.add(at(r, c));
        }
      }
    }
    List<LinearConstraint> constraints = new ArrayList<>();
    for (int r = 0; r < published.rows(); r++) {
      double[] row = new double[hidden.size()];
      for (int i = 0; i < hidden.size(); i++) {
        row[i] = hidden.get(i).row() == r ? 1 : 0;
      }
      constraints.add(new LinearConstraint(row, Relationship.EQ, rowLeft[r]));
    }
    for (int c = 0; c < published.columns(); c++) {
      double[] column = new double[hidden.size()];
      for (int i = 0; i < hidden.size(); i++) {
        column[i] = hidden.get(i).column() == c ? 1 : 0;
      }
      constraints.add(new LinearConstraint(column, Relationship.EQ, columnLeft[c]));
    }
    Set<CellPosition> determined = new HashSet<>();
    for (int i = 0; i < hidden.size(); i++) {
      double[] objective = new double[hidden.size()];
      objective[i] = 1;
      double low = bound(objective, constraints, GoalType.MINIMIZE);
      double high = bound(objective, constraints, GoalType.MAXIMIZE);
      if (high - low < 0.5) {
        determined.add(hidden.get(i));
      }
    }
    return determined;
  }

  private static double bound(
      double[] objective, List<LinearConstraint> constraints, GoalType goal) {
    return new SimplexSolver()
        .optimize(
            new LinearObjectiveFunction(objective, 0),
            new LinearConstraintSet(constraints),
            goal,
            new NonNegativeConstraint(true))
        .getValue();
  }
}
