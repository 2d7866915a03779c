package org.clusterlens.metrics;

import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Grade;
import org.clusterlens.model.PupilAssessment;
import org.clusterlens.stats.ConfidenceLevel;
import org.clusterlens.stats.MeanDifference;
import org.clusterlens.stats.SmallNumberRules;
import org.clusterlens.stats.WithinStrata;

/**
 * The group gaps that need the pupils' rows rather than the attainment figures, for the same
 * groups, values and "rest" as {@link GroupGaps}:
 *
 * <ul>
 *   <li>{@code gap_average_points}, the group's mean points minus the rest's, which needs each
 *       side's spread: Welch's interval and t-test for statutory results;
 *   <li>in teacher assessment, every gap ({@code gap_pct_level4_plus}, {@code gap_pct_level5_plus}
 *       and {@code gap_average_points}) is made <em>within year groups</em> and combined
 *       (Mantel–Haenszel; two-way least squares for points). Levels and points rise with age, so a
 *       gap between pupils of all year groups pooled would partly measure which year groups each
 *       side's pupils are in.
 * </ul>
 *
 * A gap's numerator and denominator are the group's own, pooled over its year groups.
 */
final class PupilGaps {

  private PupilGaps() {}

  /**
   * Per school and the cluster, term, assessment, subject, pupil group (but all pupils and year
   * group), value and stratum ({@link PupilSums#part}: the year group in teacher assessment, 0
   * otherwise), of the pupils graded in levels: pupils, pupils with points, their points, their
   * squares, pupils at Level 4+ and at Level 5+. The sums of different tables of pupils add up to
   * those of all their pupils.
   */
  static List<PupilSums> sums(PupilTable t) {
    // Gaps are made in levels (standards 1 and 2 are Level 4 and Level 5).
    int levels = t.schemes.find(PupilAssessment.NC_LEVELS);
    int teacher = t.assessments.find(Measures.TEACHER);
    GroupCells<double[]> sums = new GroupCells<>(() -> new double[6]);
    int[] groups = new int[PupilTable.MAX_GROUPS];
    for (int g = 0; g < t.graded; g++) {
      if (t.gScheme[g] != levels) {
        continue;
      }
      int n = t.groupsOf(t.gAssessment[g], t.gYearGroup[g], t.gPupilTerm[g], groups);
      int stratum = t.gAssessment[g] == teacher ? t.gYearGroup[g] : 0;
      double points = t.gPoints[g];
      int standard = t.gStandard[g];
      GroupCells.Dimension<double[]> dimension =
          sums.dimension(
              t.gradedKey(g, t.gSchool[g], PupilTable.UNKNOWN, stratum, PupilTable.UNKNOWN));
      for (int k = 0; k < n; k++) {
        String group = t.pupilGroups.group(groups[k]);
        if (group.equals(Figure.ALL) || group.equals(Measures.YEAR_GROUP)) {
          continue;
        }
        double[] c = dimension.at(groups[k]);
        c[0]++;
        if (!Double.isNaN(points)) {
          c[1]++;
          c[2] += points;
          c[3] += points * points;
        }
        c[4] += standard >= Grade.FIRST_THRESHOLD ? 1 : 0;
        c[5] += standard >= Grade.SECOND_THRESHOLD ? 1 : 0;
      }
    }
    sums.poolSchools(PupilGaps::addInto);
    Long2ObjectOpenHashMap<double[]> cells = sums.cells();
    List<PupilSums> out = new ArrayList<>(cells.size());
    for (Long2ObjectMap.Entry<double[]> e : cells.long2ObjectEntrySet()) {
      PupilTable.Cell cell = t.cell(e.getLongKey());
      out.add(
          new PupilSums(
              PupilSums.GAP,
              t.schoolLabel(cell.school()),
              t.years.name(cell.year()),
              t.terms.name(cell.term()),
              t.assessments.name(cell.assessment()),
              t.subjects.name(cell.subject()),
              cell.group(),
              cell.value(),
              "",
              Integer.toString(cell.extra()),
              e.getValue()));
    }
    return out;
  }

