package org.clusterlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Grade;
import org.clusterlens.model.Subject;
import org.clusterlens.scheme.AssessmentScheme;
import org.clusterlens.scheme.Scheme;
import org.clusterlens.scheme.Schemes;
import org.clusterlens.stats.SmallNumberRules;
import org.clusterlens.testing.SharedSpark;
import org.clusterlens.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cluster where one school's KS2 results are scaled scores and writing judgements while the
 * others' are levels: each school's figures are in its own scheme, and the cluster's figure in a
 * scheme pools only the schools that use it. Every count below is worked by hand.
 */
class SchemeFiguresTest {

  private static final List<String> SUBJECTS = List.of("reading", "writing", "maths");
  private static final List<Row> ROWS = new ArrayList<>();
  private static List<Figure> figures;

  /** One KS2 pupil's three results, read as the school's scheme reads them. */
  private static void pupil(String school, String upn, String scheme, String... grades) {
    pupilIn("2024-25", school, upn, scheme, grades);
  }

  /** One KS2 pupil's three results in {@code year}, in the fixture. */
  private static void pupilIn(
      String year, String school, String upn, String scheme, String... grades) {
    ROWS.addAll(rowsOf(year, school, upn, scheme, grades));
  }

  /** One KS2 pupil's three warehouse rows in {@code year}. */
  private static List<Row> rowsOf(
      String year, String school, String upn, String scheme, String... grades) {
    List<Row> rows = new ArrayList<>();
    Scheme s = Schemes.BUILT_IN.byId(scheme).orElseThrow();
    for (int i = 0; i < 3; i++) {
      AssessmentScheme table =
          s.table(Assessment.KS2, Subject.valueOf(SUBJECTS.get(i).toUpperCase())).orElseThrow();
      Grade g = table.read(grades[i]).orElseThrow();
      Map<String, Object> row = new HashMap<>();
      row.put("school_urn", school);
      row.put("academic_year", year);
      row.put("term", "summer");
      row.put("term_id", year + "-summer");
      row.put("upn", upn);
      row.put("date_of_birth", LocalDate.of(2013, 10, 1));
      row.put("gender", "F");
      row.put("year_group", 6);
      row.put("fsm", false);
      row.put("disadvantaged", false);
      row.put("sen", "N");
      row.put("eal", false);
      row.put("assessment", "ks2");
      row.put("subject", SUBJECTS.get(i));
      row.put("grade", g.code());
      row.put("points", g.points());
      row.put("level", g.level());
      row.put("source_file", "f.csv");
      row.put("source_sha256", "sha");
      row.put("stored_at", Timestamp.valueOf("2025-07-20 10:00:00").toInstant());
      row.put("scheme", scheme);
      row.put("standard", g.standard());
      rows.add(
          RowFactory.create(Arrays.stream(Warehouse.SCHEMA.fieldNames()).map(row::get).toArray()));
    }
    return rows;
  }

  @BeforeAll
  static void compute() {
    // Levels: 100001 has RWM Level 4+ 2 of 4 (the third pupil's writing is Level 3) and Level
    // 5+ 1 of 4; 100002 has 2 of 2 and 0 of 2.
    pupil("100001", "A1", "nc-levels", "5", "5", "5");
    pupil("100001", "A2", "nc-levels", "4", "4", "4");
    pupil("100001", "A3", "nc-levels", "4", "3", "4");
    pupil("100001", "A4", "nc-levels", "3", "3", "3");
    pupil("100002", "B1", "nc-levels", "5", "4", "5");
    pupil("100002", "B2", "nc-levels", "4", "4", "4");
    // Scaled scores: the fifth pupil's reading is missing (M), so only four count in RWM.
    pupil("100003", "C1", "ks2-2016", "104", "EXS", "111");
    pupil("100003", "C2", "ks2-2016", "112", "GDS", "110");
    pupil("100003", "C3", "ks2-2016", "99", "EXS", "100");
    pupil("100003", "C4", "ks2-2016", "A", "WTS", "B");
    pupil("100003", "C5", "ks2-2016", "M", "EXS", "101");
    // The year before: 100003 had RWM expected 1 of 4 and higher 0 of 4 in the same scheme;
    // 100001 was on scaled scores then and has levels now, so it has no shift in either.
    pupilIn("2023-24", "100003", "D1", "ks2-2016", "104", "EXS", "104");
    pupilIn("2023-24", "100003", "D2", "ks2-2016", "95", "WTS", "95");
    pupilIn("2023-24", "100003", "D3", "ks2-2016", "95", "EXS", "104");
    pupilIn("2023-24", "100003", "D4", "ks2-2016", "101", "EXS", "99");
    pupilIn("2023-24", "100001", "E1", "ks2-2016", "104", "EXS", "104");
    pupilIn("2023-24", "100001", "E2", "ks2-2016", "104", "EXS", "104");
    figures =
        AttainmentMetrics.compute(
            SharedSpark.session().createDataFrame(ROWS, Warehouse.SCHEMA),
            new SmallNumberRules(11, 1));
  }

