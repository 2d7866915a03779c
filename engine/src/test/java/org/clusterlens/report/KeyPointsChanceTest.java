package org.clusterlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyPointsChanceTest {

  @Test
  void aRiseWhoseRangeIncludesNoChangeIsNotCalledAClearChange() {
    assertThat(KeyPoints.chance(new ChangeRange(-9.3, 24.6, "Newcombe hybrid score, 95%")))
        .isEqualTo(
            "With cohorts this size, chance alone could produce anything from -9 to +25 points, so"
                + " this is not yet a clear change.");
  }

  @Test
  void aFallWhoseRangeExcludesNoChangeIsCalledUnlikelyToBeChance() {
    assertThat(KeyPoints.chance(new ChangeRange(-62.1, -10.4, "Newcombe hybrid score, 95%")))
        .isEqualTo(
            "Chance alone would rarely produce a change this size; its range here is -62 to -10"
                + " points.");
  }
}
