package org.clusterlens.metrics;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.clusterlens.model.Figure;
import org.clusterlens.testing.MetricsCsvRows;

/**
 * Plays the reader who tries to get withheld counts back from published figures (in memory, or the
 * rows of {@code metrics.csv}), using every additive relation the figures carry: within one
 * measure, assessment, scheme, year, term and subject, a school's group values add to its all-pupil
 * figure (less its pupils whose value is unknown, for the groups that have such pupils), the
 * schools' figures add to the cluster's, and every group shares the all-pupil figures. For each of
 * the pupils, the numerator (pupils reaching, or points) and the pupils not reaching, it solves the
 * linear system of published counts exactly (Gauss–Jordan elimination over the withheld counts) and
 * uses what any reader knows of the bounds: a withheld figure has at least one pupil, and no count
 * is negative, so an equation whose withheld counts all add in and add to exactly their least
 * possible sum pins each of them. It repeats until nothing new is learnt.
 *
 * <p>It reports every withheld figure's count that is pinned, and the pupils whose value is unknown
 * when they are pinned at 1 to 5 (a group never published, whose results would follow).
 */
public final class PublishedFiguresAuditor {

  /** Groups in which a pupil's value can be unknown (no KS1 result, joining date, ethnicity). */
  private static final Set<String> MAY_BE_UNKNOWN =
      Set.of(Measures.PRIOR_ATTAINMENT, Measures.MOBILITY, Measures.ETHNICITY);

  private static final String UNKNOWN = "(unknown)";

  /** The fewest pupils a published group may have. */
  private static final int THRESHOLD = 6;

  private PublishedFiguresAuditor() {}

  /**
   * A withheld count a reader can pin.
   *
   * @param cell measure, assessment, scheme, year, term, subject, school, group and value
   * @param quantity {@code pupils}, {@code numerator} or {@code not reaching}
   * @param value the value the reader finds
   */
  public record Recovered(String cell, String quantity, double value) {
    @Override
    public String toString() {
      return cell + ": " + quantity + " = " + value;
    }
  }

  /** The measures whose numerator and denominator add up across groups and schools. */
  static boolean isAudited(String measure) {
    return (measure.startsWith("pct_") && !measure.startsWith("pct_change"))
        || measure.equals(Measures.AVERAGE_POINTS)
        || measure.equals(Measures.AVERAGE_SCALED_SCORE)
        || measure.startsWith("progress_points_")
        || measure.equals(Measures.VALUE_ADDED)
        || measure.equals(Measures.VALUE_ADDED_NATIONAL);
  }

  /** Every withheld count a reader can pin; empty when none. */
  public static List<Recovered> audit(List<Figure> figures) {
    Map<String, List<Figure>> systems = new LinkedHashMap<>();
    // Published counts of pupils whose value is not known (pupils_not_known), by assessment,
    // scheme, year, term and subject, then group and school: the unknown pupils of the attainment
    // shares' groups, which a reader then knows (or, withheld, must not work out).
    Map<String, Map<String, Map<String, Figure>>> notKnown = new LinkedHashMap<>();
    for (Figure f : figures) {
      if (f.measure().equals(Measures.PUPILS_NOT_KNOWN)) {
        notKnown
            .computeIfAbsent(labelsOf(f), k -> new LinkedHashMap<>())
            .computeIfAbsent(f.group(), k -> new LinkedHashMap<>())
            .put(f.school(), f);
      }
    }
    for (Figure f : figures) {
      if (isAudited(f.measure())) {
        String key =
            String.join(
                "|",
                f.measure(),
                f.assessment(),
                String.valueOf(f.scheme()),
                f.academicYear(),
                f.term(),
                f.subject());
        systems.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
      }
    }
    List<Recovered> found = new ArrayList<>();
    systems.forEach(
        (key, members) -> {
          Figure any = members.get(0);
          Map<String, Map<String, Figure>> unknownCounts =
              ATTAINMENT_SHARES.contains(any.measure())
                  ? notKnown.getOrDefault(labelsOf(any), Map.of())
                  : Map.of();
          found.addAll(new LinkedSystem(key, members, unknownCounts).recover());
        });
    return found;
  }

  /** The shares whose pupils are those {@code pupils_not_known} counts: a counted grade. */
  private static final Set<String> ATTAINMENT_SHARES =
      Set.of(
          Measures.PCT_LEVEL4_PLUS,
          Measures.PCT_LEVEL5_PLUS,
          Measures.PCT_EXPECTED_PLUS,
          Measures.PCT_HIGHER_PLUS);

