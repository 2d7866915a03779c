package org.clusterlens.metrics;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.clusterlens.model.Figure;
import org.clusterlens.model.PupilAssessment;
import org.clusterlens.stats.ConfidenceLevel;
import org.clusterlens.stats.Interval;
import org.clusterlens.stats.MeanInterval;

/**
 * Progress figures from pupil rows, per school, pupil group and the cluster pooled at pupil level:
 *
 * <ul>
 *   <li>{@code progress_points_term}: mean teacher-assessment points gained since the previous term
 *       (autumn follows the previous summer), over pupils assessed in both;
 *   <li>{@code progress_points_year}: the same since the same term a year before;
 *   <li>{@code pct_expected_progress}: % of KS2 pupils with a KS1 result who made at least two
 *       whole levels in the subject (W → L2, L1 → L3, L2 → L4, L3 → L5);
 *   <li>{@code value_added}: mean of (KS2 points − the cluster's mean KS2 points that year for
 *       pupils in the same KS1 prior-attainment band), 0 meaning "as the cluster's similar pupils";
 *       the 95% interval is ± 1.96·σ/√n with σ the cluster's spread of pupil value added;
 *   <li>{@code value_added_national}: mean of (KS2 points − the supplied reference's expected
 *       points for the pupil's band, subject and year); the 95% interval is ± 1.96·√(Σσ²)/n with
 *       each pupil's σ the reference's spread for that band (METHODOLOGY: σ the national spread).
 * </ul>
 */
public final class ProgressMetrics {

  /** The measures, in the order of their codes in a table's cells. */
  private static final List<String> MEASURES =
      List.of(
          Measures.PROGRESS_POINTS_TERM,
          Measures.PROGRESS_POINTS_YEAR,
          Measures.PCT_EXPECTED_PROGRESS,
          Measures.VALUE_ADDED,
          Measures.VALUE_ADDED_NATIONAL);

  /** Whether {@code measure} is one of the progress and value-added measures made here. */
  static boolean measures(String measure) {
    return MEASURES.contains(measure);
  }

  private static final int TERM = 0;
  private static final int YEAR = 1;
  private static final int EXPECTED = 2;
  private static final int ADDED = 3;
  private static final int ADDED_NATIONAL = 4;

  private ProgressMetrics() {}

  /** Pupils, the sum of their values and of their squares, the sum of known variances. */
  private static final class Sums {
    long pupils;
    double total;
    double squares;
    double variance;
  }

  /** The prior-attainment bands value added compares pupils within. */
  private static final List<String> BANDS = List.of("low", "middle", "high");

  /** The progress figures of the pupils in {@code t} graded in levels; unordered, never null. */
  static List<Figure> compute(PupilTable t, ValueAddedReference reference) {
    List<PupilSums> sums = sums(t, reference);
    Map<String, double[]> bands = bandPoints(sums);
    return figures(sums, bands, clusterSpread(sums, bands));
  }

