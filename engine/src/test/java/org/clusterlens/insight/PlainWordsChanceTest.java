package org.clusterlens.insight;

import static org.assertj.core.api.Assertions.assertThat;

import org.clusterlens.report.ChangeRange;
import org.junit.jupiter.api.Test;

class PlainWordsChanceTest {

  private static final String NEWCOMBE = "Newcombe hybrid score, 95%";

  @Test
  void aRiseWhoseRangeIncludesNoChangeIsNotCalledAClearChange() {
    assertThat(PlainWords.chance(new ChangeRange(-9.3, 24.6, NEWCOMBE, 0.81)))
        .isEqualTo(
            "With cohorts this size, chance alone could produce anything from -9 to +25 points, so"
                + " this is not yet a clear change.");
  }

  @Test
  void aFallOutsideItsRangeButNotAfterAdjustmentIsNotCalledClear() {
    assertThat(PlainWords.chance(new ChangeRange(-61.4, -8.7, NEWCOMBE, 0.42)))
        .isEqualTo(
            "Alone this change would be unusual by chance (range -61 to -9 points), but among this"
                + " many comparisons it may still be chance.");
  }

  @Test
  void aChangeThatSurvivesTheFalseDiscoveryGuardIsCalledUnlikelyToBeChance() {
    assertThat(PlainWords.chance(new ChangeRange(-62.1, -30.4, NEWCOMBE, 0.003)))
        .isEqualTo(
            "Chance alone would rarely produce a change this size, even allowing for the many"
                + " comparisons here (range -62 to -30 points).");
  }
}
