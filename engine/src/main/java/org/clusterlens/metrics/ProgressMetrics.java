package org.clusterlens.metrics;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** A band's KS2 points in a subject and year: pupils and their points. */
  private record BandYear(int year, int subject, String band) {}

  /** The progress figures of the pupils in {@code t} graded in levels; unordered, never null. */
  static List<Figure> compute(PupilTable t, ValueAddedReference reference) {
    Long2ObjectOpenHashMap<Sums> cells = new Long2ObjectOpenHashMap<>();
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
    // Expected progress from KS1 to KS2, and the bands' mean KS2 points for value added.
    Map<BandYear, double[]> bandMeans = new HashMap<>();
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
      if (band != null) {
        double[] mean =
            bandMeans.computeIfAbsent(
                new BandYear(t.year[i], t.subject[i], band), k -> new double[2]);
        mean[0]++;
        mean[1] += t.points[i];
      }
    }
    for (int i : graded) {
      String band = PupilTable.band(t.ks1Aps[t.upn[i]]);
      if (t.assessment[i] != ks2 || band == null) {
        continue;
      }
      double[] mean = bandMeans.get(new BandYear(t.year[i], t.subject[i], band));
      add(t, cells, i, ADDED, t.points[i] - mean[1] / mean[0], Double.NaN);
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
    // The cluster's spread of pupil value added, per year and subject, for every VA interval.
    Map<String, Double> clusterSpread = new HashMap<>();
    for (Long2ObjectMap.Entry<Sums> e : cells.long2ObjectEntrySet()) {
      PupilTable.Cell cell = t.cell(e.getLongKey());
      Sums s = e.getValue();
      if (cell.extra() == ADDED
          && cell.school() == PupilTable.CLUSTER
          && cell.group().equals(Figure.ALL)
          && s.pupils >= 2) {
        clusterSpread.put(
            t.years.name(cell.year()) + "|" + t.subjects.name(cell.subject()),
            MeanInterval.standardDeviation(s.pupils, s.total, s.squares));
      }
    }
    List<Figure> figures = new ArrayList<>(cells.size());
    for (Long2ObjectMap.Entry<Sums> e : cells.long2ObjectEntrySet()) {
      PupilTable.Cell cell = t.cell(e.getLongKey());
      figures.add(figureOf(t.labels(cell), cell, e.getValue(), clusterSpread));
    }
    return figures;
  }

  /**
   * Counts a pupil's value {@code x} (and variance {@code v}, NaN if none) in each of its groups.
   */
  private static void add(
      PupilTable t, Long2ObjectOpenHashMap<Sums> cells, int row, int measure, double x, double v) {
    int[] groups = new int[PupilTable.MAX_GROUPS];
    int n = t.groupsOf(t.assessment[row], t.yearGroup[row], t.pupilTerm[row], groups);
    for (int school : new int[] {t.school[row], PupilTable.CLUSTER}) {
      for (int k = 0; k < n; k++) {
        long key =
            CellKey.of(
                school,
                t.year[row],
                t.term[row],
                t.assessment[row],
                PupilTable.UNKNOWN,
                t.subject[row],
                measure,
                groups[k]);
        Sums s = cells.computeIfAbsent(key, cell -> new Sums());
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
      Figure labels, PupilTable.Cell cell, Sums s, Map<String, Double> clusterSpread) {
    String measure = MEASURES.get(cell.extra());
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