  /**
   * The sums of every progress cell of the pupils in {@code t} graded in levels, per school and the
   * cluster, term, subject, measure ({@link PupilSums#measure}) and pupil group: pupils, the sum of
   * their values, of their squares and of their known variances. For value added, per
   * prior-attainment band ({@link PupilSums#part}) and of the pupils' KS2 points rather than of
   * their value added, which needs the band's mean over every pupil ({@link #bandPoints}). The sums
   * of different tables of pupils (each pupil's rows in one) add up to those of all their pupils,
   * to the last digit: every sum but value added against a supplied reference's is of whole points.
   */
  static List<PupilSums> sums(PupilTable t, ValueAddedReference reference) {
    GroupCells<Sums> cells = new GroupCells<>(Sums::new);
    List<GroupCells<Sums>> addedByBand = new ArrayList<>();
    for (int b = 0; b < BANDS.size(); b++) {
      addedByBand.add(new GroupCells<>(Sums::new));
    }
    int levels = t.schemes.find(PupilAssessment.NC_LEVELS);
    int teacher = t.assessments.find(Measures.TEACHER);
    int ks1 = t.assessments.find(Measures.KS1);
    int ks2 = t.assessments.find(Measures.KS2);
    // Every row with points in levels.
    IntArrayList gradedRows = new IntArrayList();
    // A pupil's teacher-assessment rows in a subject and term, by PupilTable.pupilSubjectTerm.
    Long2ObjectOpenHashMap<IntArrayList> teacherRows = new Long2ObjectOpenHashMap<>();
    Map<Long, Integer> ks1Levels = new HashMap<>();
    for (int i = 0; i < t.rows; i++) {
      if (t.scheme[i] != levels || levels == PupilTable.UNKNOWN || Double.isNaN(t.points[i])) {
        continue;
      }
      gradedRows.add(i);
      if (t.assessment[i] == teacher) {
        teacherRows
            .computeIfAbsent(
                t.pupilSubjectTerm(0, t.upn[i], t.subject[i], t.termIndex(t.year[i], t.term[i])),
                k -> new IntArrayList(1))
            .add(i);
      } else if (t.assessment[i] == ks1) {
        // The highest KS1 level in the subject; a row without a level adds none.
        ks1Levels.merge(PupilTable.pupilSubject(t.upn[i], t.subject[i]), t.level[i], Math::max);
      }
    }
    int[] graded = gradedRows.toIntArray();
    // Gains since the term before and the same term a year before.
    for (int a : graded) {
      if (t.assessment[a] != teacher) {
        continue;
      }
      int index = t.termIndex(t.year[a], t.term[a]);
      for (int measure : new int[] {TERM, YEAR}) {
        long before =
            t.pupilSubjectTerm(0, t.upn[a], t.subject[a], index - (measure == TERM ? 1 : 3));
        IntArrayList rowsBefore = teacherRows.get(before);
        if (rowsBefore == null) {
          continue;
        }
        for (int k = 0; k < rowsBefore.size(); k++) {
          int b = rowsBefore.getInt(k);
          add(t, cells, a, measure, t.points[a] - t.points[b], Double.NaN);
        }
      }
    }
    // Expected progress from KS1 to KS2; each band's KS2 points for value added.
    for (int i : graded) {
      if (t.assessment[i] != ks2) {
        continue;
      }
      Integer ks1Level = ks1Levels.get(PupilTable.pupilSubject(t.upn[i], t.subject[i]));
      if (ks1Level != null) {
        boolean madeTwoLevels =
            t.level[i] != PupilTable.UNKNOWN
                && ks1Level != PupilTable.UNKNOWN
                && t.level[i] >= ks1Level + 2;
        add(t, cells, i, EXPECTED, madeTwoLevels ? 1.0 : 0.0, Double.NaN);
      }
      String band = PupilTable.band(t.ks1Aps[t.upn[i]]);
      if (band == null) {
        continue;
      }
      add(t, addedByBand.get(BANDS.indexOf(band)), i, ADDED, t.points[i], Double.NaN);
      String year = t.years.name(t.year[i]);
      String subject = t.subjects.name(t.subject[i]);
      for (ValueAddedReference.Line l : reference.lines()) {
        if ((l.academicYear().equals(year)
                || l.academicYear().equals(ValueAddedReference.EVERY_YEAR))
            && l.subject().equals(subject)
            && l.band().equals(band)) {
          add(
              t,
              cells,
              i,
              ADDED_NATIONAL,
              t.points[i] - l.expectedPoints(),
              l.pupilSpread() * l.pupilSpread());
        }
      }
    }
    Long2ObjectOpenHashMap<Sums> counted = cells.cells();
    List<PupilSums> out = new ArrayList<>(counted.size());
    for (Long2ObjectMap.Entry<Sums> e : counted.long2ObjectEntrySet()) {
      out.add(sumsOf(t, e.getLongKey(), "", e.getValue()));
    }
    for (int b = 0; b < BANDS.size(); b++) {
      for (Long2ObjectMap.Entry<Sums> e : addedByBand.get(b).cells().long2ObjectEntrySet()) {
        out.add(sumsOf(t, e.getLongKey(), BANDS.get(b), e.getValue()));
      }
    }
    return out;
  }

  private static PupilSums sumsOf(PupilTable t, long key, String band, Sums s) {
    PupilTable.Cell cell = t.cell(key);
    Figure labels = t.labels(cell);
    return new PupilSums(
        PupilSums.PROGRESS,
        labels.school(),
        labels.academicYear(),
        labels.term(),
        labels.assessment(),
        labels.subject(),
        labels.group(),
        labels.groupValue(),
        MEASURES.get(cell.extra()),
        band,
        new double[] {s.pupils, s.total, s.squares, s.variance});
  }

  /**
   * Whether {@code s} is among the sums {@link #bandPoints} and {@link #clusterSpread} are worked
   * out from: value added's of the pooled schools' pupils of every group, per year, term, subject
   * and band. Few: a country's hold one per year, term, subject and band.
   */
  static boolean forBandPoints(PupilSums s) {
    return s.measure().equals(Measures.VALUE_ADDED)
        && s.school().equals(Figure.CLUSTER)
        && s.group().equals(Figure.ALL);
  }

