package org.clusterlens.metrics;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntList;
import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Grade;
import org.clusterlens.model.PupilAssessment;
import org.clusterlens.model.Term;
import org.clusterlens.stats.ConfidenceLevel;
import org.clusterlens.stats.PairedCounts;
import org.clusterlens.stats.PairedProportionDifference;
import org.clusterlens.stats.SmallNumberRules;

/**
 * The change in teacher assessment between terms — autumn → spring → summer of one year, and summer
 * → the next autumn one year group up — in the share of a year group at Level 4+ and Level 5+.
 *
 * <p>Between terms a year group is largely the same pupils, so the change is worked out on the
 * pupils assessed in both terms (joined on UPN within a school): Newcombe's paired interval and the
 * exact McNemar test, far tighter than treating the terms as two cohorts. The figure then counts
 * those pupils only: numerator = pupils who reached the level minus pupils who fell below it,
 * denominator = pupils assessed in both terms, value = 100 × numerator / denominator.
 *
 * <p>When 1 to 5 pupils (below the suppression threshold) were assessed in only one of the two
 * terms — a few joiners or leavers — the paired figure, set beside the two terms' published
 * figures, would give those few pupils' results away. The shift is then the difference of the two
 * published percentages with the unpaired interval and Fisher's test ({@link
 * ThresholdShifts#unpaired}), and its method says so. The cluster's shift is paired only when every
 * school's is.
 */
final class TermShifts {

  /** Said in the method of an unpaired term shift. */
  static final String UNPAIRED_NOTE =
      "; terms compared as separate cohorts because a few pupils were assessed in only one";

  private static final Map<String, String> TERM_SHIFT_OF =
      Map.of(
          Measures.PCT_LEVEL4_PLUS, Measures.TERM_SHIFT_PCT_LEVEL4_PLUS,
          Measures.PCT_LEVEL5_PLUS, Measures.TERM_SHIFT_PCT_LEVEL5_PLUS);

  private TermShifts() {}

  /**
   * One term shift for every teacher-assessment year-group figure at Level 4+ and 5+ in {@code
   * figures} that has a figure for the same cohort in the term before, from the pupil rows of
   * {@code t} (the table {@code figures} were counted from); never null. A paired shift with fewer
   * pupils than the reporting threshold is marked so no flag is drawn from it.
   */
  static List<Figure> of(PupilTable t, List<Figure> figures, SmallNumberRules rules) {
    return of(pairedCounts(sums(t)), figures, rules);
  }

  /**
   * As {@link #of(PupilTable, List, SmallNumberRules)}, from the paired counts of every pupil
   * ({@link #pairedCounts(Iterable)}) rather than a table of them.
   */
  static List<Figure> of(
      Map<String, PairedCounts> paired, List<Figure> figures, SmallNumberRules rules) {
    Map<String, Figure> byKey = new HashMap<>();
    for (Figure f : figures) {
      if (isTeacherThreshold(f)) {
        byKey.put(
            ThresholdShifts.key(f.measure(), f, f.academicYear(), f.term(), f.groupValue()), f);
      }
    }
    // Schools first, so the cluster knows whether every school's shift was paired.
    List<Figure[]> ordered = new ArrayList<>();
    List<Figure[]> cluster = new ArrayList<>();
    for (Figure now : byKey.values()) {
      ThresholdShifts.Cohort earlier = ThresholdShifts.previousCohort(now);
      Figure before =
          earlier == null
              ? null
              : byKey.get(
                  ThresholdShifts.key(
                      now.measure(), now, earlier.academicYear(), earlier.term(), earlier.value()));
      if (before != null) {
        (now.school().equals(Figure.CLUSTER) ? cluster : ordered).add(new Figure[] {before, now});
      }
    }
    ordered.addAll(cluster);
    List<Figure> shifts = new ArrayList<>();
    Map<String, Boolean> everySchoolPaired = new HashMap<>();
    for (Figure[] pair : ordered) {
      Figure before = pair[0];
      Figure now = pair[1];
      String cell = pairKey(now.measure(), now.school(), now);
      String clusterCell = pairKey(now.measure(), Figure.CLUSTER, now);
      boolean isCluster = now.school().equals(Figure.CLUSTER);
      PairedCounts counts = paired.get(cell);
      boolean canPair =
          counts != null
              && !onlyAFewUnpaired(before, counts, rules)
              && !onlyAFewUnpaired(now, counts, rules)
              && (!isCluster || everySchoolPaired.getOrDefault(clusterCell, true));
      String measure = TERM_SHIFT_OF.get(now.measure());
      Figure shift =
          canPair
              ? pairedShift(measure, now, counts, rules)
              : ThresholdShifts.unpaired(measure, before, now, UNPAIRED_NOTE, rules);
      if (!isCluster && !canPair) {
        everySchoolPaired.put(clusterCell, false);
      }
      shifts.add(shift);
    }
    return shifts;
  }

