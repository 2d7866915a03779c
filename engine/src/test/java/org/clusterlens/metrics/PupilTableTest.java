package org.clusterlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.clusterlens.model.Figure;
import org.junit.jupiter.api.Test;

/**
 * The pupil table is counted without Spark (as it would be on an executor, from one partition's
 * rows), and a characteristic that is not known leaves the pupil out of that characteristic's
 * groups rather than counting them as "no".
 */
class PupilTableTest {

  private final List<Row> rows = new ArrayList<>();

  @Test
  void aPupilWhoseDisadvantageIsNotKnownIsInNeitherDisadvantagedGroup() {
    pupil("A1", true, LocalDate.of(2014, 10, 1));
    pupil("A2", false, LocalDate.of(2014, 10, 1));
    pupil("A3", null, LocalDate.of(2014, 10, 1));

    List<Figure> figures = AttainmentMetrics.attainment(PupilTable.of(rows.iterator()));

    assertThat(pupilsIn(figures, Figure.ALL, Figure.ALL)).isEqualTo(3);
    assertThat(pupilsIn(figures, Measures.DISADVANTAGED, Measures.YES)).isEqualTo(1);
    assertThat(pupilsIn(figures, Measures.DISADVANTAGED, Measures.NO)).isEqualTo(1);
  }

  @Test
  void aPupilWhoseBirthDateIsNotKnownHasNoSeasonOfBirth() {
    pupil("A1", true, LocalDate.of(2014, 10, 1));
    pupil("A2", false, null);

    List<Figure> figures = AttainmentMetrics.attainment(PupilTable.of(rows.iterator()));

    assertThat(pupilsIn(figures, Measures.SEASON_OF_BIRTH, "autumn")).isEqualTo(1);
    assertThat(pupilsIn(figures, Measures.SEASON_OF_BIRTH, "summer")).isNull();
  }

  @Test
  void aContextShareIsOfThePupilsWhoseValueIsKnownAndTheOthersAreCountedBesideTheGroups() {
    pupil("A1", true, LocalDate.of(2014, 10, 1));
    pupil("A2", false, LocalDate.of(2014, 10, 1));
    pupil("A3", null, LocalDate.of(2014, 10, 1));
    PupilTable table = PupilTable.of(rows.iterator());

    List<Figure> context = ContextMetrics.compute(table);
    List<Figure> notKnown = NotKnownMetrics.compute(table);

    assertThat(denominatorOf(context, Measures.CONTEXT_PUPILS, "context", Figure.ALL)).isEqualTo(3);
    assertThat(denominatorOf(context, Measures.CONTEXT_PCT_FSM, "context", Figure.ALL))
        .isEqualTo(2);
    assertThat(denominatorOf(notKnown, Measures.PUPILS_NOT_KNOWN, "reading", Measures.FSM))
        .isEqualTo(1);
    assertThat(denominatorOf(notKnown, Measures.PUPILS_NOT_KNOWN, "reading", Measures.GENDER))
        .isNull();
  }

  private static Long denominatorOf(
      List<Figure> figures, String measure, String subject, String group) {
    return figures.stream()
        .filter(
            f ->
                f.measure().equals(measure)
                    && f.school().equals("100001")
                    && f.subject().equals(subject)
                    && f.group().equals(group))
        .map(Figure::denominator)
        .findFirst()
        .orElse(null);
  }

  /** The pupils behind school 100001's % at Level 4+ in reading for a group; null if none. */
  private static Long pupilsIn(List<Figure> figures, String group, String value) {
    return figures.stream()
        .filter(
            f ->
                f.measure().equals(Measures.PCT_LEVEL4_PLUS)
                    && f.school().equals("100001")
                    && f.subject().equals("reading")
                    && f.group().equals(group)
                    && f.groupValue().equals(value))
        .map(Figure::denominator)
        .findFirst()
        .orElse(null);
  }

  /** A Year 6 pupil's KS2 results at Level 4 in reading, writing and maths in summer 2024-25. */
  private void pupil(String upn, Boolean disadvantaged, LocalDate born) {
    for (String subject : List.of("reading", "writing", "maths")) {
      Map<String, Object> v = new HashMap<>();
      v.put("school_urn", "100001");
      v.put("academic_year", "2024-25");
      v.put("term", "summer");
      v.put("upn", upn);
      v.put("assessment", "ks2");
      v.put("scheme", "nc-levels");
      v.put("subject", subject);
      v.put("year_group", 6);
      v.put("points", 27.0);
      v.put("level", 4);
      v.put("standard", 1);
      v.put("gender", "F");
      v.put("fsm", disadvantaged);
      v.put("disadvantaged", disadvantaged);
      v.put("sen", "N");
      v.put("eal", false);
      v.put("ethnicity", "WBRI");
      v.put("date_joined", LocalDate.of(2019, 9, 1));
      v.put("date_of_birth", born);
      rows.add(
          RowFactory.create(Arrays.stream(PupilTable.COLUMNS).map(v::get).toArray(Object[]::new)));
    }
  }
}
