package org.clusterlens.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.clusterlens.report.ClusterPack;
import org.clusterlens.report.SampleCluster;
import org.junit.jupiter.api.Test;

class ClusterPackHtmlTest {

  private static final String PAGE =
      ClusterPackHtml.render(
          ClusterPack.assemble(
              SampleCluster.cluster(false), SampleCluster.figures(), SampleCluster.provenance()));

  @Test
  void namesEverySchoolForThePartnerWithItsRwmFigures() {
    assertThat(PAGE)
        .contains("Ashby Primary")
        .contains("Brook Lane School")
        .contains("Cedar Hill Primary")
        .contains("63% (5 of 8)")
        .contains("12.5 points")
        .contains("74% (65 of 88)");
  }

  @Test
  void chartsTheShiftsAndNeedsNoNetwork() {
    assertThat(PAGE).contains("Plotly.newPlot(target_shiftChart");
    assertThat(PAGE).doesNotContainPattern("(?i)<script[^>]*\\bsrc\\s*=");
    assertThat(PAGE).contains("The table above gives the same figures");
  }
}