  /**
   * Each year, subject and band's ({@code "year|subject|band"}) pupils and their KS2 points, over
   * the pooled schools' pupils of every term in {@code sums} (those {@link #forBandPoints} is
   * enough).
   */
  static Map<String, double[]> bandPoints(Iterable<PupilSums> sums) {
    Map<String, double[]> out = new HashMap<>();
    for (PupilSums s : sums) {
      if (forBandPoints(s)) {
        double[] b =
            out.computeIfAbsent(
                s.academicYear() + "|" + s.subject() + "|" + s.part(), k -> new double[2]);
        b[0] += s.sums()[0];
        b[1] += s.sums()[1];
      }
    }
    return out;
  }

  /**
   * The cluster's spread of pupil value added, per year and subject ({@code "year|subject"}), for
   * every value-added interval, from the pooled schools' sums in {@code sums} (those {@link
   * #forBandPoints} is enough).
   */
  static Map<String, Double> clusterSpread(
      Iterable<PupilSums> sums, Map<String, double[]> bandPoints) {
    Map<String, Sums> added = valueAdded(sums, bandPoints, ProgressMetrics::forBandPoints);
    Map<String, Double> out = new HashMap<>();
    added.forEach(
        (cell, s) -> {
          if (s.pupils >= 2) {
            String[] labels = cell.split("\\|", -1);
            out.put(
                labels[1] + "|" + labels[2],
                MeanInterval.standardDeviation(s.pupils, s.total, s.squares));
          }
        });
    return out;
  }

