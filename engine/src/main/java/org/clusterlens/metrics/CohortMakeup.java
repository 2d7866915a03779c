package org.clusterlens.metrics;

import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterlens.model.Figure;
import org.clusterlens.model.PupilAssessment;
import org.clusterlens.stats.SmallNumberRules;

/**
 * What changed in the cohort's make-up beside each shift: pupils counted, % disadvantaged, % with
 * SEN (support or EHC plan) and % with low KS1 prior attainment (each of the pupils whose value is
 * known), later cohort minus earlier, with the shift's labels. A percentage change resting on a
 * group of 1 to 5 pupils on either side is suppressed, as is every change beside a suppressed
 * shift, and a change beside a shift of all pupils whose group has a withheld figure in either year
 * (the cohorts' pupils are published, so the change and one year's group would give the other
 * back).
 */
final class CohortMakeup {

  private CohortMakeup() {}

  /** Make-up counts of one cohort: pupils, disadvantaged, SEN and low prior, each with known. */
  private static final class Counts {
    long pupils;
    long disadvantaged;
    long disadvantagedKnown;
    long sen;
    long senKnown;
    long lowPrior;
    long priorKnown;

    void add(Counts o) {
      pupils += o.pupils;
      disadvantaged += o.disadvantaged;
      disadvantagedKnown += o.disadvantagedKnown;
      sen += o.sen;
      senKnown += o.senKnown;
      lowPrior += o.lowPrior;
      priorKnown += o.priorKnown;
    }
  }

  /**
   * The make-up of every cohort graded in levels (a school's or the cluster's pupils of a term,
   * assessment and subject, all year groups and each), by {@link #key}.
   */
  private static Map<String, Counts> cohorts(PupilTable t) {
    int levels = t.schemes.find(PupilAssessment.NC_LEVELS);
    int ks1 = t.assessments.find(Measures.KS1);
    GroupCells<Counts> counts = new GroupCells<>(Counts::new);
    for (int g = 0; g < t.graded; g++) {
      // Shifts are made in levels only, so their cohorts are the pupils graded in levels.
      if (t.gScheme[g] != levels) {
        continue;
      }
      int p = t.gPupilTerm[g];
      String band = t.gAssessment[g] == ks1 ? null : PupilTable.band(t.ks1Aps[t.gUpn[g]]);
      for (int yearGroup : new int[] {PupilTable.UNKNOWN, t.gYearGroup[g]}) {
        long key = t.gradedKey(g, t.gSchool[g], PupilTable.UNKNOWN, yearGroup, PupilTable.UNKNOWN);
        Counts c = counts.dimension(key).at(PupilTable.UNKNOWN);
        c.pupils++;
        c.disadvantaged += t.ptDisadvantaged[p] == 1 ? 1 : 0;
        c.disadvantagedKnown += t.ptDisadvantaged[p] == PupilTable.UNKNOWN ? 0 : 1;
        c.sen += t.ptSen[p] != null && !t.ptSen[p].equals(Measures.NO) ? 1 : 0;
        c.senKnown += t.ptSen[p] == null ? 0 : 1;
        if (band != null) {
          c.priorKnown++;
          c.lowPrior += band.equals("low") ? 1 : 0;
        }
      }
    }
    counts.poolSchools(Counts::add);
    Long2ObjectOpenHashMap<Counts> cells = counts.cells();
    Map<String, Counts> cohorts = new HashMap<>();
    for (Long2ObjectMap.Entry<Counts> e : cells.long2ObjectEntrySet()) {
      PupilTable.Cell cell = t.cell(e.getLongKey());
      cohorts.put(
          key(
              t.schoolLabel(cell.school()),
              t.assessments.name(cell.assessment()),
              t.subjects.name(cell.subject()),
              t.years.name(cell.year()),
              t.terms.name(cell.term()),
              cell.extra() == PupilTable.UNKNOWN ? Figure.ALL : Integer.toString(cell.extra())),
          e.getValue());
    }
    return cohorts;
  }

