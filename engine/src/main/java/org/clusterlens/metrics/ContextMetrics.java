package org.clusterlens.metrics;

import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import org.clusterlens.model.Figure;

/**
 * Each school's context in each term, and the cluster's pooled: pupils on the return, and the
 * percentage eligible for FSM, disadvantaged, with SEN (support or EHC plan), with EAL, and stable
 * (on roll since the previous academic year began, see {@link PupilTable#stableBy}). Each
 * percentage is of the pupils whose value is known (its denominator), so the pupils on the return
 * less that denominator are those not known; none is made when no pupil's value is known. These
 * figures carry assessment {@code context}, subject {@code context} and group {@code all}.
 */
final class ContextMetrics {

  private ContextMetrics() {}

  /** Pupils on the return and those with each characteristic, in one school or the cluster. */
  private static final class Counts {
    long pupils;
    long fsm;
    long fsmKnown;
    long disadvantaged;
    long disadvantagedKnown;
    long sen;
    long senKnown;
    long eal;
    long ealKnown;
    long joiningKnown;
    long stable;
  }

  /** The context figures of the pupils in {@code t}; never null. */
  static List<Figure> compute(PupilTable t) {
    Long2ObjectOpenHashMap<Counts> cells = new Long2ObjectOpenHashMap<>();
    for (int p = 0; p < t.pupilTerms; p++) {
      for (int school : new int[] {t.ptSchool[p], PupilTable.CLUSTER}) {
        long key =
            CellKey.of(
                school,
                t.ptYear[p],
                t.ptTerm[p],
                PupilTable.UNKNOWN,
                PupilTable.UNKNOWN,
                PupilTable.UNKNOWN,
                PupilTable.UNKNOWN,
                t.allPupils);
        Counts c = cells.computeIfAbsent(key, k -> new Counts());
        c.pupils++;
        c.fsm += t.ptFsm[p] == 1 ? 1 : 0;
        c.fsmKnown += t.ptFsm[p] == PupilTable.UNKNOWN ? 0 : 1;
        c.disadvantaged += t.ptDisadvantaged[p] == 1 ? 1 : 0;
        c.disadvantagedKnown += t.ptDisadvantaged[p] == PupilTable.UNKNOWN ? 0 : 1;
        c.sen += t.ptSen[p] != null && !t.ptSen[p].equals(Measures.NO) ? 1 : 0;
        c.senKnown += t.ptSen[p] == null ? 0 : 1;
        c.eal += t.ptEal[p] == 1 ? 1 : 0;
        c.ealKnown += t.ptEal[p] == PupilTable.UNKNOWN ? 0 : 1;
        if (t.ptJoined[p] != Integer.MIN_VALUE) {
          c.joiningKnown++;
          long stableBy = PupilTable.stableBy(t.years.name(t.ptYear[p])).toEpochDay();
          c.stable += t.ptJoined[p] <= stableBy ? 1 : 0;
        }
      }
    }
    List<Figure> figures = new ArrayList<>();
    for (Long2ObjectMap.Entry<Counts> e : cells.long2ObjectEntrySet()) {
      Counts c = e.getValue();
      // Context is about pupils, not grades: it belongs to no scheme.
      Figure labels = t.labels(t.cell(e.getLongKey())).inScheme(null);
      figures.add(figure(labels, Measures.CONTEXT_PUPILS, null, c.pupils, c.pupils));
      addShareOfKnown(figures, labels, Measures.CONTEXT_PCT_FSM, c.fsm, c.fsmKnown);
      addShareOfKnown(
          figures,
          labels,
          Measures.CONTEXT_PCT_DISADVANTAGED,
          c.disadvantaged,
          c.disadvantagedKnown);
      addShareOfKnown(figures, labels, Measures.CONTEXT_PCT_SEN, c.sen, c.senKnown);
      addShareOfKnown(figures, labels, Measures.CONTEXT_PCT_EAL, c.eal, c.ealKnown);
      addShareOfKnown(figures, labels, Measures.CONTEXT_PCT_STABLE, c.stable, c.joiningKnown);
    }
    return figures;
  }

  /**
   * The share of the pupils whose value is known: its denominator says how many are known, so
   * {@code context_pupils} less it is how many are not. No figure when no pupil's value is known.
   */
  private static void addShareOfKnown(
      List<Figure> figures, Figure labels, String measure, long met, long known) {
    if (known > 0) {
      figures.add(share(labels, measure, met, known));
    }
  }

  private static Figure share(Figure labels, String measure, long met, long pupils) {
    return AttainmentMetrics.withInterval(
        figure(labels, measure, (double) met, pupils, 100.0 * met / pupils));
  }

  private static Figure figure(
      Figure labels, String measure, Double numerator, long denominator, double value) {
    return Derived.like(labels, measure, numerator, denominator, value);
  }
}
