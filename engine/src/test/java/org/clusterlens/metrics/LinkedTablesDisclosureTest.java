package org.clusterlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clusterlens.model.Figure;
import org.clusterlens.stats.SmallNumberRules;
import org.junit.jupiter.api.Test;

/**
 * A reader of the published figures adds and subtracts across groups, schools and the cluster
 * (issue 17): no withheld count may come back, by {@link PublishedFiguresAuditor}.
 */
class LinkedTablesDisclosureTest {

  private static Figure share(String school, String group, String value, int met, int pupils) {
    return new Figure(
        Measures.PCT_LEVEL4_PLUS,
        Measures.KS2,
        "maths",
        school,
        group,
        value,
        "2023-24",
        Measures.SUMMER,
        (double) met,
        (long) pupils,
        100.0 * met / pupils);
  }

  /**
   * The demo's KS2 maths 2023-24 by SEN: three schools whose EHC-plan pupils (2, 1 and 1, none at
   * Level 4) are withheld with their SEN support pupils; the cluster has 171 of 201 at Level 4, SEN
   * support 13 of 22 and no SEN 158 of 175, so its 4 EHC-plan pupils follow by subtraction unless
   * the cluster's row is protected too.
   */
  private static List<Figure> demoSen() {
    int[][] rows = {
      // N met, N pupils, K met, K pupils, E met, E pupils
      {55, 60, 5, 8, 0, 2}, {60, 65, 4, 7, 0, 1}, {43, 50, 4, 7, 0, 1}, {158, 175, 13, 22, 0, 4}
    };
    List<String> schools = List.of("100001", "100002", "100003", Figure.CLUSTER);
    List<Figure> figures = new ArrayList<>();
    for (int s = 0; s < schools.size(); s++) {
      int[] r = rows[s];
      String school = schools.get(s);
      figures.add(share(school, Measures.SEN, "N", r[0], r[1]));
      figures.add(share(school, Measures.SEN, "K", r[2], r[3]));
      figures.add(share(school, Measures.SEN, "E", r[4], r[5]));
      figures.add(share(school, Figure.ALL, Figure.ALL, r[0] + r[2] + r[4], r[1] + r[3] + r[5]));
    }
    return figures;
  }

  private static List<Figure> published(List<Figure> figures) {
    return Screening.screenBeforeSelection(figures, SmallNumberRules.DEFAULT);
  }

