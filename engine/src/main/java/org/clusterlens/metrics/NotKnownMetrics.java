package org.clusterlens.metrics;

import java.util.ArrayList;
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

  /** The not-known counts of the pupils in {@code t}; never null. */
  static List<Figure> compute(PupilTable t) {
    Map<PupilTable.Cell, long[]> cells = new HashMap<>();
    for (int g = 0; g < t.graded; g++) {
      String[] known = t.ptGroups[t.gPupilTerm[g]];
      for (int i = 0; i < GROUPS.size(); i++) {
        if (isKnown(known, GROUPS.get(i))) {
          continue;
        }
        for (int school : new int[] {t.gSchool[g], PupilTable.CLUSTER}) {
          cells
              .computeIfAbsent(
                  new PupilTable.Cell(
                      school,
                      t.gYear[g],
                      t.gTerm[g],
                      t.gAssessment[g],
                      t.gScheme[g],
                      t.gSubject[g],
                      PupilTable.UNKNOWN,
                      Figure.ALL,
                      Figure.ALL),
                  k -> new long[GROUPS.size()])[i]++;
        }
      }
    }
    List<Figure> figures = new ArrayList<>();
    cells.forEach(
        (cell, notKnown) -> {
          for (int i = 0; i < GROUPS.size(); i++) {
            if (notKnown[i] > 0) {
              Figure labels = t.labels(cell);
              figures.add(
                  new Figure(
                          Measures.PUPILS_NOT_KNOWN,
                          labels.assessment(),
                          labels.subject(),
                          labels.school(),
                          GROUPS.get(i),
                          Measures.NOT_KNOWN,
                          labels.academicYear(),
                          labels.term(),
                          null,
                          notKnown[i],
                          notKnown[i])
                      .inScheme(t.schemes.name(cell.scheme())));
            }
          }
        });
    return figures;
  }

  /** Whether the pupil's groups (group, value, group, value, …) hold a value of {@code group}. */
  private static boolean isKnown(String[] groups, String group) {
    for (int i = 0; i < groups.length; i += 2) {
      if (groups[i].equals(group)) {
        return true;
      }
    }
    return false;
  }
}