  private static Figure pairedShift(
      String measure, Figure now, PairedCounts counts, SmallNumberRules rules) {
    PairedProportionDifference change =
        PairedProportionDifference.of(counts, ConfidenceLevel.NINETY_FIVE);
    Figure shift =
        Derived.like(
                now,
                measure,
                (double) counts.netChange(),
                (long) counts.pupils(),
                100.0 * counts.netChange() / counts.pupils())
            .withInterval(
                100 * change.interval().lower(),
                100 * change.interval().upper(),
                (PairedProportionDifference.METHOD
                        + ", "
                        + change.confidence().label()
                        + ", "
                        + PairedProportionDifference.TEST
                        + " test, pupils assessed in both terms")
                    .intern())
            .withPValue(change.pValue())
            .withPupilWeight(100.0 / counts.pupils());
    return rules.belowReporting(counts.pupils()) ? shift.asBelowReportingThreshold() : shift;
  }

  /** 1 to 5 of the figure's pupils were not assessed in the other term. */
  private static boolean onlyAFewUnpaired(
      Figure cohort, PairedCounts counts, SmallNumberRules rules) {
    return rules.mustSuppress(cohort.denominator() - counts.pupils());
  }

  /** The two thresholds a term shift is counted at: Level 4 and Level 5. */
  private static final int[] THRESHOLDS = {Grade.FIRST_THRESHOLD, Grade.SECOND_THRESHOLD};

