package org.clusterlens.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    for (int p = 0; p < t.pupilTerms; p++) {
      List<String> known = Arrays.asList(t.ptGroups[p]);
      for (int i = 0; i < GROUPS.size(); i++) {
        if (!known.contains(GROUPS.get(i))) {
          notKnown[p] |= 1 << i;
        }
      }
    }
    Map<PupilTable.Cell, long[]> cells = new HashMap<>();
    for (int g = 0; g < t.graded; g++) {
      int bits = notKnown[t.gPupilTerm[g]];
      if (bits == 0) {
        continue;
      }
      for (int school : new int[] {t.gSchool[g], PupilTable.CLUSTER}) {
        long[] c =
            cells.computeIfAbsent(
                t.gradedCell(g, school, t.gScheme[g], PupilTable.UNKNOWN, null, null),
                k -> new long[GROUPS.size()]);
        for (int i = 0; i < GROUPS.size(); i++) {
          c[i] += (bits >> i) & 1;
        }
      }
    }
    List<Figure> figures = new ArrayList<>();
    cells.forEach(
        (cell, c) -> {
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
        });
    return figures;
  }
}