  private static String labelsOf(Figure f) {
    return String.join(
        "|", f.assessment(), String.valueOf(f.scheme()), f.academicYear(), f.term(), f.subject());
  }

  /** The figures of a {@code metrics.csv}, withheld ones without their numbers. */
  public static List<Figure> readMetricsCsv(Reader csv) throws IOException {
    List<Figure> figures = new ArrayList<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    for (CSVRecord r : format.parse(csv)) {
      boolean suppressed = Boolean.parseBoolean(r.get("suppressed"));
      Figure f = MetricsCsvRows.figure(r);
      figures.add(suppressed ? f.asSuppressed() : f);
    }
    return figures;
  }

  /** One measure's figures for one assessment, scheme, year, term and subject. */
  private static final class LinkedSystem {
    private final String key;
    private final boolean share;
    private final boolean nonNegative;
    private final List<String> labels = new ArrayList<>();
    private final List<Boolean> withheld = new ArrayList<>();
    private final List<Boolean> unknownPupils = new ArrayList<>();
    private final List<double[]> published = new ArrayList<>(); // pupils, numerator, or null
    private final List<int[]> equations = new ArrayList<>(); // variable indices
    private final List<int[]> signs = new ArrayList<>();

    LinkedSystem(
        String key, List<Figure> figures, Map<String, Map<String, Figure>> notKnownCounts) {
      this.key = key;
      String measure = key.substring(0, key.indexOf('|'));
      share = measure.startsWith("pct_");
      nonNegative =
          share
              || measure.equals(Measures.AVERAGE_POINTS)
              || measure.equals(Measures.AVERAGE_SCALED_SCORE);
      Map<String, Map<String, Map<String, Figure>>> byGroup = new LinkedHashMap<>();
      Set<String> schools = new LinkedHashSet<>();
      for (Figure f : figures) {
        byGroup
            .computeIfAbsent(f.group(), k -> new LinkedHashMap<>())
            .computeIfAbsent(f.school(), k -> new LinkedHashMap<>())
            .put(f.groupValue(), f);
        if (!f.school().equals(Figure.CLUSTER)) {
          schools.add(f.school());
        }
      }
      List<String> rows = new ArrayList<>(schools);
      rows.add(Figure.CLUSTER);
      Map<String, Figure> allRow = new LinkedHashMap<>();
      byGroup
          .getOrDefault(Figure.ALL, Map.of())
          .forEach((school, values) -> allRow.put(school, values.get(Figure.ALL)));
      int[] total = new int[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        total[r] = variable(rows.get(r) + " all", allRow.get(rows.get(r)), false);
      }
      equation(total, -1);
      for (Map.Entry<String, Map<String, Map<String, Figure>>> group : byGroup.entrySet()) {
        if (group.getKey().equals(Figure.ALL)) {
          continue;
        }
        Set<String> values = new TreeSet<>();
        group.getValue().values().forEach(v -> values.addAll(v.keySet()));
        List<String> columns = new ArrayList<>(values);
        Map<String, Figure> notKnown = notKnownCounts.get(group.getKey());
        boolean unknown =
            MAY_BE_UNKNOWN.contains(group.getKey())
                || notKnown != null
                || showsUnknown(group.getValue(), allRow);
        if (unknown) {
          columns.add(UNKNOWN);
        }
        int[][] cell = new int[rows.size()][columns.size()];
        for (int r = 0; r < rows.size(); r++) {
          Map<String, Figure> row = group.getValue().getOrDefault(rows.get(r), Map.of());
          for (int c = 0; c < columns.size(); c++) {
            String label = rows.get(r) + " " + group.getKey() + "=" + columns.get(c);
            if (columns.get(c).equals(UNKNOWN) && notKnown != null) {
              // Published (or withheld) like a value: its pupils, but not how many reached.
              Figure count = notKnown.get(rows.get(r));
              cell[r][c] = count == null ? zero(label) : variable(label, count, false);
            } else if (columns.get(c).equals(UNKNOWN)) {
              cell[r][c] = unknownVariable(label);
            } else {
              Figure f = row.get(columns.get(c));
              // No figure: no pupils in that group, as a reader sees from its absence.
              cell[r][c] = f == null ? zero(label) : variable(label, f, false);
            }
          }
          int[] line = Arrays.copyOf(cell[r], columns.size() + 1);
          line[columns.size()] = total[r];
          equation(line, -1);
        }
        for (int c = 0; c < columns.size(); c++) {
          int[] line = new int[rows.size()];
          for (int r = 0; r < rows.size(); r++) {
            line[r] = cell[r][c];
          }
          equation(line, -1);
        }
      }
    }

