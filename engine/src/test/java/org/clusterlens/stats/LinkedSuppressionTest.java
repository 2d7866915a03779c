package org.clusterlens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

class LinkedSuppressionTest {

  private static CountTable table(int[]... rows) {
    List<List<Integer>> counts = new ArrayList<>();
    for (int[] row : rows) {
      List<Integer> cells = new ArrayList<>();
      for (int c : row) {
        cells.add(c);
      }
      counts.add(cells);
    }
    return new CountTable(counts);
  }

  private static CellPosition at(int row, int column) {
    return new CellPosition(row, column);
  }

  @Test
  void theWholesRowIsProtectedAgainstItsGroups() {
    // SEN N, K, E of three schools and the cluster (last row): the cluster's 4 EHC-plan pupils.
    CountTable sen =
        table(
            new int[] {60, 8, 2},
            new int[] {65, 7, 1},
            new int[] {50, 7, 1},
            new int[] {175, 22, 4});
    LinkedSuppression suppression =
        LinkedSuppression.of(new LinkedCounts(List.of(70, 73, 58, 201), List.of(sen)), 6);

    assertThat(suppression.isSuppressed(0, at(3, 2))).isTrue();
    // Its row's smallest other group goes with it, not the cluster's headline.
    assertThat(suppression.isSuppressed(0, at(3, 1))).isTrue();
    assertThat(suppression.isTotalSuppressed(3)).isFalse();
    assertThat(determined(sen, List.of(70, 73, 58, 201), suppression)).isEmpty();
  }

  @Test
  void aSmallTotalIsWithheldInEverySplitAndProtectedInEach() {
    CountTable sen =
        table(
            new int[] {2, 1, 0}, new int[] {12, 5, 3}, new int[] {20, 7, 3}, new int[] {34, 13, 6});
    CountTable gender =
        table(new int[] {3, 0}, new int[] {9, 11}, new int[] {16, 14}, new int[] {28, 25});
    List<Integer> totals = List.of(3, 20, 30, 53);
    LinkedSuppression suppression =
        LinkedSuppression.of(new LinkedCounts(totals, List.of(sen, gender)), 6);

    assertThat(suppression.isTotalSuppressed(0)).isTrue();
    assertThat(suppression.isTotalSuppressed(3)).isFalse();
    assertThat(suppression.isSuppressed(1, at(0, 0))).isTrue();
    assertThat(determined(List.of(sen, gender), totals, suppression)).isEmpty();
  }

  @Test
  void onRandomLinkedTablesNoWithheldCountIsPinnedByTheLinearSystem() {
    Random random = new Random(20261207L);
    for (int trial = 0; trial < 150; trial++) {
      int schools = 2 + random.nextInt(4);
      int splits = 1 + random.nextInt(3);
      int[] totals = new int[schools + 1];
      for (int s = 0; s < schools; s++) {
        totals[s] = random.nextInt(4) == 0 ? 1 + random.nextInt(8) : 6 + random.nextInt(30);
        totals[schools] += totals[s];
      }
      List<CountTable> tables = new ArrayList<>();
      for (int k = 0; k < splits; k++) {
        int values = 2 + random.nextInt(3);
        boolean unknown = random.nextInt(3) == 0;
        int[][] cells = new int[schools + 1][values];
        for (int s = 0; s < schools; s++) {
          for (int pupil = 0; pupil < totals[s]; pupil++) {
            if (unknown && random.nextInt(8) == 0) {
              continue;
            }
            // Skewed, so small groups are common.
            int v = random.nextInt(3) == 0 ? random.nextInt(values) : 0;
            cells[s][v]++;
            cells[schools][v]++;
          }
        }
        tables.add(table(cells));
      }
      List<Integer> totalList = new ArrayList<>();
      for (int t : totals) {
        totalList.add(t);
      }
      LinkedSuppression suppression = LinkedSuppression.of(new LinkedCounts(totalList, tables), 6);

      assertThat(determined(tables, totalList, suppression))
          .as("trial %d: totals %s, splits %s", trial, totalList, tables)
          .isEmpty();
    }
  }

