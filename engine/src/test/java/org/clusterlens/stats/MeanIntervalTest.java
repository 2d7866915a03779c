package org.clusterlens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeanIntervalTest {

  @Test
  void studentTIntervalMatchesThePrintedTable() {
    // 1, 2, 3, 4, 5: mean 3, s = 1.5811; t(4) at 97.5% is 2.776 in printed tables, so
    // 3 ± 2.776 · 1.5811 / √5 = 3 ± 1.963.
    Interval i = MeanInterval.studentT(5, 15, 55, ConfidenceLevel.NINETY_FIVE);

    assertThat(i.lower()).isCloseTo(1.037, within(0.001));
    assertThat(i.upper()).isCloseTo(4.963, within(0.001));
  }

  @Test
  void valueAddedIntervalUsesTheReferenceSpread() {
    // 2 ± 1.96 · 6 / √9 = 2 ± 3.92.
    Interval i = MeanInterval.knownSpread(9, 2, 6, ConfidenceLevel.NINETY_FIVE);

    assertThat(i.lower()).isCloseTo(-1.92, within(0.001));
    assertThat(i.upper()).isCloseTo(5.92, within(0.001));
  }

  @Test
  void aSpreadNeedsTwoPupils() {
    assertThatThrownBy(() -> MeanInterval.standardDeviation(1, 4, 16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A standard deviation needs 2 values, but had 1");
  }
}
