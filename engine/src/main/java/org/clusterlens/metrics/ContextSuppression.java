package org.clusterlens.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterlens.model.Figure;
import org.clusterlens.stats.SmallNumberRules;

/**
 * Small-number suppression of the context figures, which publish counts: pupils on the return, and
 * for each of FSM, disadvantaged, SEN and EAL the pupils with it (the figure's numerator) and so,
 * by subtraction from the pupils, those without it; for stability the stable pupils, those known to
 * be mobile and, from the pupils, those whose joining date is unknown.
 *
 * <p>Per term and characteristic the schools form a table (schools × with / without, or stable /
 * mobile / unknown) whose rows add to the school's pupils and whose columns add to the cluster's
 * figure; it gets the same primary and secondary suppression as the attainment tables, and a
 * school's figure is withheld when any of its cells is. A school with 1 to 5 pupils on its return
 * has every context figure withheld, and so does the next smallest school, so the cluster's total
 * cannot give it back. The cluster's own figure is withheld when one of its counts is 1 to 5.
 */
final class ContextSuppression {

  private static final Set<String> CHARACTERISTICS =
      Set.of(
          Measures.CONTEXT_PCT_FSM,
          Measures.CONTEXT_PCT_DISADVANTAGED,
          Measures.CONTEXT_PCT_SEN,
          Measures.CONTEXT_PCT_EAL,
          Measures.CONTEXT_PCT_STABLE);

  /** What every context measure's name begins with. */
  private static final String CONTEXT_MEASURE = "context_";

  private ContextSuppression() {}

  /** The context figures to withhold, as {@link #key} values; never null. */
  static Set<String> hidden(List<Figure> figures, SmallNumberRules rules) {
    Map<String, Long> pupils = new LinkedHashMap<>();
    for (Figure f : figures) {
      if (f.measure().equals(Measures.CONTEXT_PUPILS)) {
        pupils.put(term(f) + "|" + f.school(), f.denominator());
      }
    }
    Map<String, Map<String, Map<String, Long>>> tables = new LinkedHashMap<>();
    Set<String> hidden = new HashSet<>();
    for (Figure f : figures) {
      if (!f.measure().startsWith(CONTEXT_MEASURE)
          || !CHARACTERISTICS.contains(f.measure())
          || !f.hasDenominator()) {
        continue;
      }
      long all = pupils.getOrDefault(term(f) + "|" + f.school(), f.denominator());
      long with = Math.round(f.numerator());
      Map<String, Long> cells = new LinkedHashMap<>();
      cells.put("with", with);
      cells.put("without", f.denominator() - with);
      // The pupils whose value is not known follow by subtraction from the pupils on the return.
      if (f.measure().equals(Measures.CONTEXT_PCT_STABLE) || all > f.denominator()) {
        cells.put("unknown", all - f.denominator());
      }
      if (f.school().equals(Figure.CLUSTER)) {
        if (cells.values().stream().anyMatch(rules::mustSuppress)) {
          hidden.add(key(f.measure(), f));
        }
      } else {
        tables
            .computeIfAbsent(f.measure() + "|" + term(f), k -> new LinkedHashMap<>())
            .put(f.school(), cells);
      }
    }
    tables.forEach(
        (table, rows) -> {
          for (String cell : Screening.suppressedCells(table, rows, rules)) {
            // table|school|value: the school's figure goes.
            String school = cell.substring(table.length() + 1, cell.lastIndexOf('|'));
            hidden.add(table + "|" + school);
          }
        });
    hideSmallSchools(figures, pupils, rules, hidden);
    return hidden;
  }

  /** Every context figure of a school with 1 to 5 pupils, and of the next smallest with it. */
  private static void hideSmallSchools(
      List<Figure> figures, Map<String, Long> pupils, SmallNumberRules rules, Set<String> hidden) {
    Map<String, List<Map.Entry<String, Long>>> byTerm = new LinkedHashMap<>();
    pupils.forEach(
        (termSchool, n) -> {
          int cut = termSchool.lastIndexOf('|');
          String school = termSchool.substring(cut + 1);
          if (!school.equals(Figure.CLUSTER)) {
            byTerm
                .computeIfAbsent(termSchool.substring(0, cut), k -> new ArrayList<>())
                .add(Map.entry(school, n));
          }
        });
    Set<String> small = new HashSet<>();
    byTerm.forEach(
        (term, schools) -> {
          List<Map.Entry<String, Long>> tiny =
              schools.stream().filter(e -> rules.mustSuppress(e.getValue())).toList();
          tiny.forEach(e -> small.add(term + "|" + e.getKey()));
          if (tiny.size() == 1) {
            schools.stream()
                .filter(e -> !rules.mustSuppress(e.getValue()))
                .min(
                    Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey()))
                .ifPresent(e -> small.add(term + "|" + e.getKey()));
          }
        });
    for (Figure f : figures) {
      if (f.assessment().equals(Measures.CONTEXT) && small.contains(term(f) + "|" + f.school())) {
        hidden.add(key(f.measure(), f));
      }
    }
  }

  /** The label a withheld context figure is known by. */
  static String key(String measure, Figure f) {
    return measure + "|" + term(f) + "|" + f.school();
  }

  private static String term(Figure f) {
    return f.academicYear() + "|" + f.term();
  }
}