  @Test
  void badCountsAreRejected() {
    assertThatThrownBy(
            () ->
                new LinkedCounts(List.of(3, 3), List.of(table(new int[] {2, 2}, new int[] {2, 1}))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Row 0 of split 0 adds to 4, more than the row's total 3");
    assertThatThrownBy(
            () ->
                LinkedSuppression.of(
                    new LinkedCounts(List.of(3), List.of(table(new int[] {3}))), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The suppression threshold must be at least 1, but was 0");
  }

  private static List<String> determined(
      CountTable split, List<Integer> totals, LinkedSuppression suppression) {
    return determined(List.of(split), totals, suppression);
  }

  /**
   * The strongest reader: for every withheld count (and every group's unknown pupils when 1 to 5),
   * the least and most it can be in any non-negative filling that matches every published count and
   * every sum, by linear programming; those whose least and most meet.
   */
  private static List<String> determined(
      List<CountTable> splits, List<Integer> totals, LinkedSuppression suppression) {
    int rows = totals.size();
    List<String> names = new ArrayList<>();
    List<Integer> truth = new ArrayList<>();
    List<Boolean> guarded = new ArrayList<>();
    // Variable index per total and per split cell (−1 when published).
    int[] totalVar = new int[rows];
    for (int r = 0; r < rows; r++) {
      totalVar[r] = -1;
      if (suppression.isTotalSuppressed(r)) {
        totalVar[r] = names.size();
        names.add("total " + r);
        truth.add(totals.get(r));
        guarded.add(true);
      }
    }
    List<int[][]> cellVar = new ArrayList<>();
    List<int[]> unknownVar = new ArrayList<>();
    for (int k = 0; k < splits.size(); k++) {
      CountTable split = splits.get(k);
      int[][] vars = new int[rows][split.columns()];
      int[] unknown = new int[rows];
      boolean hasUnknown = false;
      for (int r = 0; r < rows; r++) {
        hasUnknown |= split.rowTotal(r) < totals.get(r);
      }
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < split.columns(); c++) {
          vars[r][c] = -1;
          if (suppression.isSuppressed(k, at(r, c))) {
            vars[r][c] = names.size();
            names.add("split " + k + " " + at(r, c));
            truth.add(split.count(at(r, c)));
            guarded.add(true);
          }
        }
        unknown[r] = -1;
        if (hasUnknown) {
          int u = totals.get(r) - split.rowTotal(r);
          unknown[r] = names.size();
          names.add("split " + k + " unknown " + r);
          truth.add(u);
          guarded.add(u >= 1 && u < 6);
        }
      }
      cellVar.add(vars);
      unknownVar.add(unknown);
    }
    int n = names.size();
    List<LinearConstraint> constraints = new ArrayList<>();
    // Each equation: coefficients over the withheld counts = minus the published part.
    double[] line = new double[n];
    double rest = 0;
    for (int r = 0; r < rows; r++) {
      double sign = r == rows - 1 ? -1 : 1;
      if (totalVar[r] >= 0) {
        line[totalVar[r]] += sign;
      } else {
        rest -= sign * totals.get(r);
      }
    }
    constraints.add(new LinearConstraint(line, Relationship.EQ, rest));
    for (int k = 0; k < splits.size(); k++) {
      CountTable split = splits.get(k);
      int[][] vars = cellVar.get(k);
      int[] unknown = unknownVar.get(k);
      for (int r = 0; r < rows; r++) {
        double[] row = new double[n];
        double rowRest = 0;
        for (int c = 0; c < split.columns(); c++) {
          if (vars[r][c] >= 0) {
            row[vars[r][c]] += 1;
          } else {
            rowRest -= split.count(at(r, c));
          }
        }
        if (unknown[r] >= 0) {
          row[unknown[r]] += 1;
        }
        if (totalVar[r] >= 0) {
          row[totalVar[r]] -= 1;
        } else {
          rowRest += totals.get(r);
        }
        constraints.add(new LinearConstraint(row, Relationship.EQ, rowRest));
      }
      int columns = split.columns() + (unknown[0] >= 0 ? 1 : 0);
      for (int c = 0; c < columns; c++) {
        double[] column = new double[n];
        double columnRest = 0;
        for (int r = 0; r < rows; r++) {
          double sign = r == rows - 1 ? -1 : 1;
          int v = c < split.columns() ? vars[r][c] : unknown[r];
          if (v >= 0) {
            column[v] += sign;
          } else {
            columnRest -= sign * split.count(at(r, c));
          }
        }
        constraints.add(new LinearConstraint(column, Relationship.EQ, columnRest));
      }
    }
    List<String> pinned = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!guarded.get(i)) {
        continue;
      }
      double[] objective = new double[n];
      objective[i] = 1;
      double low = bound(objective, constraints, GoalType.MINIMIZE);
      double high = bound(objective, constraints, GoalType.MAXIMIZE);
      if (high - low < 0.5) {
        pinned.add(names.get(i) + " = " + truth.get(i));
      }
    }
    return pinned;
  }

  /** The least or most; infinite when the sums leave the count free to grow without end. */
  private static double bound(
      double[] objective, List<LinearConstraint> constraints, GoalType goal) {
    try {
      return new SimplexSolver()
          .optimize(
              new LinearObjectiveFunction(objective, 0),
              new LinearConstraintSet(constraints),
              goal,
              new NonNegativeConstraint(true))
          .getValue();
    } catch (UnboundedSolutionException e) {
      return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
  }
}
