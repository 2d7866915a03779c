package org.clusterlens.insight;

import static org.assertj.core.api.Assertions.assertThat;

import org.clusterlens.model.Judgement;
import org.clusterlens.report.ChangeRange;
import org.junit.jupiter.api.Test;

class PlainWordsChanceTest {

  private static final String NEWCOMBE = "Newcombe hybrid score, 95%";

  private static final String FAMILY = "school:128417:2024-25";

  @Test
  void aRiseWhoseIntervalIncludesNoChangeIsNotCalledAClearChange() {
    Judgement within =
        new Judgement(Judgement.Verdict.CANNOT_TELL, Judgement.Reason.WITHIN_CHANCE, FAMILY, 15);
    assertThat(PlainWords.chance(new ChangeRange(-9.3, 24.6, NEWCOMBE, 0.42, 0.81, within)))
        .isEqualTo(
            "Cannot tell yet: chance alone could give this, allowing for this school's 15"
                + " headline questions. Chance alone gives a change this large about 1 time in 2."
                + " The true change probably lies between -9 and +25 points (95% interval).");
  }

  @Test
  void anIntervalIsNeverCalledWhatChanceCouldProduce() {
    Judgement within =
        new Judgement(Judgement.Verdict.CANNOT_TELL, Judgement.Reason.WITHIN_CHANCE, FAMILY, 15);
    String words = PlainWords.chance(new ChangeRange(-61.4, -8.7, NEWCOMBE, 0.02, 0.21, within));
    assertThat(words).contains("The true change probably lies between -61 and -9 points");
    assertThat(words).contains("about 1 time in 50").doesNotContain("range chance");
  }

  @Test
  void aChangeJudgedClearWithinItsFamilyIsCalledClear() {
    Judgement clear =
        new Judgement(Judgement.Verdict.TO_PROBE, Judgement.Reason.CLEAR_OF_CHANCE, FAMILY, 15);
    assertThat(PlainWords.chance(new ChangeRange(-62.1, -30.4, NEWCOMBE, 0.0002, 0.003, clear)))
        .startsWith(
            "A clear change: chance alone would rarely give this, allowing for this school's 15"
                + " headline questions. Chance alone gives a change this large fewer than 1 time in"
                + " 1,000.");
  }
}
