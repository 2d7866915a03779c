package org.clusterlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.clusterlens.model.Figure;
import org.clusterlens.testing.SharedSpark;
import org.clusterlens.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Progress, value added, context and term shifts on a hand-built cluster of two schools, each
 * number worked out by hand in the comments.
 */
class ProgressAndContextTest {

  private static List<Figure> figures;

  private static final List<Row> ROWS = new ArrayList<>();

  /** One warehouse row. */
  private static void row(
      String school,
      String year,
      String term,
      String upn,
      int yearGroup,
      boolean disadvantaged,
      String sen,
      String assessment,
      String subject,
      Double points,
      Integer level,
      LocalDate joined) {
    ROWS.add(
        RowFactory.create(
            school,
            year,
            term,
            year + "-" + term,
            upn,
            LocalDate.of(2013, 10, 1),
            "F",
            yearGroup,
            false,
            disadvantaged,
            sen,
            false,
            assessment,
            subject,
            points == null ? null : "x",
            points,
            level,
            "f.csv",
            "sha",
            Timestamp.valueOf("2025-07-20 10:00:00").toInstant(),
            "WBRI",
            joined,
            null));
  }

  /** A pupil's three teacher grades (same points in each subject) in one term. */
  private static void teacher(
      String school, String year, String term, String upn, int yearGroup, double points) {
    for (String subject : List.of("reading", "writing", "maths")) {
      row(
          school,
          year,
          term,
          upn,
          yearGroup,
          false,
          "N",
          "teacher",
          subject,
          points,
          (int) ((points - 3) / 6),
          LocalDate.of(2019, 9, 1));
    }
  }

  /** KS1 and KS2 results in one subject (reading) for a Year 6 pupil in summer 2024-25. */
  private static void results(
      String school,
      String upn,
      boolean disadvantaged,
      int ks1Level,
      double ks1Points,
      int ks2Level,
      double ks2Points) {
    for (String subject : List.of("reading", "writing", "maths")) {
      row(
          school,
          "2024-25",
          "summer",
          upn,
          6,
          disadvantaged,
          "N",
          "ks1",
          subject,
          ks1Points,
          ks1Level,
          LocalDate.of(2020, 9, 1));
    }
    row(
        school,
        "2024-25",
        "summer",
        upn,
        6,
        disadvantaged,
        "N",
        "ks2",
        "reading",
        ks2Points,
        ks2Level,
        LocalDate.of(2020, 9, 1));
  }

  @BeforeAll
  static void compute() {
    SparkSession spark = SharedSpark.session();
    // Teacher assessment, school A, Year 4: autumn 21, 21; spring 23, 27 → gains 2 and 6, mean 4.
    teacher("100001", "2024-25", "autumn", "A850000000001", 4, 21);
    teacher("100001", "2024-25", "autumn", "A850000000002", 4, 21);
    teacher("100001", "2024-25", "spring", "A850000000001", 4, 23);
    teacher("100001", "2024-25", "spring", "A850000000002", 4, 27);
    // KS2 reading, school A: KS1 2B (15, L2) → L4 (27) and L5 (33): both expected progress; KS1
    // 3 (21, L3) → L4 (27): not. School B: KS1 2B → L3 (21): not; KS1 1 (9, L1) → L3: yes.
    results("100001", "B850000000001", true, 2, 15, 4, 27);
    results("100001", "B850000000002", false, 2, 15, 5, 33);
    results("100001", "B850000000003", false, 3, 21, 4, 27);
    results("100002", "B850000000004", true, 2, 15, 3, 21);
    results("100002", "B850000000005", false, 1, 9, 3, 21);
    List<Row> rows = new ArrayList<>(ROWS);
    figures =
        AttainmentMetrics.compute(
            spark.createDataFrame(rows, Warehouse.SCHEMA),
            new org.clusterlens.stats.SmallNumberRules(11, 1));
  }

