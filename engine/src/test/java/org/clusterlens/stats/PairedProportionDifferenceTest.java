package org.clusterlens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairedProportionDifferenceTest {

  @Test
  void matchesFagerlandLydersenLaakesPairedExample() {
    // Cavo et al. (2012) as in Fagerland, Lydersen & Laake, "Statistical analysis of contingency
    // tables", chapter 8 (and their R package's tests): 59 both, 6 first only, 16 second only, 80
    // neither. Their estimate first − second is −0.0621, Newcombe square-and-add −0.1186 to
    // −0.0046; after − before here is the mirror image.
    PairedProportionDifference d =
        PairedProportionDifference.of(new PairedCounts(59, 6, 16, 80), ConfidenceLevel.NINETY_FIVE);

    assertThat(d.difference()).isCloseTo(0.0621, within(5e-5));
    assertThat(d.interval().lower()).isCloseTo(0.0046, within(5e-5));
    assertThat(d.interval().upper()).isCloseTo(0.1186, within(5e-5));
    // Exact McNemar: 2 · P(X ≤ 6), X ~ Binomial(22, ½) = 2 · 110056 / 2^22 = 0.052479.
    assertThat(d.pValue()).isCloseTo(0.052479, within(1e-6));
  }

  @Test
  void fourPupilsCrossingAndNoneFallingInTwentyIsClearerPairedThanUnpaired() {
    // 20 pupils: 8 at the level both terms, 4 reach it in spring, none fall back, 8 never. 40% →
    // 60%.
    PairedCounts counts = new PairedCounts(8, 0, 4, 8);
    PairedProportionDifference paired =
        PairedProportionDifference.of(counts, ConfidenceLevel.NINETY_FIVE);
    ProportionDifference unpaired =
        ProportionDifference.newcombe(counts.before(), counts.after(), ConfidenceLevel.NINETY_FIVE);

    assertThat(paired.difference()).isCloseTo(0.20, within(1e-12));
    // McNemar: all 4 who changed went up: 2 · (½)^4 = 0.125; Fisher on 8/20 against 12/20 = 0.3431.
    assertThat(paired.pValue()).isCloseTo(0.125, within(1e-12));
    assertThat(FisherExactTest.twoSidedPValue(counts.before(), counts.after()))
        .isCloseTo(0.3431, within(1e-4));
    // The paired interval is narrower than the unpaired one and, unlike it, excludes a fall.
    assertThat(paired.interval().width()).isLessThan(unpaired.interval().width());
    assertThat(unpaired.interval().lower()).isNegative();
    assertThat(paired.interval().lower()).isPositive();
  }

  @Test
  void noPupilChangingSideGivesNoChangeAndPOfOne() {
    PairedProportionDifference d =
        PairedProportionDifference.of(new PairedCounts(5, 0, 0, 7), ConfidenceLevel.NINETY_FIVE);

    assertThat(d.difference()).isZero();
    assertThat(d.pValue()).isEqualTo(1.0);
    assertThat(d.interval().contains(0)).isTrue();
  }

  @Test
  void swappingTheTermsNegatesTheInterval() {
    Interval forward =
        PairedProportionDifference.of(new PairedCounts(9, 2, 5, 4), ConfidenceLevel.NINETY_FIVE)
            .interval();
    Interval back =
        PairedProportionDifference.of(new PairedCounts(9, 5, 2, 4), ConfidenceLevel.NINETY_FIVE)
            .interval();

    assertThat(forward.lower()).isCloseTo(-back.upper(), within(1e-12));
    assertThat(forward.upper()).isCloseTo(-back.lower(), within(1e-12));
  }
}
