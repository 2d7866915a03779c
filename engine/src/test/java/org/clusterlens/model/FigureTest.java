package org.clusterlens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A figure is held compactly (numbers as primitives with a bit each for "present"), but reads back
 * exactly as it was made: a number it has none of is still null after every step of screening.
 */
class FigureTest {

  private static Figure shift() {
    return new Figure(
        "shift_pct_level4_plus",
        "ks2",
        "rwm",
        "100001",
        "all",
        "all",
        "2024-25",
        "summer",
        null,
        null,
        -8.0);
  }

  @Test
  void aNumberTheFigureHasNoneOfStaysNullThroughEveryStep() {
    Figure f =
        shift()
            .withInterval(-20.5, 4.25, "Newcombe hybrid score, 95%")
            .withPValue(0.04)
            .asBelowReportingThreshold()
            .withFunnel(null);

    assertThat(f.numerator()).isNull();
    assertThat(f.denominator()).isNull();
    assertThat(f.adjustedPValue()).isNull();
    assertThat(f.pupilWeight()).isNull();
    assertThat(f.lower()).isEqualTo(-20.5);
    assertThat(f.upper()).isEqualTo(4.25);
    assertThat(f.pValue()).isEqualTo(0.04);
    assertThat(f.belowReportingThreshold()).isTrue();
    assertThat(f.suppressed()).isFalse();
    assertThat(f.value()).isEqualTo(-8.0);
  }

  @Test
  void zeroIsAFigureOfItsOwnNotAMissingOne() {
    Figure none = shift();
    Figure zero =
        new Figure(
            "pct_level4_plus",
            "ks2",
            "rwm",
            "100001",
            "all",
            "all",
            "2024-25",
            "summer",
            0.0,
            0L,
            0.0);

    assertThat(zero.numerator()).isEqualTo(0.0);
    assertThat(zero.denominator()).isEqualTo(0L);
    assertThat(zero.withPupilWeight(0).pupilWeight()).isEqualTo(0.0);
    assertThat(none.numerator()).isNull();
    assertThat(none.pupilWeight()).isNull();
    // Screening reads the count as a number without boxing it, and still tells zero from none.
    assertThat(zero.hasDenominator()).isTrue();
    assertThat(zero.denominatorCount()).isZero();
    assertThat(none.hasDenominator()).isFalse();
    assertThat(zero.withPupilWeight(0).asSuppressed().hasDenominator()).isTrue();
    assertThat(zero.asSuppressed().publishable().hasDenominator()).isFalse();
  }

  @Test
  void figuresWithTheSameComponentsAreEqualAndOthersAreNot() {
    Figure a = shift().withPValue(0.5);
    Figure b = shift().withPValue(0.5);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(shift());
    assertThat(a).isNotEqualTo(shift().withPValue(0.25));
    assertThat(a.toString())
        .contains("numerator=null", "pValue=0.5", "measure=shift_pct_level4_plus");
  }

  @Test
  void aPublishedSuppressedFigureKeepsItsLabelsOnly() {
    Figure hidden =
        new Figure(
                "pct_level4_plus",
                "ks2",
                "rwm",
                "100001",
                "all",
                "all",
                "2024-25",
                "summer",
                2.0,
                3L,
                66.7)
            .withPupilWeight(33.3)
            .asSuppressed()
            .publishable();

    assertThat(hidden.numerator()).isNull();
    assertThat(hidden.denominator()).isNull();
    assertThat(hidden.pupilWeight()).isNull();
    assertThat(hidden.value()).isNaN();
    assertThat(hidden.suppressed()).isTrue();
    assertThat(hidden.school()).isEqualTo("100001");
  }

  @Test
  void anAdjustedPValueNeedsItsPValue() {
    assertThatThrownBy(() -> shift().withAdjustedPValue(0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("adjusted p-value needs its p-value");
  }

  @Test
  void screeningsOneCopyIsTheFigureEachMarkWouldGive() {
    Figure share =
        new Figure(
            "pct_level4_plus",
            "ks2",
            "rwm",
            "100001",
            "all",
            "all",
            "2024-25",
            "summer",
            3.0,
            4L,
            75.0,
            40.0,
            95.0,
            "Wilson score, 95%",
            null,
            null);
    FunnelBand band = new FunnelBand(60, 30, 90, 20, 95, "within", "exact binomial");
    Judgement judgement =
        new Judgement(Judgement.Verdict.STRONG, Judgement.Reason.CLEAR_OF_CHANCE, "funnel", 12);

    assertThat(share.screened(25.0, true, true))
        .isEqualTo(share.withPupilWeight(25.0).asBelowReportingThreshold().asSuppressed());
    assertThat(share.screened(null, false, false)).isSameAs(share);
    assertThat(share.asSuppressed().screened(null, false, true)).isEqualTo(share.asSuppressed());
    assertThat(share.withPValueAndFunnel(0.01, band))
        .isEqualTo(share.withPValue(0.01).withFunnel(band));
    Figure placed = share.withPValue(0.01);
    assertThat(placed.withAdjustedPValueAndJudgement(0.03, judgement))
        .isEqualTo(placed.withAdjustedPValue(0.03).withJudgement(judgement));
    assertThatThrownBy(() -> share.withAdjustedPValueAndJudgement(0.03, judgement))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("adjusted p-value needs its p-value");
  }
}
