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
  void aSchoolOfFiftyGetsNormalLimits() {
    MeasureFunnel.FunnelRow ashby = rwm4.row("Ashby Primary").orElseThrow();

    // 73.86 ± 1.959964 × √(0.7386 × 0.2614 / 50) × 100.
    assertThat(ashby.limits().method()).isEqualTo("normal approximation");
    assertThat(ashby.limits().lower95()).isCloseTo(61.685, within(0.01));
    assertThat(ashby.limits().upper95()).isCloseTo(86.042, within(0.01));
  }

  @Test
  void aMeasureOnlyOneSchoolHasDrawsNoFunnel() {
    assertThat(MeasureFunnel.keyMeasures(schools))
        .extracting(MeasureFunnel::title)
        .doesNotContain("Reading, Level 4+");
  }
}
