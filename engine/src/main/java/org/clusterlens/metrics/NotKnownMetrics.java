package org.clusterlens.metrics;

import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import org.clusterlens.model.Figure;

/**
 * How many pupils' value of each characteristic's pupil group ({@link #GROUPS}) is not known,
 * beside the group's figures: per school and the cluster, year, term, assessment, scheme and
 * subject, the pupils counted in the all-pupil figure (a counted grade in the subject) whose value
 * is null in the warehouse, so they are in none of the group's values. Measure {@link
 * Measures#PUPILS_NOT_KNOWN}, group the pupil group, value {@link Measures#NOT_KNOWN}; denominator
 * and value the pupils not known. No figure where every pupil's value is known. With these, a
 * group's values and its pupils not known add to the all-pupil figure, and the not-known pupils are
 * a cell of the group's suppression table like any value (see {@link LinkedTables}).
 */
final class NotKnownMetrics {

  /**
   * The groups made from the characteristics a return may leave out or leave empty. Prior
   * attainment, mobility and ethnicity are not known for many pupils by their nature (no KS1 result
   * yet; optional columns): their not-known pupils are not published, and suppression protects them
   * as withheld counts.
   */
  static final List<String> GROUPS =
      List.of(
          Measures.DISADVANTAGED,
          Measures.FSM,
          Measures.SEN,
          Measures.EAL,
          Measures.GENDER,
          Measures.SEASON_OF_BIRTH);

  private NotKnownMetrics() {}

  /** The not-known counts of the graded pupils in {@code t}; unordered, never null. */
  static List<Figure> compute(PupilTable t) {
    // Per pupil in a term: which of GROUPS are not known, as bits.
    int[] notKnown = new int[t.pupilTerms];
    int everyGroup = (1 << GROUPS.size()) - 1;
    for (int p = 0; p < t.pupilTerms; p++) {
      int known = 0;
      for (int pupilGroup : t.ptGroups[p]) {
        int i = GROUPS.indexOf(t.pupilGroups.group(pupilGroup));
        if (i >= 0) {
          known |= 1 << i;
        }
      }
      notKnown[p] = everyGroup & ~known;
    }
    Long2ObjectOpenHashMap<long[]> cells = new Long2ObjectOpenHashMap<>();
    for (int g = 0; g < t.graded; g++) {
      int bits = notKnown[t.gPupilTerm[g]];
      if (bits == 0) {
        continue;
      }
      for (int school : new int[] {t.gSchool[g], PupilTable.CLUSTER}) {
        long key = t.gradedKey(g, school, t.gScheme[g], PupilTable.UNKNOWN, PupilTable.UNKNOWN);
        long[] c = cells.computeIfAbsent(key, k -> new long[GROUPS.size()]);
        for (int i = 0; i < GROUPS.size(); i++) {
          c[i] += (bits >> i) & 1;
        }
      }
    }
    List<Figure> figures = new ArrayList<>();
    for (Long2ObjectMap.Entry<long[]> e : cells.long2ObjectEntrySet()) {
      PupilTable.Cell cell = t.cell(e.getLongKey());
      long[] c = e.getValue();
      for (int i = 0; i < GROUPS.size(); i++) {
        if (c[i] > 0) {
          PupilTable.Cell labels =
              new PupilTable.Cell(
                  cell.school(),
                  cell.year(),
                  cell.term(),
                  cell.assessment(),
                  cell.scheme(),
                  cell.subject(),
                  cell.extra(),
                  GROUPS.get(i),
                  Measures.NOT_KNOWN);
          figures.add(
              Derived.like(
                  t.labels(labels).inScheme(t.schemes.name(cell.scheme())),
                  Measures.PUPILS_NOT_KNOWN,
                  null,
                  c[i],
                  c[i]));
        }
      }
    }
    return figures;
  }
}
