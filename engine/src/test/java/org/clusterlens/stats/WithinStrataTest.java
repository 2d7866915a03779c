package org.clusterlens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WithinStrataTest {

  private static final ConfidenceLevel L95 = ConfidenceLevel.NINETY_FIVE;

  @Test
  void inOneStratumTheVarianceIsTheUsualOne() {
    // 7 of 10 against 3 of 10: Sato's variance is 0.7·0.3/10 + 0.3·0.7/10 = 0.042.
    WithinStrata.Difference d =
        WithinStrata.shares(List.of(new WithinStrata.Shares(7, 10, 3, 10)), L95).orElseThrow();

    assertThat(d.difference()).isCloseTo(0.4, within(1e-12));
    assertThat(d.interval().upper() - d.difference())
        .isCloseTo(1.959964 * Math.sqrt(0.042), within(1e-6));
  }

  @Test
  void twoYearGroupsCombineByMantelHaenszelWithSatosVariance() {
    // Year 3: group 3 of 4, rest 5 of 10; Year 4: group 1 of 5, rest 6 of 8. Weights 40/14 and
    // 40/13; difference −0.1648, Sato SE 0.21686, 95% −0.5898 to 0.2602, p 0.4472 (worked from
    // Sato's formulas in Python).
    WithinStrata.Difference d =
        WithinStrata.shares(
                List.of(new WithinStrata.Shares(3, 4, 5, 10), new WithinStrata.Shares(1, 5, 6, 8)),
                L95)
            .orElseThrow();

    assertThat(d.difference()).isCloseTo(-0.16481, within(1e-5));
    assertThat(d.interval().lower()).isCloseTo(-0.58985, within(1e-5));
    assertThat(d.interval().upper()).isCloseTo(0.26022, within(1e-5));
    assertThat(d.pValue()).isCloseTo(0.44725, within(1e-5));
  }

  @Test
  void aGroupOlderThanTheRestShowsNoGapWithinYearGroups() {
    // Year 3 all at 60%, Year 6 all at 90%; the group is mostly Year 6, the rest mostly Year 3.
    // Pooled, the group is at 87% and the rest at 66%: a 21-point "gap" that is only age.
    WithinStrata.Difference d =
        WithinStrata.shares(
                List.of(
                    new WithinStrata.Shares(3, 5, 24, 40), new WithinStrata.Shares(36, 40, 9, 10)),
                L95)
            .orElseThrow();

    assertThat(d.difference()).isCloseTo(0, within(1e-12));
  }

  @Test
  void scoresMatchTheTwoWayLeastSquaresModel() {
    // Year 3: group 21, 27; rest 15, 21, 21. Year 4: group 27, 33, 27; rest 21, 27, 27, 33.
    // numpy lstsq on points ~ 1 + group + year4: coefficient 3.2353, SE 2.3460, df 9, 95% −2.0717
    // to 8.5423, p 0.2012.
    WithinStrata.Difference d =
        WithinStrata.scores(
                List.of(
                    new WithinStrata.Scores(2, 48, 21 * 21 + 27 * 27, 3, 57, 15 * 15 + 2 * 21 * 21),
                    new WithinStrata.Scores(
                        3, 87, 2 * 27 * 27 + 33 * 33, 4, 108, 21 * 21 + 2 * 27 * 27 + 33 * 33)),
                L95)
            .orElseThrow();

    assertThat(d.difference()).isCloseTo(3.23529, within(1e-5));
    assertThat(d.interval().lower()).isCloseTo(-2.07170, within(1e-5));
    assertThat(d.interval().upper()).isCloseTo(8.54228, within(1e-5));
    assertThat(d.pValue()).isCloseTo(0.20117, within(1e-5));
  }
}
