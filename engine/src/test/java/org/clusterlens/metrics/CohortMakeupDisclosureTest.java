package org.clusterlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.clusterlens.model.Figure;
import org.junit.jupiter.api.Test;

/**
 * A change in the cohort's make-up is the later share of a group minus the earlier, beside cohorts
 * whose pupils are published: with one year's group published, the other year's withheld group
 * would follow.
 */
class CohortMakeupDisclosureTest {

  private static Figure figure(String measure, String group, String value, String year) {
    return new Figure(
        measure, Measures.KS2, "rwm", "100001", group, value, year, Measures.SUMMER, 8.0, 10L, 80);
  }

  @Test
  void aMakeUpChangeIsWithheldWhenEitherYearsGroupIsWithheld() {
    // Last year's 8 disadvantaged pupils were withheld (to protect a smaller group); this year's
    // are published, and so are both cohorts' pupils.
    List<Figure> screened =
        List.of(
            figure(Measures.PCT_LEVEL4_PLUS, Measures.DISADVANTAGED, "Y", "2023-24").asSuppressed(),
            figure(Measures.PCT_LEVEL4_PLUS, Measures.DISADVANTAGED, "Y", "2024-25"),
            figure(Measures.PCT_LEVEL4_PLUS, Measures.SEN, "N", "2024-25"));
    Set<String> withheld = CohortMakeup.withheldGroups(screened);
    Figure shift = figure(Measures.SHIFT_PCT_LEVEL4_PLUS, Figure.ALL, Figure.ALL, "2024-25");

    assertThat(CohortMakeup.givesBackWithheld(shift, Measures.DISADVANTAGED, withheld)).isTrue();
    assertThat(CohortMakeup.givesBackWithheld(shift, Measures.SEN, withheld)).isFalse();
    // A year group's make-up is not published group by group, so nothing follows from it.
    Figure termShift =
        new Figure(
            Measures.TERM_SHIFT_PCT_LEVEL4_PLUS,
            Measures.TEACHER,
            "rwm",
            "100001",
            Measures.YEAR_GROUP,
            "5",
            "2024-25",
            Measures.SUMMER,
            1.0,
            10L,
            10);
    assertThat(CohortMakeup.givesBackWithheld(termShift, Measures.DISADVANTAGED, withheld))
        .isFalse();
  }
}
