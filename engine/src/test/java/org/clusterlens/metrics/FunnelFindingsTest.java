package org.clusterlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.clusterlens.model.Figure;
import org.clusterlens.stats.SmallNumberRules;
import org.junit.jupiter.api.Test;

/**
 * Each school's place on the cluster's funnel is a candidate finding in the one false-discovery
 * control over metrics.csv, with its exact binomial p-value against the cluster's rate.
 */
class FunnelFindingsTest {

  private static Figure share(String school, int met, int pupils) {
    return new Figure(
        Measures.PCT_LEVEL4_PLUS,
        Measures.KS2,
        "rwm",
        school,
        Figure.ALL,
        Figure.ALL,
        "2024-25",
        Measures.SUMMER,
        (double) met,
        (long) pupils,
        100.0 * met / pupils);
  }

  /** Seven schools at 28 of 40 and an eighth at {@code last} of 40. */
  private static List<Figure> screened(int last) {
    List<Figure> figures = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      figures.add(share("10000" + i, 28, 40));
    }
    figures.add(share("100008", last, 40));
    return Screening.screen(figures, SmallNumberRules.DEFAULT);
  }

  private static Figure school(List<Figure> figures, String urn) {
    return figures.stream().filter(f -> f.school().equals(urn)).findFirst().orElseThrow();
  }

  @Test
  void aSchoolJustOutsideThe95LimitsIsNotSelectedOnceEverySchoolIsAllowedFor() {
    Figure eighth = school(screened(20), "100008");

    // Target 216/320 = 67.5%; 20 of 40 has exact two-sided p = 0.02669 (scipy binomtest).
    assertThat(eighth.funnel().position()).isEqualTo("below_95");
    assertThat(eighth.pValue()).isCloseTo(0.02669, within(1e-5));
    // Benjamini–Hochberg over the eight schools: 8 × 0.02669 / 1 = 0.2135.
    assertThat(eighth.adjustedPValue()).isCloseTo(8 * eighth.pValue(), within(1e-12));
    assertThat(eighth.selectedFinding()).isFalse();
  }

  @Test
  void aSchoolFarBelowTheClusterIsSelectedAndTheOthersAreNot() {
    List<Figure> figures = screened(8);

    // Target 204/320 = 63.75%; 8 of 40 has p = 3.43e-8.
    assertThat(school(figures, "100008").pValue()).isCloseTo(3.4272e-8, within(1e-11));
    assertThat(school(figures, "100008").selectedFinding()).isTrue();
    // 28 of 40 (p = 0.511) is within the limits: a candidate, not selected.
    assertThat(school(figures, "100001").adjustedPValue()).isNotNull();
    assertThat(school(figures, "100001").selectedFinding()).isFalse();
  }
}