  private static Figure find(List<Figure> figures, String school, String value) {
    return figures.stream()
        .filter(f -> f.school().equals(school) && f.groupValue().equals(value))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Two schools' KS2 maths by FSM where some pupils' FSM is not recorded: school 100001 has 3 FSM
   * pupils (2 at Level 4), 40 others (30) and 2 not known (1); school 100002 has 10 FSM pupils (6),
   * 30 others (20), all known. The not-known counts are published as {@code pupils_not_known}.
   */
  private static List<Figure> fsmWithPupilsNotKnown() {
    int[][] rows = {
      // Y met, Y pupils, N met, N pupils, not known met, not known pupils
      {2, 3, 30, 40, 1, 2}, {6, 10, 20, 30, 0, 0}, {8, 13, 50, 70, 1, 2}
    };
    List<String> schools = List.of("100001", "100002", Figure.CLUSTER);
    List<Figure> figures = new ArrayList<>();
    for (int s = 0; s < schools.size(); s++) {
      int[] r = rows[s];
      String school = schools.get(s);
      figures.add(share(school, Measures.FSM, Measures.YES, r[0], r[1]));
      figures.add(share(school, Measures.FSM, Measures.NO, r[2], r[3]));
      figures.add(share(school, Figure.ALL, Figure.ALL, r[0] + r[2] + r[4], r[1] + r[3] + r[5]));
      if (r[5] > 0) {
        figures.add(
            new Figure(
                Measures.PUPILS_NOT_KNOWN,
                Measures.KS2,
                "maths",
                school,
                Measures.FSM,
                Measures.NOT_KNOWN,
                "2023-24",
                Measures.SUMMER,
                null,
                (long) r[5],
                r[5]));
      }
    }
    return figures;
  }

  @Test
  void aPublishedCountOfPupilsNotKnownWouldGiveBackAWithheldGroupUnlessItIsProtectedToo() {
    // Only the small groups withheld: all (45) − others (40) − not known (2) = the 3 FSM pupils.
    List<Figure> naive = new ArrayList<>();
    for (Figure f : fsmWithPupilsNotKnown()) {
      boolean small = f.denominator() < 6 && !f.measure().equals(Measures.PUPILS_NOT_KNOWN);
      naive.add(small ? f.asSuppressed() : f);
    }
    assertThat(PublishedFiguresAuditor.audit(naive))
        .extracting(PublishedFiguresAuditor.Recovered::toString)
        .contains("pct_level4_plus|ks2|nc-levels|2023-24|summer|maths 100001 fsm=Y: pupils = 3.0");

    List<Figure> figures = published(fsmWithPupilsNotKnown());

    assertThat(PublishedFiguresAuditor.audit(figures)).isEmpty();
    assertThat(figures)
        .filteredOn(f -> f.measure().equals(Measures.PUPILS_NOT_KNOWN))
        .allSatisfy(f -> assertThat(f.suppressed()).as(f.school()).isTrue());
  }

  @Test
  void theAuditorWorksOutTheClustersEhcPlanPupilsWhenOnlyTheirOwnRowIsWithheld() {
    List<Figure> figures = new ArrayList<>();
    for (Figure f : demoSen()) {
      boolean small = f.denominator() < 6;
      boolean support = f.groupValue().equals("K") && !f.school().equals(Figure.CLUSTER);
      figures.add(small || support ? f.asSuppressed() : f);
    }

    assertThat(PublishedFiguresAuditor.audit(figures))
        .extracting(PublishedFiguresAuditor.Recovered::toString)
        .containsExactlyInAnyOrder(
            "pct_level4_plus|ks2|nc-levels|2023-24|summer|maths CLUSTER sen=E: pupils = 4.0",
            "pct_level4_plus|ks2|nc-levels|2023-24|summer|maths CLUSTER sen=E: numerator = 0.0",
            "pct_level4_plus|ks2|nc-levels|2023-24|summer|maths CLUSTER sen=E: not reaching = 4.0");
  }

  @Test
  void theClustersOwnRowCannotGiveBackItsWithheldEhcPlanGroup() {
    List<Figure> figures = published(demoSen());

    assertThat(PublishedFiguresAuditor.audit(figures)).isEmpty();
    assertThat(find(figures, Figure.CLUSTER, "E").suppressed()).isTrue();
    // The smallest other group of the cluster's row goes with it; the cluster's headline stays.
    assertThat(find(figures, Figure.CLUSTER, "K").suppressed()).isTrue();
    assertThat(find(figures, Figure.CLUSTER, Figure.ALL).suppressed()).isFalse();
    assertThat(find(figures, Figure.CLUSTER, "N").suppressed()).isFalse();
  }

  @Test
  void twoWithheldGroupsCannotBeReadAsOnePupilEachFromTheirSchoolsTotal() {
    // A school of 8: 6 without SEN, 1 with SEN support, 1 with an EHC plan. The two withheld
    // groups add to 8 − 6 = 2, and each has at least one pupil, so each would be exactly 1.
    List<Figure> figures = new ArrayList<>();
    int[][] rows = {{5, 6, 1, 1, 0, 1}, {40, 50, 6, 9, 2, 8}, {45, 56, 7, 10, 2, 9}};
    List<String> schools = List.of("100001", "100002", Figure.CLUSTER);
    for (int s = 0; s < schools.size(); s++) {
      int[] r = rows[s];
      figures.add(share(schools.get(s), Measures.SEN, "N", r[0], r[1]));
      figures.add(share(schools.get(s), Measures.SEN, "K", r[2], r[3]));
      figures.add(share(schools.get(s), Measures.SEN, "E", r[4], r[5]));
      figures.add(
          share(schools.get(s), Figure.ALL, Figure.ALL, r[0] + r[2] + r[4], r[1] + r[3] + r[5]));
    }

    List<Figure> published = published(figures);

    assertThat(PublishedFiguresAuditor.audit(published)).isEmpty();
    assertThat(find(published, "100001", "N").suppressed()).isTrue();
  }

  @Test
  void valueAddedAgainstASuppliedReferenceIsWithheldForASmallGroupAsValueAddedIs() {
    List<Figure> figures = new ArrayList<>();
    String[] schools = {"100001", "100002", Figure.CLUSTER};
    // Per school: disadvantaged Y, N, all; each {total value added, pupils}.
    int[][][] cells = {
      {{-2, 3}, {4, 12}, {2, 15}}, {{1, 9}, {3, 14}, {4, 23}}, {{-1, 12}, {7, 26}, {6, 38}}
    };
    String[] values = {"Y", "N", Figure.ALL};
    for (int s = 0; s < schools.length; s++) {
      for (int v = 0; v < 3; v++) {
        String group = v == 2 ? Figure.ALL : Measures.DISADVANTAGED;
        figures.add(
            new Figure(
                Measures.VALUE_ADDED_NATIONAL,
                Measures.KS2,
                "maths",
                schools[s],
                group,
                values[v],
                "2024-25",
                Measures.SUMMER,
                (double) cells[s][v][0],
                (long) cells[s][v][1],
                (double) cells[s][v][0] / cells[s][v][1]));
      }
    }

    List<Figure> published = published(figures);

    assertThat(find(published, "100001", "Y").suppressed()).isTrue();
    assertThat(PublishedFiguresAuditor.audit(published)).isEmpty();
  }

  @Test
  void aGroupsWithheldCellCannotBeWorkedOutThroughAnotherGroupSharingTheTotals() {
    // One school of 3 pupils (its headline withheld) and two of 20 and 30: the 3 must not follow
    // from the cluster's total, by SEN or by gender, nor from one group's table through another.
    String[] schools = {"100001", "100002", "100003", Figure.CLUSTER};
    // Per school: SEN N, K, E, then girls, boys, then all; each {met, pupils}.
    int[][][] cells = {
      {{1, 2}, {0, 1}, {0, 0}, {1, 3}, {0, 0}, {1, 3}},
      {{8, 12}, {2, 5}, {1, 3}, {6, 9}, {5, 11}, {11, 20}},
      {{15, 20}, {4, 7}, {1, 3}, {11, 16}, {9, 14}, {20, 30}},
      {{24, 34}, {6, 13}, {2, 6}, {18, 28}, {14, 25}, {32, 53}}
    };
    String[] groups = {Measures.SEN, Measures.SEN, Measures.SEN, "gender", "gender", Figure.ALL};
    String[] values = {"N", "K", "E", "F", "M", Figure.ALL};
    List<Figure> figures = new ArrayList<>();
    for (int s = 0; s < schools.length; s++) {
      for (int v = 0; v < values.length; v++) {
        if (cells[s][v][1] > 0) {
          figures.add(share(schools[s], groups[v], values[v], cells[s][v][0], cells[s][v][1]));
        }
      }
    }

    List<Figure> published = published(figures);

    assertThat(PublishedFiguresAuditor.audit(published)).isEmpty();
    assertThat(find(published, "100001", Figure.ALL).suppressed()).isTrue();
    assertThat(find(published, Figure.CLUSTER, Figure.ALL).suppressed()).isFalse();
  }
}
