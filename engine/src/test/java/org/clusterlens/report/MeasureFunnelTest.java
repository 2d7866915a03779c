package org.clusterlens.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.clusterlens.stats.FunnelPosition;
import org.junit.jupiter.api.Test;

/** Limits worked by hand (Spiegelhalter 2005, appendix A.1.1) for the sample cluster's RWM. */
class MeasureFunnelTest {

  private final List<SchoolResults> schools =
      ClusterPack.assemble(
              SampleCluster.cluster(true), SampleCluster.figures(), SampleCluster.provenance())
          .schools();

  private final MeasureFunnel rwm4 = MeasureFunnel.keyMeasures(schools).get(0);

  @Test
  void theTargetIsThePooledRateWithItsN() {
    assertThat(rwm4.title()).isEqualTo(MeasureFunnel.RWM_LEVEL4);
    assertThat(rwm4.target().describe()).isEqualTo("74% (65 of 88)");
    assertThat(rwm4.widenedBy()).isEqualTo(1.0);
  }

  @Test
  void aSchoolOfEightGetsExactBinomialLimits() {
    MeasureFunnel.FunnelRow brook = rwm4.row("Brook Lane School").orElseThrow();

    // Binomial(8, 65/88): interpolated 2.5% and 97.5% points 2.713/8 and 7.718/8.
    assertThat(brook.limits().method()).isEqualTo("exact binomial");
    assertThat(brook.limits().lower95()).isCloseTo(33.909, within(0.01));
    assertThat(brook.limits().upper95()).isCloseTo(96.473, within(0.01));
    assertThat(brook.limits().lower998()).isCloseTo(13.747, within(0.01));
    assertThat(brook.position95()).isEqualTo(FunnelPosition.INSIDE);
  }

  @Test
  void limitsAreExactAtEveryNSoTheCurveHasNoJumpWhereAMethodWouldChange() {
    MeasureFunnel.FunnelRow ashby = rwm4.row("Ashby Primary").orElseThrow();

    // Binomial(50, 65/88) with Spiegelhalter's interpolation, not the normal form's 61.685.
    assertThat(ashby.limits().method()).isEqualTo("exact binomial");
    assertThat(ashby.limits().lower95()).isBetween(60.0, 64.0);
    // From 20 to 60 pupils the 95% limits narrow a little at each n: no step of two points or more
    // (the normal form took over at 30 with a jump of about three points).
    List<MeasureFunnel.FunnelRow.Limits> curve = rwm4.curve();
    for (int n = 21; n <= Math.min(60, curve.size()); n++) {
      double step = curve.get(n - 1).lower95() - curve.get(n - 2).lower95();
      assertThat(step).as("lower 95%% limit from %d to %d pupils", n - 1, n).isBetween(-0.5, 2.0);
    }
  }

  @Test
  void aMeasureOnlyOneSchoolHasDrawsNoFunnel() {
    assertThat(MeasureFunnel.keyMeasures(schools))
        .extracting(MeasureFunnel::title)
        .doesNotContain("Reading, Level 4+");
  }
}
