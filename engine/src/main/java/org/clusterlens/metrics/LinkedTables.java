package org.clusterlens.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.clusterlens.model.Figure;
import org.clusterlens.model.FigureKey;
import org.clusterlens.stats.CellPosition;
import org.clusterlens.stats.CountTable;
import org.clusterlens.stats.LinkedCounts;
import org.clusterlens.stats.LinkedSuppression;
import org.clusterlens.stats.SmallNumberRules;

/**
 * The linked tables a reader of the figures can add and subtract: per suppression table (see {@code
 * Screening}), assessment, scheme, year, term and subject, every school's and the cluster's pupils,
 * split by each pupil group's values. A school's values add to its all-pupil figure (less its
 * pupils whose value is unknown), the schools' to the cluster's, and every group shares the
 * all-pupil figures, so the whole is suppressed at once ({@link LinkedSuppression}).
 */
final class LinkedTables {

  private LinkedTables() {}

  /**
   * The withheld cells, as the labels of a cell of each table: the table's name in place of the
   * measure, then the assessment, scheme, subject, school, group, value, year and term; never null.
   */
  static Set<FigureKey> hidden(List<Figure> figures, SmallNumberRules rules) {
    // table and labels → group → school → value → pupils
    Map<FigureKey, Map<String, Map<String, Map<String, Long>>>> systems = new LinkedHashMap<>();
    for (Figure f : figures) {
      for (String table : Screening.tablesCounting(f)) {
        systems
            .computeIfAbsent(linkKey(f, table), k -> new LinkedHashMap<>())
            .computeIfAbsent(f.group(), k -> new LinkedHashMap<>())
            .computeIfAbsent(f.school(), k -> new LinkedHashMap<>())
            .put(f.groupValue(), f.denominator());
      }
    }
    Set<FigureKey> hidden = new HashSet<>();
    systems.forEach((key, groups) -> hidden.addAll(hiddenIn(key, groups, rules)));
    return hidden;
  }

  private static Set<FigureKey> hiddenIn(
      FigureKey key, Map<String, Map<String, Map<String, Long>>> groups, SmallNumberRules rules) {
    Set<String> named = new LinkedHashSet<>();
    groups.values().forEach(bySchool -> named.addAll(bySchool.keySet()));
    named.remove(Figure.CLUSTER);
    List<String> schools = new ArrayList<>(named);
    schools.add(Figure.CLUSTER);
    int rows = schools.size();
    Map<String, Map<String, Long>> all = groups.getOrDefault(Figure.ALL, Map.of());
    List<String> splitGroups = new ArrayList<>();
    List<List<String>> splitValues = new ArrayList<>();
    List<CountTable> splits = new ArrayList<>();
    long[] totals = new long[rows];
    for (int r = 0; r < rows; r++) {
      totals[r] = all.getOrDefault(schools.get(r), Map.of()).getOrDefault(Figure.ALL, -1L);
    }
    for (Map.Entry<String, Map<String, Map<String, Long>>> group : groups.entrySet()) {
      if (group.getKey().equals(Figure.ALL)) {
        continue;
      }
      Set<String> valueSet = new TreeSet<>();
      group.getValue().values().forEach(v -> valueSet.addAll(v.keySet()));
      List<String> values = new ArrayList<>(valueSet);
      List<List<Integer>> counts = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        Map<String, Long> row = group.getValue().getOrDefault(schools.get(r), Map.of());
        List<Integer> cells = new ArrayList<>();
        for (String value : values) {
          cells.add(Math.toIntExact(row.getOrDefault(value, 0L)));
        }
        counts.add(cells);
      }
      fillClusterRow(counts, group.getValue().containsKey(Figure.CLUSTER));
      splitGroups.add(group.getKey());
      splitValues.add(values);
      splits.add(new CountTable(counts));
    }
    // A row without an all-pupil figure (or a cluster row missing) takes the most any group
    // counts in it, so its values still add up.
    List<Integer> rowTotals = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      long total = totals[r];
      if (total < 0 && r == rows - 1) {
        total = 0;
        for (int s = 0; s < rows - 1; s++) {
          total += rowTotals.get(s);
        }
      }
      for (CountTable split : splits) {
        total = Math.max(total, split.rowTotal(r));
      }
      rowTotals.add(Math.toIntExact(Math.max(total, 0)));
    }
    LinkedSuppression suppression =
        LinkedSuppression.of(new LinkedCounts(rowTotals, splits), rules.suppressionThreshold());
    Set<FigureKey> hidden = new HashSet<>();
    for (int r = 0; r < rows; r++) {
      if (suppression.isTotalSuppressed(r)) {
        hidden.add(key.cell(Figure.ALL, schools.get(r), Figure.ALL));
      }
      for (int k = 0; k < splits.size(); k++) {
        for (int c = 0; c < splitValues.get(k).size(); c++) {
          if (suppression.isSuppressed(k, new CellPosition(r, c))) {
            hidden.add(key.cell(splitGroups.get(k), schools.get(r), splitValues.get(k).get(c)));
          }
        }
      }
    }
    return hidden;
  }

  /** A cluster row with no figures of its own holds the schools' sums. */
  private static void fillClusterRow(List<List<Integer>> counts, boolean clusterHasFigures) {
    if (clusterHasFigures) {
      return;
    }
    List<Integer> cluster = counts.get(counts.size() - 1);
    for (int c = 0; c < cluster.size(); c++) {
      int sum = 0;
      for (int r = 0; r < counts.size() - 1; r++) {
        sum += counts.get(r).get(c);
      }
      cluster.set(c, sum);
    }
  }

  /**
   * The labels one linked system shares: the table's name in place of the measure, and all of a
   * table's labels but the school, the group and its value (left empty).
   */
  private static FigureKey linkKey(Figure f, String table) {
    return new FigureKey(
        table, f.assessment(), f.scheme(), f.subject(), "", "", "", f.academicYear(), f.term());
  }
}