  /**
   * The make-up changes beside each shift in {@code figures} (screened: a suppressed shift's
   * changes are suppressed), from the pupil rows of {@code t}; never null.
   */
  static List<Figure> beside(List<Figure> figures, PupilTable t, SmallNumberRules rules) {
    Map<String, Counts> cohorts = cohorts(t);
    Set<String> withheld = withheldGroups(figures);
    List<Figure> out = new ArrayList<>();
    for (Figure shift : figures) {
      if (!shift.measure().startsWith("shift_pct_level4")
          && !shift.measure().startsWith("term_shift_pct_level4")) {
        continue;
      }
      ThresholdShifts.Cohort earlier = ThresholdShifts.previousCohort(shift);
      Counts now =
          cohorts.get(
              key(
                  shift.school(),
                  shift.assessment(),
                  shift.subject(),
                  shift.academicYear(),
                  shift.term(),
                  shift.groupValue()));
      Counts then =
          cohorts.get(
              key(
                  shift.school(),
                  shift.assessment(),
                  shift.subject(),
                  earlier.academicYear(),
                  earlier.term(),
                  earlier.value()));
      if (now == null || then == null) {
        continue;
      }
      out.add(change(shift, Measures.COHORT_CHANGE_PUPILS, now.pupils - then.pupils, false));
      // Shares of the pupils whose value is known: a pupil not known is in neither part.
      if (now.disadvantagedKnown > 0 && then.disadvantagedKnown > 0) {
        out.add(
            share(
                shift,
                Measures.COHORT_CHANGE_PCT_DISADVANTAGED,
                givesBackWithheld(shift, Measures.DISADVANTAGED, withheld),
                now.disadvantaged,
                now.disadvantagedKnown,
                then.disadvantaged,
                then.disadvantagedKnown,
                rules));
      }
      if (now.senKnown > 0 && then.senKnown > 0) {
        out.add(
            share(
                shift,
                Measures.COHORT_CHANGE_PCT_SEN,
                givesBackWithheld(shift, Measures.SEN, withheld),
                now.sen,
                now.senKnown,
                then.sen,
                then.senKnown,
                rules));
      }
      if (now.priorKnown > 0 && then.priorKnown > 0) {
        out.add(
            share(
                shift,
                Measures.COHORT_CHANGE_PCT_LOW_PRIOR_ATTAINMENT,
                givesBackWithheld(shift, Measures.PRIOR_ATTAINMENT, withheld),
                now.lowPrior,
                now.priorKnown,
                then.lowPrior,
                then.priorKnown,
                rules));
      }
    }
    return out;
  }

  /**
   * The KS2 cohorts' group figures (first threshold, every group a make-up change counts) that are
   * withheld, as {@link #groupKey} values.
   */
  static Set<String> withheldGroups(List<Figure> figures) {
    Set<String> withheld = new HashSet<>();
    for (Figure f : figures) {
      if (f.suppressed()
          && f.measure().equals(Measures.PCT_LEVEL4_PLUS)
          && MAKE_UP_GROUPS.contains(f.group())) {
        withheld.add(groupKey(f.school(), f.subject(), f.academicYear(), f.term(), f.group()));
      }
    }
    return withheld;
  }

  /**
   * Whether a make-up change beside a shift of all pupils would give back a withheld count: the
   * change is later share minus earlier share of the group, and the cohorts' pupils are published,
   * so with one side's group published the other side's follows.
   */
  static boolean givesBackWithheld(Figure shift, String group, Set<String> withheld) {
    if (!shift.group().equals(Figure.ALL)) {
      return false;
    }
    ThresholdShifts.Cohort earlier = ThresholdShifts.previousCohort(shift);
    return withheld.contains(
            groupKey(shift.school(), shift.subject(), shift.academicYear(), shift.term(), group))
        || withheld.contains(
            groupKey(
                shift.school(), shift.subject(), earlier.academicYear(), earlier.term(), group));
  }

  private static final Set<String> MAKE_UP_GROUPS =
      Set.of(Measures.DISADVANTAGED, Measures.SEN, Measures.PRIOR_ATTAINMENT);

  private static String groupKey(
      String school, String subject, String academicYear, String term, String group) {
    return String.join("|", school, subject, academicYear, term, group);
  }

  private static Figure share(
      Figure shift,
      String measure,
      boolean givesBackWithheld,
      long nowMet,
      long nowPupils,
      long thenMet,
      long thenPupils,
      SmallNumberRules rules) {
    boolean small = givesBackWithheld || rules.mustSuppress(nowMet) || rules.mustSuppress(thenMet);
    return change(shift, measure, 100.0 * nowMet / nowPupils - 100.0 * thenMet / thenPupils, small);
  }

  private static Figure change(Figure shift, String measure, double value, boolean small) {
    Figure f =
        new Figure(
            measure,
            shift.assessment(),
            shift.subject(),
            shift.school(),
            shift.group(),
            shift.groupValue(),
            shift.academicYear(),
            shift.term(),
            null,
            null,
            value);
    if (shift.belowReportingThreshold()) {
      f = f.asBelowReportingThreshold();
    }
    return small || shift.suppressed() ? f.asSuppressed() : f;
  }

  private static String key(
      String school,
      String assessment,
      String subject,
      String academicYear,
      String term,
      String cohort) {
    return String.join("|", school, assessment, subject, academicYear, term, cohort);
  }
}