  /** Adds the sums {@code from} into {@code into}. */
  private static void addInto(double[] into, double[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }

  /** A school's (or the cluster's) term, assessment, subject and pupil group. */
  private record Dimension(
      String assessment,
      String subject,
      String school,
      String group,
      String academicYear,
      String term) {}

  /** One side's pupils in one stratum. */
  private record Cell(
      long pupils, long scored, double total, double squares, long level4, long level5) {

    static final Cell EMPTY = new Cell(0, 0, 0, 0, 0, 0);

    Cell plus(Cell o) {
      return new Cell(
          pupils + o.pupils,
          scored + o.scored,
          total + o.total,
          squares + o.squares,
          level4 + o.level4,
          level5 + o.level5);
    }

    long met(int level) {
      return level == 4 ? level4 : level5;
    }
  }

  /**
   * The gaps for the pupil rows of {@code t}; never null. A gap is marked below the reporting
   * threshold when either side has fewer pupils than it, and suppressed when the rest is small
   * enough to be withheld (the group's own suppression is carried over in screening). A gap with
   * too few pupils or no spread to test carries no interval or p-value.
   */
  static List<Figure> of(PupilTable t, SmallNumberRules rules) {
    return of(sums(t), rules);
  }

  /**
   * As {@link #of(PupilTable, SmallNumberRules)}, from the sums of every pupil ({@link #sums},
   * added up over tables of pupils) of one or more schools or the cluster.
   */
  static List<Figure> of(Iterable<PupilSums> sums, SmallNumberRules rules) {
    // dimension (school, year, term, assessment, subject and group) → its sums, gathered as they
    // come and put in order of value and stratum once per dimension
    Map<Dimension, List<PupilSums>> dimensions = new HashMap<>();
    for (PupilSums s : sums) {
      dimensions
          .computeIfAbsent(
              new Dimension(
                  s.assessment(), s.subject(), s.school(), s.group(), s.academicYear(), s.term()),
              k -> new ArrayList<>())
          .add(s);
    }
    List<Figure> gaps = new ArrayList<>();
    for (Map.Entry<Dimension, List<PupilSums>> d : dimensions.entrySet()) {
      Dimension k = d.getKey();
      Figure dimension =
          label(
              k.assessment(),
              k.subject(),
              k.school(),
              k.group(),
              Figure.ALL,
              k.academicYear(),
              k.term());
      gapsOf(dimension, d.getValue(), rules, gaps);
    }
    return gaps;
  }

  /**
   * The gaps of one dimension's values, each against the rest of the dimension's pupils, added to
   * {@code out} in the values' text order: a value's cells and the rest's per stratum (year group),
   * the rest's summed over the other values in their text order.
   */
  private static void gapsOf(
      Figure dimension, List<PupilSums> sums, SmallNumberRules rules, List<Figure> out) {
    int n = sums.size();
    int[] parts = new int[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      parts[i] = Integer.parseInt(sums.get(i).part());
      order[i] = i;
    }
    // By value, then stratum; of the same value and stratum the last given counts.
    Arrays.sort(
        order,
        (a, b) -> {
          int c = sums.get(a).value().compareTo(sums.get(b).value());
          if (c != 0) {
            return c;
          }
          c = Integer.compare(parts[a], parts[b]);
          return c != 0 ? c : Integer.compare(a, b);
        });
    int[] strata = Arrays.stream(parts).sorted().distinct().toArray();
    List<String> values = new ArrayList<>();
    List<Cell[]> cells = new ArrayList<>();
    for (int o = 0; o < n; o++) {
      PupilSums s = sums.get(order[o]);
      if (values.isEmpty() || !values.get(values.size() - 1).equals(s.value())) {
        values.add(s.value());
        cells.add(new Cell[strata.length]);
      }
      double[] c = s.sums();
      cells.get(cells.size() - 1)[Arrays.binarySearch(strata, parts[order[o]])] =
          new Cell((long) c[0], (long) c[1], c[2], c[3], (long) c[4], (long) c[5]);
    }
    for (int v = 0; v < values.size(); v++) {
      Figure label = withValue(dimension, values.get(v));
      if (!GroupGaps.compared(label)) {
        continue;
      }
      Cell[] rest = new Cell[strata.length];
      for (int u = 0; u < values.size(); u++) {
        if (u == v) {
          continue;
        }
        Cell[] other = cells.get(u);
        for (int s = 0; s < strata.length; s++) {
          if (other[s] != null) {
            rest[s] = rest[s] == null ? other[s] : rest[s].plus(other[s]);
          }
        }
      }
      out.addAll(gapsOf(label, cells.get(v), rest, rules));
    }
  }

  /**
   * A group's gaps to the rest, from each side's cells per stratum (null where a side has no pupils
   * in a stratum), the strata in order.
   */
  private static List<Figure> gapsOf(
      Figure label, Cell[] group, Cell[] rest, SmallNumberRules rules) {
    Cell g = total(group);
    Cell r = total(rest);
    List<Figure> out = new ArrayList<>();
    if (r.pupils() == 0) {
      return out;
    }
    boolean teacher = label.assessment().equals(Measures.TEACHER);
    if (g.scored() > 0 && r.scored() > 0) {
      Optional<Figure> gap;
      if (teacher) {
        gap =
            WithinStrata.scores(scores(group, rest), LEVEL)
                .map(
                    d ->
                        figure(
                            label,
                            Measures.GAP_AVERAGE_POINTS,
                            g.total(),
                            g.scored(),
                            d,
                            1,
                            WithinStrata.MEAN_METHOD));
      } else {
        double difference = g.total() / g.scored() - r.total() / r.scored();
        Optional<MeanDifference> welch =
            MeanDifference.welch(
                g.scored(), g.total(), g.squares(), r.scored(), r.total(), r.squares(), LEVEL);
        gap =
            Optional.of(
                figure(
                    label,
                    Measures.GAP_AVERAGE_POINTS,
                    g.total(),
                    g.scored(),
                    new WithinStrata.Difference(
                        difference,
                        welch.map(MeanDifference::interval).orElse(null),
                        welch.map(MeanDifference::pValue).orElse(null)),
                    1,
                    MeanDifference.METHOD));
      }
      gap.ifPresent(f -> out.add(screened(f, Math.min(g.scored(), r.scored()), r.scored(), rules)));
    }
    if (teacher) {
      for (int threshold : new int[] {4, 5}) {
        String measure =
            threshold == 4 ? Measures.GAP_PCT_LEVEL4_PLUS : Measures.GAP_PCT_LEVEL5_PLUS;
        WithinStrata.shares(shares(group, rest, threshold), LEVEL)
            .map(d -> figure(label, measure, g.met(threshold), g.pupils(), d, 100, SHARE_METHOD))
            .ifPresent(
                f -> out.add(screened(f, Math.min(g.pupils(), r.pupils()), r.pupils(), rules)));
      }
    }
    return out;
  }

  private static final ConfidenceLevel LEVEL = ConfidenceLevel.NINETY_FIVE;

  private static final String SHARE_METHOD = WithinStrata.SHARE_METHOD;

  /** A gap figure with the group's labels, scaled by {@code scale} (100 for a share). */
  private static Figure figure(
      Figure label,
      String measure,
      double numerator,
      long denominator,
      WithinStrata.Difference d,
      double scale,
      String method) {
    Figure f = Derived.like(label, measure, numerator, denominator, scale * d.difference());
    if (d.interval() != null) {
      f =
          f.withInterval(
              scale * d.interval().lower(),
              scale * d.interval().upper(),
              method + ", " + LEVEL.label());
    }
    return d.pValue() == null ? f : f.withPValue(d.pValue());
  }

  /** Below the reporting threshold when the smaller side is; suppressed when the rest is 1–5. */
  private static Figure screened(Figure gap, long smaller, long rest, SmallNumberRules rules) {
    Figure out = rules.belowReporting(smaller) ? gap.asBelowReportingThreshold() : gap;
    return rules.mustSuppress(rest) ? out.asSuppressed() : out;
  }

  private static List<WithinStrata.Scores> scores(Cell[] group, Cell[] rest) {
    List<WithinStrata.Scores> out = new ArrayList<>();
    for (int s = 0; s < group.length; s++) {
      Cell g = group[s];
      if (g != null) {
        Cell r = rest[s] == null ? Cell.EMPTY : rest[s];
        out.add(
            new WithinStrata.Scores(
                g.scored(), g.total(), g.squares(), r.scored(), r.total(), r.squares()));
      }
    }
    return out;
  }

  private static List<WithinStrata.Shares> shares(Cell[] group, Cell[] rest, int threshold) {
    List<WithinStrata.Shares> out = new ArrayList<>();
    for (int s = 0; s < group.length; s++) {
      Cell g = group[s];
      if (g != null) {
        Cell r = rest[s] == null ? Cell.EMPTY : rest[s];
        out.add(
            new WithinStrata.Shares(
                Math.toIntExact(g.met(threshold)),
                Math.toIntExact(g.pupils()),
                Math.toIntExact(r.met(threshold)),
                Math.toIntExact(r.pupils())));
      }
    }
    return out;
  }

  /** A side's pupils over every stratum, added in the strata's order. */
  private static Cell total(Cell[] strata) {
    Cell sum = Cell.EMPTY;
    for (Cell c : strata) {
      if (c != null) {
        sum = sum.plus(c);
      }
    }
    return sum;
  }

  private static Figure label(
      String assessment,
      String subject,
      String school,
      String group,
      String value,
      String academicYear,
      String term) {
    return new Figure(
        Measures.GAP_AVERAGE_POINTS,
        assessment,
        subject,
        school,
        group,
        value,
        academicYear,
        term,
        null,
        null,
        0);
  }

  private static Figure withValue(Figure dimension, String value) {
    return label(
        dimension.assessment(),
        dimension.subject(),
        dimension.school(),
        dimension.group(),
        value,
        dimension.academicYear(),
        dimension.term());
  }
}
