package org.clusterlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.clusterlens.model.Figure;
import org.clusterlens.stats.DisclosureCheck;
import org.clusterlens.stats.PublishedTable;
import org.clusterlens.stats.SmallNumberRules;
import org.junit.jupiter.api.Test;

/**
 * Plays the reader of metrics.csv who tries to get a suppressed group back: from the published
 * school rows, each school's all-pupil row (the row total) and the cluster's row (the column
 * total), and from gaps and shifts built on a suppressed figure.
 */
class PublishedFiguresDisclosureTest {

  private static final List<String> SCHOOLS = List.of("100001", "100002", "100003");

  /** Disadvantaged pupils (Y) and the others (N) at KS2 in 2024-25, per school: met, pupils. */
  private static final Map<String, int[][]> GROUPS =
      Map.of(
          "100001", new int[][] {{1, 2}, {5, 6}},
          "100002", new int[][] {{5, 7}, {10, 13}},
          "100003", new int[][] {{2, 4}, {9, 11}});

  private static Figure share(String school, String group, String value, String year, int[] c) {
    return new Figure(
        Measures.PCT_LEVEL4_PLUS,
        Measures.KS2,
        "rwm",
        school,
        group,
        value,
        year,
        Measures.SUMMER,
        (double) c[0],
        (long) c[1],
        100.0 * c[0] / c[1]);
  }

  private static List<Figure> counted() {
    List<Figure> figures = new ArrayList<>();
    int[] clusterY = new int[2];
    int[] clusterN = new int[2];
    for (String school : SCHOOLS) {
      int[] y = GROUPS.get(school)[0];
      int[] n = GROUPS.get(school)[1];
      figures.add(share(school, Measures.DISADVANTAGED, "Y", "2024-25", y));
      figures.add(share(school, Measures.DISADVANTAGED, "N", "2024-25", n));
      figures.add(share(school, "all", "all", "2024-25", new int[] {y[0] + n[0], y[1] + n[1]}));
      // Last year the first school had 4 pupils, 3 at Level 4; the others 20, 15 at Level 4.
      figures.add(
          share(
              school,
              "all",
              "all",
              "2023-24",
              school.equals("100001") ? new int[] {3, 4} : new int[] {15, 20}));
      for (int i = 0; i < 2; i++) {
        clusterY[i] += y[i];
        clusterN[i] += n[i];
      }
    }
    figures.add(share(Figure.CLUSTER, Measures.DISADVANTAGED, "Y", "2024-25", clusterY));
    figures.add(share(Figure.CLUSTER, Measures.DISADVANTAGED, "N", "2024-25", clusterN));
    figures.add(
        share(
            Figure.CLUSTER,
            "all",
            "all",
            "2024-25",
            new int[] {clusterY[0] + clusterN[0], clusterY[1] + clusterN[1]}));
    figures.add(share(Figure.CLUSTER, "all", "all", "2023-24", new int[] {33, 44}));
    return figures;
  }

  private static List<Figure> published() {
    List<Figure> figures = counted();
    SmallNumberRules rules = SmallNumberRules.DEFAULT;
    List<Figure> derived = new ArrayList<>(ThresholdShifts.of(figures, rules));
    derived.addAll(GroupGaps.of(figures, rules));
    figures.addAll(derived);
    return Screening.screen(figures, rules);
  }