  /**
   * The value added of each cell of {@code sums} that {@code which} picks, by {@link #cellKey}: its
   * pupils and the sum of their value added (KS2 points less their band's mean) and of its square,
   * each worked out exactly from the bands' sums and rounded once, so the same pupils give the same
   * doubles however their sums were added up.
   */
  private static Map<String, Sums> valueAdded(
      Iterable<PupilSums> sums, Map<String, double[]> bandPoints, Predicate<PupilSums> which) {
    Map<String, BigDecimal[]> exact = new TreeMap<>();
    for (PupilSums s : sums) {
      if (!s.measure().equals(Measures.VALUE_ADDED) || !which.test(s)) {
        continue;
      }
      double[] band = bandPoints.get(s.academicYear() + "|" + s.subject() + "|" + s.part());
      double mean = band[1] / band[0];
      BigDecimal m = new BigDecimal(mean);
      BigDecimal n = new BigDecimal(s.sums()[0]);
      BigDecimal points = new BigDecimal(s.sums()[1]);
      BigDecimal squares = new BigDecimal(s.sums()[2]);
      BigDecimal[] e =
          exact.computeIfAbsent(
              cellKey(s),
              k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
      e[0] = e[0].add(n);
      // Σ(x − m) = Σx − n·m and Σ(x − m)² = Σx² − 2·m·Σx + n·m².
      e[1] = e[1].add(points.subtract(n.multiply(m)));
      e[2] =
          e[2].add(
              squares
                  .subtract(m.multiply(points).multiply(BigDecimal.valueOf(2)))
                  .add(n.multiply(m).multiply(m)));
    }
    Map<String, Sums> out = new HashMap<>();
    exact.forEach(
        (cell, e) -> {
          Sums s = new Sums();
          s.pupils = e[0].longValueExact();
          s.total = e[1].doubleValue();
          s.squares = e[2].doubleValue();
          out.put(cell, s);
        });
    return out;
  }

  /** A value-added cell's labels but its band, joined: school, year, subject, then the rest. */
  private static String cellKey(PupilSums s) {
    return String.join(
        "|",
        s.school(),
        s.academicYear(),
        s.subject(),
        s.term(),
        s.assessment(),
        s.group(),
        s.value());
  }

  /**
   * The progress figures of {@code sums} ({@link #sums}, added up over tables of pupils) of one or
   * more schools or the cluster, value added against {@code bandPoints} ({@link #bandPoints}) with
   * {@code clusterSpread} ({@link #clusterSpread}), both worked out from every pupil; unordered.
   */
  static List<Figure> figures(
      Iterable<PupilSums> sums,
      Map<String, double[]> bandPoints,
      Map<String, Double> clusterSpread) {
    List<Figure> figures = new ArrayList<>();
    List<PupilSums> added = new ArrayList<>();
    for (PupilSums p : sums) {
      if (p.measure().equals(Measures.VALUE_ADDED)) {
        added.add(p);
        continue;
      }
      Sums s = new Sums();
      s.pupils = (long) p.sums()[0];
      s.total = p.sums()[1];
      s.squares = p.sums()[2];
      s.variance = p.sums()[3];
      figures.add(figureOf(labelsOf(p), p.measure(), s, clusterSpread));
    }
    Map<String, PupilSums> labels = new HashMap<>();
    for (PupilSums p : added) {
      labels.putIfAbsent(cellKey(p), p);
    }
    valueAdded(added, bandPoints, p -> true)
        .forEach(
            (cell, s) ->
                figures.add(
                    figureOf(labelsOf(labels.get(cell)), Measures.VALUE_ADDED, s, clusterSpread)));
    return figures;
  }

  private static Figure labelsOf(PupilSums s) {
    return new Figure(
        "",
        s.assessment(),
        s.subject(),
        s.school(),
        s.group(),
        s.value(),
        s.academicYear(),
        s.term(),
        null,
        null,
        0);
  }

  /**
   * Counts a pupil's value {@code x} (and variance {@code v}, NaN if none) in each of its groups.
   */
  private static void add(
      PupilTable t, GroupCells<Sums> cells, int row, int measure, double x, double v) {
    int[] groups = new int[PupilTable.MAX_GROUPS];
    int n = t.groupsOf(t.assessment[row], t.yearGroup[row], t.pupilTerm[row], groups);
    for (int school : new int[] {t.school[row], PupilTable.CLUSTER}) {
      GroupCells.Dimension<Sums> dimension =
          cells.dimension(
              CellKey.of(
                  school,
                  t.year[row],
                  t.term[row],
                  t.assessment[row],
                  PupilTable.UNKNOWN,
                  t.subject[row],
                  measure,
                  PupilTable.UNKNOWN));
      for (int k = 0; k < n; k++) {
        Sums s = dimension.at(groups[k]);
        s.pupils++;
        s.total += x;
        s.squares += x * x;
        if (!Double.isNaN(v)) {
          s.variance += v;
        }
      }
    }
  }

  private static Figure figureOf(
      Figure labels, String measure, Sums s, Map<String, Double> clusterSpread) {
    long n = s.pupils;
    double total = s.total;
    double squares = s.squares;
    Figure f =
        Derived.like(
            labels,
            measure,
            total,
            n,
            measure.equals(Measures.PCT_EXPECTED_PROGRESS) ? 100 * total / n : total / n);
    if (measure.equals(Measures.PCT_EXPECTED_PROGRESS)) {
      return AttainmentMetrics.withInterval(f);
    }
    ConfidenceLevel level = ConfidenceLevel.NINETY_FIVE;
    if (measure.equals(Measures.VALUE_ADDED_NATIONAL)) {
      // The mean of pupils with known spreads σᵢ: its standard error is √(Σσᵢ²)/n.
      double standardError = Math.sqrt(s.variance) / n;
      double halfWidth = level.z() * standardError;
      return withNormalTest(
          f.withInterval(
              f.value() - halfWidth,
              f.value() + halfWidth,
              "± z·√(Σσ²)/n, σ of the supplied reference, " + level.label()),
          standardError);
    }
    if (measure.equals(Measures.VALUE_ADDED)) {
      Double sigma = clusterSpread.get(f.academicYear() + "|" + f.subject());
      if (sigma == null) {
        return f;
      }
      Interval i = MeanInterval.knownSpread(n, f.value(), sigma, level);
      Figure withInterval =
          f.withInterval(
              i.lower(), i.upper(), "± z·σ/√n, σ of the cluster's pupils, " + level.label());
      // The cluster's value added against its own pupils is zero by construction: nothing to test.
      return f.school().equals(Figure.CLUSTER)
          ? withInterval
          : withNormalTest(withInterval, sigma / Math.sqrt(n));
    }
    if (n < 2) {
      return f;
    }
    Interval i = MeanInterval.studentT(n, total, squares, level);
    return f.withInterval(i.lower(), i.upper(), "Student's t, " + level.label());
  }

  /** The figure with the p-value of a test that its true value is zero (no value added). */
  private static Figure withNormalTest(Figure f, double standardError) {
    return standardError > 0
        ? f.withPValue(MeanInterval.zeroMeanPValue(f.value(), standardError))
        : f;
  }
}