  /** Adds the counts {@code from} into {@code into}. */
  private static void addInto(long[] into, long[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }

  /**
   * The paired tables of every teacher-assessment cohort in levels (the pupils of a school, subject
   * and year group assessed in a term and the term before, one year group lower after the summer),
   * per school and the cluster, one per threshold ({@link PupilSums#measure}): pupils at the level
   * in both terms, in the term before only, in the later term only, and in neither. The counts of
   * different tables of pupils add up to those of all their pupils.
   */
  static List<PupilSums> sums(PupilTable t) {
    int teacher = t.assessments.find(Measures.TEACHER);
    int levels = t.schemes.find(PupilAssessment.NC_LEVELS);
    Long2ObjectOpenHashMap<IntList> byTerm = new Long2ObjectOpenHashMap<>();
    IntArrayList teacherRows = new IntArrayList();
    for (int g = 0; g < t.graded; g++) {
      if (t.gAssessment[g] == teacher && t.gScheme[g] == levels && teacher != PupilTable.UNKNOWN) {
        teacherRows.add(g);
        byTerm.computeIfAbsent(termCell(t, g, 0), k -> new IntArrayList(1)).add(g);
      }
    }
    // school (or the cluster), year, term, subject, year group → pupils, then per threshold
    // both, before only, after only
    GroupCells<long[]> counts = new GroupCells<>(() -> new long[7]);
    for (int a : teacherRows.toIntArray()) {
      int yearGroupBefore = t.gYearGroup[a] - (t.terms.name(t.gTerm[a]).equals("autumn") ? 1 : 0);
      IntList rowsBefore = byTerm.getOrDefault(termCell(t, a, 1), IntList.of());
      for (int r = 0; r < rowsBefore.size(); r++) {
        int b = rowsBefore.getInt(r);
        if (t.gYearGroup[b] != yearGroupBefore) {
          continue;
        }
        long key =
            CellKey.of(
                t.gSchool[a],
                t.gYear[a],
                t.gTerm[a],
                PupilTable.UNKNOWN,
                PupilTable.UNKNOWN,
                t.gSubject[a],
                t.gYearGroup[a],
                PupilTable.UNKNOWN);
        long[] c = counts.dimension(key).at(PupilTable.UNKNOWN);
        c[0]++;
        int before = t.gStandard[b];
        int after = t.gStandard[a];
        for (int i = 0; i < 2; i++) {
          int level = THRESHOLDS[i];
          c[1 + 3 * i] += before >= level && after >= level ? 1 : 0;
          c[2 + 3 * i] += before >= level && after < level ? 1 : 0;
          c[3 + 3 * i] += before < level && after >= level ? 1 : 0;
        }
      }
    }
    counts.poolSchools(TermShifts::addInto);
    Long2ObjectOpenHashMap<long[]> cells = counts.cells();
    List<PupilSums> out = new ArrayList<>(2 * cells.size());
    for (Long2ObjectMap.Entry<long[]> e : cells.long2ObjectEntrySet()) {
      PupilTable.Cell cell = t.cell(e.getLongKey());
      long[] c = e.getValue();
      for (int i = 0; i < 2; i++) {
        long both = c[1 + 3 * i];
        long beforeOnly = c[2 + 3 * i];
        long afterOnly = c[3 + 3 * i];
        out.add(
            new PupilSums(
                PupilSums.TERM_SHIFT,
                t.schoolLabel(cell.school()),
                t.years.name(cell.year()),
                t.terms.name(cell.term()),
                Measures.TEACHER,
                t.subjects.name(cell.subject()),
                Measures.YEAR_GROUP,
                Integer.toString(cell.extra()),
                i == 0 ? Measures.PCT_LEVEL4_PLUS : Measures.PCT_LEVEL5_PLUS,
                "",
                new double[] {both, beforeOnly, afterOnly, c[0] - both - beforeOnly - afterOnly}));
      }
    }
    return out;
  }

  /**
   * The paired tables of {@code sums} ({@link #sums}, added up over tables of pupils), by {@link
   * #pairKey}.
   */
  static Map<String, PairedCounts> pairedCounts(Iterable<PupilSums> sums) {
    Map<String, PairedCounts> out = new HashMap<>();
    for (PupilSums s : sums) {
      double[] c = s.sums();
      out.put(
          pairKey(s.measure(), s.school(), s.subject(), s.value(), s.academicYear(), s.term()),
          new PairedCounts(
              Math.toIntExact((long) c[0]),
              Math.toIntExact((long) c[1]),
              Math.toIntExact((long) c[2]),
              Math.toIntExact((long) c[3])));
    }
    return out;
  }

  /**
   * The cohort of pupils a teacher-assessment year-group figure or paired count belongs to: its
   * subject and the year its pupils started school. A cohort's term shifts are made from its own
   * figures and paired counts alone (the term before one of them is the same pupils'), so the
   * cohorts can be worked out apart.
   */
  static String cohortOf(String subject, String academicYear, String yearGroup) {
    int started =
        new Term(academicYear, Term.Season.AUTUMN).startYear() - Integer.parseInt(yearGroup);
    return subject + "|" + started;
  }

  /** A graded row's pupil, subject and school, {@code termsBefore} terms before its own. */
  private static long termCell(PupilTable t, int g, int termsBefore) {
    return t.pupilSubjectTerm(
        t.gSchool[g], t.gUpn[g], t.gSubject[g], t.termIndex(t.gYear[g], t.gTerm[g]) - termsBefore);
  }

  private static String pairKey(String measure, String school, Figure now) {
    return pairKey(
        measure, school, now.subject(), now.groupValue(), now.academicYear(), now.term());
  }

  private static String pairKey(
      String measure,
      String school,
      String subject,
      String yearGroup,
      String academicYear,
      String term) {
    return String.join("|", measure, school, subject, yearGroup, academicYear, term);
  }

  private static boolean isTeacherThreshold(Figure f) {
    return f.assessment().equals(Measures.TEACHER)
        && TERM_SHIFT_OF.containsKey(f.measure())
        && f.group().equals(Measures.YEAR_GROUP);
  }
}