  private static Optional<Figure> find(String measure, String subject, String school) {
    return figures.stream()
        .filter(
            f ->
                f.measure().equals(measure)
                    && f.assessment().equals("ks2")
                    && f.subject().equals(subject)
                    && f.school().equals(school)
                    && f.academicYear().equals("2024-25")
                    && f.group().equals(Figure.ALL))
        .findFirst();
  }

  private static String counts(Optional<Figure> f) {
    return f.map(x -> Math.round(x.numerator()) + " of " + x.denominator() + " " + x.scheme())
        .orElse("none");
  }

  @Test
  void theClustersLevelFigurePoolsOnlyTheSchoolsThatUseLevels() {
    assertThat(counts(find(Measures.PCT_LEVEL4_PLUS, "rwm", Figure.CLUSTER)))
        .isEqualTo("4 of 6 nc-levels");
    assertThat(counts(find(Measures.PCT_LEVEL5_PLUS, "rwm", Figure.CLUSTER)))
        .isEqualTo("1 of 6 nc-levels");
    assertThat(counts(find(Measures.PCT_LEVEL4_PLUS, "rwm", "100001")))
        .isEqualTo("2 of 4 nc-levels");
  }

  @Test
  void aSchoolOnScaledScoresHasTheExpectedAndHigherStandardInsteadOfLevels() {
    assertThat(find(Measures.PCT_LEVEL4_PLUS, "rwm", "100003")).isEmpty();
    assertThat(counts(find(Measures.PCT_EXPECTED_PLUS, "rwm", "100003")))
        .isEqualTo("2 of 4 ks2-2016");
    assertThat(counts(find(Measures.PCT_HIGHER_PLUS, "rwm", "100003")))
        .isEqualTo("1 of 4 ks2-2016");
    // Reading: 104 and 112 of 104, 112, 99 and absent; the missing result is left out.
    assertThat(counts(find(Measures.PCT_EXPECTED_PLUS, "reading", "100003")))
        .isEqualTo("2 of 4 ks2-2016");
    // Maths: 111, 110, 100 and 101 reach 100, of five with B; 111 and 110 reach 110.
    assertThat(counts(find(Measures.PCT_EXPECTED_PLUS, "maths", "100003")))
        .isEqualTo("4 of 5 ks2-2016");
    assertThat(counts(find(Measures.PCT_HIGHER_PLUS, "maths", "100003")))
        .isEqualTo("2 of 5 ks2-2016");
  }

  @Test
  void aShiftIsMadeWithinASchemeAndNotAcrossAChangeOfScheme() {
    Figure expected = find(Measures.SHIFT_PCT_EXPECTED_PLUS, "rwm", "100003").orElseThrow();
    assertThat(expected.value()).isEqualTo(25.0);
    assertThat(expected.scheme()).isEqualTo("ks2-2016");
    assertThat(expected.lower()).isNotNull();
    assertThat(find(Measures.SHIFT_PCT_HIGHER_PLUS, "rwm", "100003").orElseThrow().value())
        .isEqualTo(25.0);
    assertThat(find(Measures.SHIFT_PCT_LEVEL4_PLUS, "rwm", "100001")).isEmpty();
    assertThat(find(Measures.SHIFT_PCT_EXPECTED_PLUS, "rwm", "100001")).isEmpty();
  }

  @Test
  void theAverageScaledScoreIsOverThePupilsWithAScore() {
    Figure reading = find(Measures.AVERAGE_SCALED_SCORE, "reading", "100003").orElseThrow();
    assertThat(reading.value()).isEqualTo(105.0);
    assertThat(reading.denominator()).isEqualTo(3L);
    assertThat(find(Measures.AVERAGE_SCALED_SCORE, "maths", "100003").orElseThrow().value())
        .isEqualTo(105.5);
    // Writing is judged, not scored: it has no average.
    assertThat(find(Measures.AVERAGE_SCALED_SCORE, "writing", "100003")).isEmpty();
    assertThat(find(Measures.AVERAGE_POINTS, "writing", "100003")).isEmpty();
  }

