package org.clusterlens.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clusterlens.model.Figure;

/**
 * Each school's context in each term, and the cluster's pooled: pupils on the return, and the
 * percentage eligible for FSM, disadvantaged, with SEN (support or EHC plan), with EAL, and stable
 * (on roll since the previous academic year began, see {@link PupilTable#stableBy}; only pupils
 * whose joining date is known count). These figures carry assessment {@code context}, subject
 * {@code context} and group {@code all}.
 */
final class ContextMetrics {

  private ContextMetrics() {}

  /** Pupils on the return and those with each characteristic, in one school or the cluster. */
  private static final class Counts {
    long pupils;
    long fsm;
    long disadvantaged;
    long sen;
    long eal;
    long joiningKnown;
    long stable;
  }

  /** The context figures of the pupils in {@code t}; never null. */
  static List<Figure> compute(PupilTable t) {
    Map<PupilTable.Cell, Counts> cells = new HashMap<>();
    for (int p = 0; p < t.pupilTerms; p++) {
      for (int school : new int[] {t.ptSchool[p], PupilTable.CLUSTER}) {
        Counts c =
            cells.computeIfAbsent(
                new PupilTable.Cell(
                    school,
                    t.ptYear[p],
                    t.ptTerm[p],
                    PupilTable.UNKNOWN,
                    PupilTable.UNKNOWN,
                    PupilTable.UNKNOWN,
                    PupilTable.UNKNOWN,
                    Figure.ALL,
                    Figure.ALL),
                k -> new Counts());
        c.pupils++;
        c.fsm += t.ptFsm[p] == 1 ? 1 : 0;
        c.disadvantaged += t.ptDisadvantaged[p] == 1 ? 1 : 0;
        c.sen += t.ptSen[p] != null && !t.ptSen[p].equals(Measures.NO) ? 1 : 0;
        c.eal += t.ptEal[p] == 1 ? 1 : 0;
        if (t.ptJoined[p] != Integer.MIN_VALUE) {
          c.joiningKnown++;
          long stableBy = PupilTable.stableBy(t.years.name(t.ptYear[p])).toEpochDay();
          c.stable += t.ptJoined[p] <= stableBy ? 1 : 0;
        }
      }
    }
    List<Figure> figures = new ArrayList<>();
    cells.forEach(
        (cell, c) -> {
          // Context is about pupils, not grades: it belongs to no scheme.
          Figure labels = t.labels(cell).inScheme(null);
          figures.add(figure(labels, Measures.CONTEXT_PUPILS, null, c.pupils, c.pupils));
          figures.add(share(labels, Measures.CONTEXT_PCT_FSM, c.fsm, c.pupils));
          figures.add(share(labels, Measures.CONTEXT_PCT_DISADVANTAGED, c.disadvantaged, c.pupils));
          figures.add(share(labels, Measures.CONTEXT_PCT_SEN, c.sen, c.pupils));
          figures.add(share(labels, Measures.CONTEXT_PCT_EAL, c.eal, c.pupils));
          if (c.joiningKnown > 0) {
            figures.add(share(labels, Measures.CONTEXT_PCT_STABLE, c.stable, c.joiningKnown));
          }
        });
    return figures;
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
