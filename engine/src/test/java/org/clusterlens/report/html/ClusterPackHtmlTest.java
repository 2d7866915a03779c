package org.clusterlens.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.clusterlens.metrics.Screening;
import org.clusterlens.report.SampleCluster;
import org.clusterlens.stats.SmallNumberRules;
import org.junit.jupiter.api.Test;

class ClusterPackHtmlTest {

  private static final String PAGE =
      ClusterPackHtml.render(
          org.clusterlens.pipeline.PackWriter.clusterPack(
              SampleCluster.cluster(false),
              Screening.screen(SampleCluster.figures(), SmallNumberRules.DEFAULT),
              SampleCluster.provenance()));

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

  @Test
  void printsEachSchoolsVisitBriefOnItsOwnPage() {
    assertThat(PAGE.split("<article class=\"brief\"", -1)).hasSize(4);
    assertThat(PAGE).contains("article.brief { break-before: page;");
    assertThat(PAGE)
        .contains("Visit brief: Brook Lane School")
        .contains("<h4>What to probe</h4>")
        .contains("<h4>Questions to ask</h4>");
  }

  @Test
  void drawsAFunnelPerKeyMeasureWithItsTableBeside() {
    assertThat(PAGE)
        .contains("id=\"funnel1\" class=\"chart\"")
        .contains("Reading, writing and maths combined, Level 4+: each school against")
        // Brook Lane's 8 pupils are fewer than the reporting threshold: metrics.csv gives it no
        // limits, so neither does the table: its limits are not applicable (z), never a dash.
        .contains(
            "<td class=\"num\">63% (5 of 8)</td>"
                + "<td class=\"num blank\" data-blank=\"z\"><abbr title=\"not applicable\">z</abbr></td>"
                    .repeat(2)
                + "<td>Not placed: too few pupils</td><td>Not compared</td>")
        .contains("<p class=\"legend\">z: not applicable</p>")
        .contains("Within the cluster range");
  }
}