    /** Whether a fully published school shows pupils missing from the group's values. */
    private static boolean showsUnknown(
        Map<String, Map<String, Figure>> group, Map<String, Figure> allRow) {
      for (Map.Entry<String, Map<String, Figure>> row : group.entrySet()) {
        Figure all = allRow.get(row.getKey());
        if (all == null || all.suppressed() || all.denominator() == null) {
          continue;
        }
        long sum = 0;
        boolean complete = true;
        for (Figure f : row.getValue().values()) {
          complete &= !f.suppressed() && f.denominator() != null;
          sum += f.denominator() == null ? 0 : f.denominator();
        }
        if (complete && sum != all.denominator()) {
          return true;
        }
      }
      return false;
    }

    /** Adds an equation: the line's variables add up, the last one with the given sign. */
    private void equation(int[] vars, int lastSign) {
      int[] sign = new int[vars.length];
      Arrays.fill(sign, 1);
      sign[vars.length - 1] = lastSign;
      equations.add(vars);
      signs.add(sign);
    }

    private int variable(String label, Figure f, boolean unknown) {
      labels.add(label);
      boolean hidden = f == null || f.suppressed() || f.denominator() == null;
      withheld.add(f != null && hidden);
      unknownPupils.add(unknown || f == null);
      published.add(
          hidden
              ? null
              : new double[] {f.denominator(), f.numerator() == null ? Double.NaN : f.numerator()});
      return labels.size() - 1;
    }

    private int unknownVariable(String label) {
      return variable(label, null, true);
    }

    private int zero(String label) {
      labels.add(label);
      withheld.add(false);
      unknownPupils.add(false);
      published.add(new double[] {0, 0});
      return labels.size() - 1;
    }

    List<Recovered> recover() {
      List<Recovered> found = new ArrayList<>();
      int n = labels.size();
      Double[] pupils = solve(q -> q[0], 1, null);
      Double[] numerator = solve(q -> q[1], 2, pupils);
      Double[] notReaching = share ? solve(q -> q[0] - q[1], 3, pupils) : new Double[n];
      for (int v = 0; v < n; v++) {
        if (published.get(v) != null) {
          continue;
        }
        boolean report =
            withheld.get(v) || (pupils[v] != null && pupils[v] >= 0.5 && pupils[v] < 5.5);
        if (!report) {
          continue;
        }
        String cell = key + " " + labels.get(v);
        if (pupils[v] != null) {
          found.add(new Recovered(cell, "pupils", pupils[v]));
        }
        if (numerator[v] != null) {
          found.add(new Recovered(cell, "numerator", numerator[v]));
        }
        if (notReaching[v] != null) {
          found.add(new Recovered(cell, "not reaching", notReaching[v]));
        }
      }
      return found;
    }

    private interface Quantity {
      double of(double[] pupilsAndNumerator);
    }

    /**
     * What a reader learns of one quantity: the published values, and every withheld one pinned by
     * the equations and bounds; null where not pinned. Kind 1 is pupils (a withheld figure has at
     * least 1), 2 the numerator, 3 the pupils not reaching.
     */
    private Double[] solve(Quantity quantity, int kind, Double[] pupils) {
      int n = labels.size();
      Double[] known = new Double[n];
      for (int v = 0; v < n; v++) {
        if (published.get(v) != null) {
          double q = quantity.of(published.get(v));
          known[v] = Double.isNaN(q) ? null : q;
        }
      }
      boolean bounded = kind == 1 || nonNegative;
      boolean learnt = true;
      while (learnt) {
        learnt = eliminate(known);
        if (bounded) {
          learnt |= pinAtLeastSums(known, kind, pupils);
        }
      }
      return known;
    }