  private static Figure find(List<Figure> figures, String measure, String school, String value) {
    return figures.stream()
        .filter(
            f ->
                f.measure().equals(measure)
                    && f.school().equals(school)
                    && f.groupValue().equals(value)
                    && f.academicYear().equals("2024-25"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void noSuppressedGroupCanBeWorkedOutFromTheSchoolAndClusterTotals() {
    List<Figure> figures = published();
    for (String what : List.of("pupils", "met")) {
      List<List<OptionalInt>> cells = new ArrayList<>();
      List<Integer> rowTotals = new ArrayList<>();
      for (String school : SCHOOLS) {
        List<OptionalInt> row = new ArrayList<>();
        for (String value : List.of("Y", "N")) {
          Figure f = find(figures, Measures.PCT_LEVEL4_PLUS, school, value);
          row.add(f.suppressed() ? OptionalInt.empty() : OptionalInt.of(count(f, what)));
        }
        cells.add(row);
        rowTotals.add(count(find(figures, Measures.PCT_LEVEL4_PLUS, school, "all"), what));
      }
      List<Integer> columnTotals =
          List.of(
              count(find(figures, Measures.PCT_LEVEL4_PLUS, Figure.CLUSTER, "Y"), what),
              count(find(figures, Measures.PCT_LEVEL4_PLUS, Figure.CLUSTER, "N"), what));

      PublishedTable table = new PublishedTable(cells, rowTotals, columnTotals);

      assertThat(DisclosureCheck.recoverable(table)).as(what).isEmpty();
    }
    // Two schools' disadvantaged groups (2 and 4 pupils) are withheld, and with them their other
    // pupils (6 and 11), which the school totals would otherwise give away.
    assertThat(figures)
        .filteredOn(
            f ->
                f.suppressed()
                    && f.measure().equals(Measures.PCT_LEVEL4_PLUS)
                    && f.academicYear().equals("2024-25"))
        .extracting(f -> f.school() + " " + f.groupValue())
        .containsExactlyInAnyOrder("100001 Y", "100001 N", "100003 Y", "100003 N");
  }

  @Test
  void aGapBuiltOnASuppressedGroupIsSuppressedWithIt() {
    List<Figure> figures = published();

    assertThat(find(figures, Measures.GAP_PCT_LEVEL4_PLUS, "100001", "Y").suppressed()).isTrue();
    assertThat(find(figures, Measures.GAP_PCT_LEVEL4_PLUS, "100002", "Y").suppressed()).isFalse();
    // Seven disadvantaged pupils: published, but too few to compare or flag.
    assertThat(find(figures, Measures.GAP_PCT_LEVEL4_PLUS, "100002", "Y").belowReportingThreshold())
        .isTrue();
    assertThat(find(figures, Measures.GAP_PCT_LEVEL4_PLUS, "100002", "Y").adjustedPValue())
        .isNull();
  }

  @Test
  void aShiftCannotGiveBackLastYearsSuppressedCohort() {
    List<Figure> figures = published();
    Figure lastYear =
        figures.stream()
            .filter(
                f ->
                    f.measure().equals(Measures.PCT_LEVEL4_PLUS)
                        && f.school().equals("100001")
                        && f.academicYear().equals("2023-24"))
            .findFirst()
            .orElseThrow();

    // Four pupils last year: withheld, and with it the change since then, which added to this
    // year's published 60% would give last year's back.
    assertThat(lastYear.suppressed()).isTrue();
    assertThat(find(figures, Measures.SHIFT_PCT_LEVEL4_PLUS, "100001", "all").suppressed())
        .isTrue();
    // Another school's cohort is withheld too, so the cluster's total cannot give it back.
    assertThat(figures)
        .filteredOn(
            f ->
                f.measure().equals(Measures.PCT_LEVEL4_PLUS)
                    && f.academicYear().equals("2023-24")
                    && f.suppressed())
        .hasSize(2);
    // The shifts of both withheld cohorts are withheld; the third school's is published.
    assertThat(figures)
        .filteredOn(
            f ->
                f.measure().equals(Measures.SHIFT_PCT_LEVEL4_PLUS)
                    && !f.school().equals(Figure.CLUSTER))
        .extracting(Figure::suppressed)
        .containsExactlyInAnyOrder(true, true, false);
  }

  @Test
  void everyPublishedShareCarriesWhatOnePupilIsWorth() {
    Figure f = find(published(), Measures.PCT_LEVEL4_PLUS, "100002", "N");

    assertThat(f.pupilWeight()).isEqualTo(100.0 / 13);
    assertThat(find(published(), Measures.GAP_PCT_LEVEL4_PLUS, "100002", "Y").pupilWeight())
        .isEqualTo(100.0 / 7);
  }

  private static int count(Figure f, String what) {
    return what.equals("pupils")
        ? Math.toIntExact(f.denominator())
        : (int) Math.round(f.numerator());
  }

  /** A context figure: {@code with} of {@code pupils}, or the pupils themselves. */
  private static Figure context(String measure, String school, String term, long with, long n) {
    return new Figure(
        measure,
        Measures.CONTEXT,
        Measures.CONTEXT,
        school,
        Figure.ALL,
        Figure.ALL,
        "2024-25",
        term,
        (double) with,
        n,
        100.0 * with / n);
  }

  /**
   * Autumn: three schools of 30, 40 and 25 pupils with 3, 12 and 8 eligible for FSM. Spring: the
   * first school's return has only 4 pupils.
   */
  private static List<Figure> publishedContext() {
    long[] pupils = {30, 40, 25};
    long[] fsm = {3, 12, 8};
    List<Figure> figures = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String school = SCHOOLS.get(i);
      figures.add(context(Measures.CONTEXT_PUPILS, school, "autumn", pupils[i], pupils[i]));
      figures.add(context(Measures.CONTEXT_PCT_FSM, school, "autumn", fsm[i], pupils[i]));
      long spring = i == 0 ? 4 : pupils[i];
      figures.add(context(Measures.CONTEXT_PUPILS, school, "spring", spring, spring));
      figures.add(context(Measures.CONTEXT_PCT_FSM, school, "spring", i == 0 ? 2 : fsm[i], spring));
    }
    figures.add(context(Measures.CONTEXT_PUPILS, Figure.CLUSTER, "autumn", 95, 95));
    figures.add(context(Measures.CONTEXT_PCT_FSM, Figure.CLUSTER, "autumn", 23, 95));
    figures.add(context(Measures.CONTEXT_PUPILS, Figure.CLUSTER, "spring", 69, 69));
    figures.add(context(Measures.CONTEXT_PCT_FSM, Figure.CLUSTER, "spring", 22, 69));
    return Screening.screen(figures, SmallNumberRules.DEFAULT);
  }

  private static Figure contextFigure(
      List<Figure> figures, String measure, String school, String term) {
    return figures.stream()
        .filter(
            f -> f.measure().equals(measure) && f.school().equals(school) && f.term().equals(term))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void noWithheldContextCountCanBeWorkedOutFromThePupilsOrTheCluster() {
    List<Figure> figures = publishedContext();
    // Cells: FSM and not FSM per school; rows add to the school's pupils, columns to the cluster's.
    List<List<OptionalInt>> cells = new ArrayList<>();
    List<Integer> rowTotals = new ArrayList<>();
    for (String school : SCHOOLS) {
      Figure f = contextFigure(figures, Measures.CONTEXT_PCT_FSM, school, "autumn");
      Figure n = contextFigure(figures, Measures.CONTEXT_PUPILS, school, "autumn");
      int with = f.suppressed() ? -1 : (int) Math.round(f.numerator());
      int all = Math.toIntExact(n.denominator());
      cells.add(
          f.suppressed()
              ? List.of(OptionalInt.empty(), OptionalInt.empty())
              : List.of(OptionalInt.of(with), OptionalInt.of(all - with)));
      rowTotals.add(all);
    }
    Figure cluster = contextFigure(figures, Measures.CONTEXT_PCT_FSM, Figure.CLUSTER, "autumn");
    int clusterWith = (int) Math.round(cluster.numerator());
    PublishedTable table =
        new PublishedTable(
            cells,
            rowTotals,
            List.of(clusterWith, Math.toIntExact(cluster.denominator()) - clusterWith));

    assertThat(DisclosureCheck.recoverable(table)).isEmpty();
    // Three FSM pupils in the first school are withheld, and so is the second smallest count
    // (the third school's 8), or the cluster's 23 would give the 3 back; the pupils stay shown.
    assertThat(figures)
        .filteredOn(
            f ->
                f.suppressed()
                    && f.term().equals("autumn")
                    && f.measure().equals(Measures.CONTEXT_PCT_FSM))
        .extracting(Figure::school)
        .containsExactlyInAnyOrder("100001", "100003");
    assertThat(contextFigure(figures, Measures.CONTEXT_PUPILS, "100001", "autumn").suppressed())
        .isFalse();
  }

  @Test
  void aReturnOfFourPupilsIsWithheldWithTheNextSmallestSchool() {
    List<Figure> figures = publishedContext();

    // Spring: 4, 40 and 25 pupils. The 4 are withheld, and the 25 with them, so the cluster's 69
    // gives only their sum.
    assertThat(figures)
        .filteredOn(f -> f.suppressed() && f.term().equals("spring"))
        .extracting(f -> f.measure() + " " + f.school())
        .containsExactlyInAnyOrder(
            "context_pupils 100001",
            "context_pct_fsm 100001",
            "context_pupils 100003",
            "context_pct_fsm 100003");
  }
}