  @Test
  void theClustersScaledScoreFigureIsTheOneSchoolThatUsesThem() {
    assertThat(counts(find(Measures.PCT_EXPECTED_PLUS, "rwm", Figure.CLUSTER)))
        .isEqualTo("2 of 4 ks2-2016");
    assertThat(
            figures.stream()
                .filter(f -> f.school().equals(Figure.CLUSTER) && f.group().equals(Figure.ALL))
                .filter(f -> f.academicYear().equals("2024-25"))
                .filter(f -> f.measure().startsWith("pct_"))
                .map(Figure::scheme)
                .distinct())
        .containsExactlyInAnyOrder("nc-levels", "ks2-2016");
  }

  @Test
  void aSmallCohortOnScaledScoresIsWithheldAsASmallCohortInLevelsIs() {
    // With the default rules (groups of fewer than 6 withheld) every school here is too small to
    // publish in 2024-25, whatever scheme its results are in, and so is the cluster's figure in
    // scaled scores, which pools one school; the cluster's six pupils in levels are shown.
    List<Figure> shown =
        AttainmentMetrics.compute(
                SharedSpark.session().createDataFrame(ROWS, Warehouse.SCHEMA),
                SmallNumberRules.DEFAULT)
            .stream()
            .filter(f -> f.assessment().equals("ks2") && f.denominator() != null)
            .filter(f -> f.academicYear().equals("2024-25"))
            .filter(f -> f.measure().startsWith("pct_") || f.measure().startsWith("average_"))
            .filter(f -> !f.suppressed())
            .toList();
    assertThat(shown).extracting(Figure::school).containsOnly(Figure.CLUSTER);
    assertThat(shown).extracting(Figure::scheme).containsOnly("nc-levels");
    assertThat(shown).allSatisfy(f -> assertThat(f.denominator()).isGreaterThanOrEqualTo(6L));
  }

  @Test
  void anAverageOverFewerPupilsThanTheThresholdIsWithheldEvenWhenItsShareIsShown() {
    // Eight pupils count in reading's expected standard, but only three sat the test and have a
    // scaled score (A and B count as not reaching, with no score): the share over eight is
    // published, the average over three is not, in the school or in the cluster it makes alone.
    List<Row> rows = new ArrayList<>();
    String[] reading = {"104", "99", "110", "A", "A", "B", "B", "A"};
    for (int i = 0; i < reading.length; i++) {
      rows.addAll(rowsOf("2024-25", "100010", "F" + i, "ks2-2016", reading[i], "EXS", "105"));
    }
    List<Figure> computed =
        AttainmentMetrics.compute(
            SharedSpark.session().createDataFrame(rows, Warehouse.SCHEMA),
            SmallNumberRules.DEFAULT);
    List<Figure> allPupils =
        computed.stream()
            .filter(f -> f.assessment().equals("ks2") && f.group().equals(Figure.ALL))
            .toList();
    Figure share = only(allPupils, Measures.PCT_EXPECTED_PLUS, "reading", "100010");
    assertThat(share.suppressed()).isFalse();
    assertThat(counts(Optional.of(share))).isEqualTo("2 of 8 ks2-2016");
    for (String school : List.of("100010", Figure.CLUSTER)) {
      Figure average = only(allPupils, Measures.AVERAGE_SCALED_SCORE, "reading", school);
      assertThat(average.suppressed()).as(school).isTrue();
      assertThat(average.publishable().denominator()).as(school).isNull();
      assertThat(average.publishable().value()).as(school).isNaN();
    }
    Figure maths = only(allPupils, Measures.AVERAGE_SCALED_SCORE, "maths", "100010");
    assertThat(maths.suppressed()).isFalse();
    assertThat(maths.value()).isEqualTo(105.0);
  }

  private static Figure only(List<Figure> figures, String measure, String subject, String school) {
    List<Figure> found =
        figures.stream()
            .filter(
                f ->
                    f.measure().equals(measure)
                        && f.subject().equals(subject)
                        && f.school().equals(school))
            .toList();
    assertThat(found).as(measure + " " + subject + " " + school).hasSize(1);
    return found.get(0);
  }
}