    /** Gauss–Jordan elimination over the unknown values; learns every determined one. */
    private boolean eliminate(Double[] known) {
      List<Integer> unknown = new ArrayList<>();
      int[] column = new int[labels.size()];
      Arrays.fill(column, -1);
      for (int v = 0; v < labels.size(); v++) {
        if (known[v] == null) {
          column[v] = unknown.size();
          unknown.add(v);
        }
      }
      int u = unknown.size();
      if (u == 0) {
        return false;
      }
      List<double[]> rows = new ArrayList<>();
      for (int e = 0; e < equations.size(); e++) {
        double[] row = new double[u + 1];
        boolean any = false;
        for (int i = 0; i < equations.get(e).length; i++) {
          int v = equations.get(e)[i];
          int s = signs.get(e)[i];
          if (known[v] == null) {
            row[column[v]] += s;
            any = true;
          } else {
            row[u] -= s * known[v];
          }
        }
        if (any) {
          rows.add(row);
        }
      }
      double[][] m = rows.toArray(new double[0][]);
      int[] pivotRow = new int[u];
      Arrays.fill(pivotRow, -1);
      int rank = 0;
      for (int c = 0; c < u && rank < m.length; c++) {
        int pivot = -1;
        for (int r = rank; r < m.length; r++) {
          if (Math.abs(m[r][c]) > 1e-9
              && (pivot < 0 || Math.abs(m[r][c]) > Math.abs(m[pivot][c]))) {
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
        for (int j = 0; j <= u; j++) {
          m[rank][j] /= lead;
        }
        for (int r = 0; r < m.length; r++) {
          if (r != rank && Math.abs(m[r][c]) > 1e-12) {
            double factor = m[r][c];
            for (int j = 0; j <= u; j++) {
              m[r][j] -= factor * m[rank][j];
            }
          }
        }
        pivotRow[c] = rank++;
      }
      boolean learnt = false;
      for (int c = 0; c < u; c++) {
        if (pivotRow[c] < 0) {
          continue;
        }
        double[] row = m[pivotRow[c]];
        boolean alone = true;
        for (int j = 0; j < u && alone; j++) {
          alone = j == c || Math.abs(row[j]) < 1e-9;
        }
        if (alone) {
          known[unknown.get(c)] = (double) Math.round(row[u] * 1e6) / 1e6;
          learnt = true;
        }
      }
      return learnt;
    }

    /**
     * Whether the withheld groups of the equation together have at least {@value #THRESHOLD}
     * pupils, as a reader can tell: then "none (or all) of them reached" is what a published figure
     * of that many pupils may say.
     */
    private static boolean publishableTogether(
        int[] vars, int[] sign, List<Integer> open, int firstSign, Double[] pupils) {
      double together = 0;
      for (int i = 0; i < vars.length; i++) {
        if (!open.contains(vars[i])) {
          if (pupils[vars[i]] == null) {
            return false;
          }
          together -= sign[i] * pupils[vars[i]];
        }
      }
      return together * firstSign >= THRESHOLD - 1e-9;
    }

    /**
     * Whether every published value in the equation is 0: then its withheld numerators (or pupils
     * not reaching) are 0 because a published figure says none (or all) of its group reached, as "0
     * of 7" does; that is published on purpose, not worked out from withheld counts.
     */
    private static boolean readOffAPublishedNone(int[] vars, Double[] known) {
      for (int v : vars) {
        if (known[v] != null && Math.abs(known[v]) > 1e-9) {
          return false;
        }
      }
      return true;
    }

    /**
     * An equation whose unknown values all add in with one sign, and whose rest leaves them exactly
     * their least possible sum (1 for each withheld figure's pupils, else 0), pins each at its
     * least.
     */
    private boolean pinAtLeastSums(Double[] known, int kind, Double[] pupils) {
      boolean learnt = false;
      for (int e = 0; e < equations.size(); e++) {
        int[] vars = equations.get(e);
        int[] sign = signs.get(e);
        double rest = 0;
        int firstSign = 0;
        boolean oneSign = true;
        double least = 0;
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < vars.length; i++) {
          if (known[vars[i]] == null) {
            if (firstSign == 0) {
              firstSign = sign[i];
            }
            oneSign &= sign[i] == firstSign;
            least += kind == 1 && withheld.get(vars[i]) ? 1 : 0;
            open.add(vars[i]);
          } else {
            rest += sign[i] * known[vars[i]];
          }
        }
        if (open.isEmpty()
            || !oneSign
            || (kind != 1
                && (readOffAPublishedNone(vars, known)
                    || publishableTogether(vars, sign, open, firstSign, pupils)))) {
          continue;
        }
        // firstSign · (sum of the open values) = −rest
        double sum = -rest * firstSign;
        if (Math.abs(sum - least) < 1e-6) {
          for (int v : open) {
            known[v] = kind == 1 && withheld.get(v) ? 1.0 : 0.0;
          }
          learnt = true;
        }
      }
      return learnt;
    }
  }
}
