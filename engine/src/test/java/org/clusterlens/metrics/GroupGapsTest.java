package org.clusterlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.clusterlens.model.Figure;
import org.clusterlens.stats.SmallNumberRules;
import org.junit.jupiter.api.Test;

/** Each group against the rest of its school, and the disadvantaged gap over the years. */
class GroupGapsTest {

  private static Figure share(String group, String value, String year, int met, int pupils) {
    return new Figure(
        Measures.PCT_LEVEL4_PLUS,
        Measures.KS2,
        "rwm",
        "100001",
        group,
        value,
        year,
        Measures.SUMMER,
        (double) met,
        (long) pupils,
        100.0 * met / pupils);
  }

  private static Figure only(List<Figure> figures, String measure, String year) {
    return figures.stream()
        .filter(f -> f.measure().equals(measure) && f.academicYear().equals(year))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theDisadvantagedGapIsAgainstTheOtherPupilsWithNewcombesIntervalAndFishersTest() {
    // Disadvantaged 7 of 10 at Level 4+, others 3 of 10: a gap of +40 points.
    List<Figure> gaps =
        GroupGaps.of(
            List.of(
                share(Measures.DISADVANTAGED, "Y", "2024-25", 7, 10),
                share(Measures.DISADVANTAGED, "N", "2024-25", 3, 10)),
            SmallNumberRules.DEFAULT);

    assertThat(gaps).hasSize(1);
    Figure gap = gaps.get(0);
    assertThat(gap.groupValue()).isEqualTo("Y");
    assertThat(gap.value()).isCloseTo(40.0, within(1e-9));
    // Newcombe's hybrid score from the Wilson limits of 7/10 (39.68%, 89.22%) and 3/10 (10.78%,
    // 60.32%): 40 − √(30.32² + 30.32²) = −2.88 and 40 + √(19.22² + 19.22²) = 67.18.
    assertThat(gap.lower()).isCloseTo(-2.88, within(0.01));
    assertThat(gap.upper()).isCloseTo(67.18, within(0.01));
    // Fisher's exact two-sided p for 7/10 against 3/10 is 0.1789 (R: fisher.test).
    assertThat(gap.pValue()).isCloseTo(0.1789, within(1e-4));
    // Ten pupils on each side is below the reporting threshold of 11.
    assertThat(gap.belowReportingThreshold()).isTrue();
  }

  @Test
  void theDisadvantagedGapsChangeRunsFromTheEarliestOfThreeYears() {
    List<Figure> shares = new ArrayList<>();
    shares.add(share(Measures.DISADVANTAGED, "Y", "2022-23", 6, 20));
    shares.add(share(Measures.DISADVANTAGED, "N", "2022-23", 30, 40));
    shares.add(share(Measures.DISADVANTAGED, "Y", "2023-24", 8, 20));
    shares.add(share(Measures.DISADVANTAGED, "N", "2023-24", 30, 40));
    shares.add(share(Measures.DISADVANTAGED, "Y", "2024-25", 12, 20));
    shares.add(share(Measures.DISADVANTAGED, "N", "2024-25", 30, 40));

    List<Figure> figures = GroupGaps.of(shares, SmallNumberRules.DEFAULT);

    // Gaps: 30 − 75 = −45 in 2022-23, 60 − 75 = −15 in 2024-25: closing by 30 points.
    Figure change = only(figures, Measures.GAP_CHANGE_PCT_LEVEL4_PLUS, "2024-25");
    assertThat(change.value()).isCloseTo(30.0, within(1e-9));
    assertThat(change.method()).endsWith("since 2022-23");
    Figure now = only(figures, Measures.GAP_PCT_LEVEL4_PLUS, "2024-25");
    Figure then = only(figures, Measures.GAP_PCT_LEVEL4_PLUS, "2022-23");
    // MOVER: 30 − √((now − now.lower)² + (then.upper − then)²).
    assertThat(change.lower())
        .isCloseTo(
            30 - Math.hypot(now.value() - now.lower(), then.upper() - then.value()), within(1e-9));
    // With 20 disadvantaged pupils a year even a 30-point closing is within what chance alone
    // could produce.
    assertThat(change.lower()).isCloseTo(-5.82, within(0.01));
    assertThat(change.upper()).isGreaterThan(30);
  }
}
