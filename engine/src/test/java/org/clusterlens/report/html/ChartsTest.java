package org.clusterlens.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {

  @Test
  void aLabelCannotEndTheScriptElement() {
    String js =
        Charts.groupedBars(
            "c",
            List.of("</script><b>x</b>", "St Mary's"),
            List.of(new Charts.Series("a", Charts.DARK, new double[] {1, 2})),
            "y",
            null);

    assertThat(js).doesNotContainIgnoringCase("</script").doesNotContain("<b>");
    assertThat(js).startsWith("function () {").endsWith("}");
    assertThat(js).contains("St Mary\u2019s");
  }

  @Test
  void aFunnelDrawsEachSchoolNamedAboveItsDotWithBothPairsOfLimits() {
    var funnel =
        org.clusterlens.report.MeasureFunnel.keyMeasures(
                org.clusterlens.pipeline.PackWriter.clusterPack(
                        org.clusterlens.report.SampleCluster.cluster(true),
                        org.clusterlens.report.SampleCluster.figures(),
                        org.clusterlens.report.SampleCluster.provenance())
                    .schools())
            .get(0);

    String js = Charts.funnel("f1", funnel);

    assertThat(js)
        // Names beside the dots, never clipped, neighbours in size taking turns above and below.
        .contains("cliponaxis: false, textposition: ['")
        .contains("'top center'")
        .contains("'bottom center'")
        .contains("Brook Lane School")
        .contains("95% limits")
        .contains("99.8% limits")
        .contains("Cluster rate");
  }

  @Test
  void rejectsAChartIdThatCannotNameAJavaScriptVariable() {
    assertThatThrownBy(() -> Charts.groupedBars("shift-chart", List.of(), List.of(), "y", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Chart id 'shift-chart' must be a JavaScript identifier (letters, digits, _)");
  }
}