  private static Figure find(String measure, String assessment, String school, String term) {
    return figures.stream()
        .filter(
            f ->
                f.measure().equals(measure)
                    && f.assessment().equals(assessment)
                    && f.school().equals(school)
                    && f.term().equals(term)
                    && f.group().equals(Figure.ALL)
                    && f.subject().equals("reading"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No " + measure + " for " + school));
  }

  @Test
  void pointsGainedSinceLastTermAreAveragedOverPupilsAssessedInBoth() {
    Figure gain = find(Measures.PROGRESS_POINTS_TERM, "teacher", "100001", "spring");

    assertThat(gain.denominator()).isEqualTo(2L);
    assertThat(gain.value()).isEqualTo(4.0);
    // s = √8 = 2.828; t(1) at 97.5% = 12.706; 4 ± 12.706·2.828/√2 = 4 ± 25.41.
    assertThat(gain.lower()).isCloseTo(-21.41, within(0.01));
    assertThat(gain.upper()).isCloseTo(29.41, within(0.01));
  }

  @Test
  void expectedProgressIsTwoWholeLevelsFromKs1() {
    assertThat(find(Measures.PCT_EXPECTED_PROGRESS, "ks2", "100001", "summer").numerator())
        .isEqualTo(2.0);
    assertThat(find(Measures.PCT_EXPECTED_PROGRESS, "ks2", "100002", "summer").numerator())
        .isEqualTo(1.0);
    assertThat(find(Measures.PCT_EXPECTED_PROGRESS, "ks2", Figure.CLUSTER, "summer").value())
        .isEqualTo(60.0);
  }

  @Test
  void valueAddedComparesEachPupilWithTheClustersPupilsOfTheSameBand() {
    // Bands from KS1 APS: 15 → middle (27, 33, 21: mean 27); 21 → high (27); 9 → low (21).
    // Pupil VA: 0, +6, 0 at school A (mean 2); −6, 0 at school B (mean −3).
    Figure a = find(Measures.VALUE_ADDED, "ks2", "100001", "summer");
    Figure b = find(Measures.VALUE_ADDED, "ks2", "100002", "summer");

    assertThat(a.value()).isCloseTo(2.0, within(1e-9));
    assertThat(b.value()).isCloseTo(-3.0, within(1e-9));
    // σ over the cluster's five pupil VAs (0, 6, 0, −6, 0): √(72/4) = 4.243; A: 2 ± 1.96·4.243/√3.
    assertThat(a.upper() - a.value())
        .isCloseTo(1.959964 * Math.sqrt(18) / Math.sqrt(3), within(1e-6));
  }

  @Test
  void contextCountsEachPupilOnceAndTermShiftsFollowTheSameYearGroup() {
    Figure disadvantaged =
        figures.stream()
            .filter(
                f ->
                    f.measure().equals(Measures.CONTEXT_PCT_DISADVANTAGED)
                        && f.school().equals("100001")
                        && f.term().equals("summer"))
            .findFirst()
            .orElseThrow();
    assertThat(disadvantaged.subject()).isEqualTo("context");
    assertThat(disadvantaged.numerator()).isEqualTo(1.0);
    assertThat(disadvantaged.denominator()).isEqualTo(3L);
    // Year 4 reading at Level 4+: autumn 0 of 2 (21 is level 3), spring 1 of 2 (27 is level 4).
    Figure shift =
        figures.stream()
            .filter(
                f ->
                    f.measure().equals(Measures.TERM_SHIFT_PCT_LEVEL4_PLUS)
                        && f.school().equals("100001")
                        && f.subject().equals("reading")
                        && f.groupValue().equals("4"))
            .findFirst()
            .orElseThrow();
    assertThat(shift.value()).isEqualTo(50.0);
    assertThat(shift.term()).isEqualTo("spring");
    assertThat(shift.belowReportingThreshold()).isTrue();
    assertThat(shift.adjustedPValue()).isNull();
  }
}
