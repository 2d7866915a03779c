package org.clusterlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.metrics.Measures;
import org.clusterlens.model.Figure;
import org.clusterlens.report.excel.ClusterWorkbook;
import org.clusterlens.report.excel.GovernorWorkbook;
import org.clusterlens.report.html.ClusterPackHtml;
import org.clusterlens.report.html.GovernorPackHtml;
import org.junit.jupiter.api.Test;

/**
 * A cluster where Cedar Hill hands in its 2024-25 Key Stage 2 results as scaled scores while the
 * others use levels: its packs show them on their own with the sentence saying why, and nothing in
 * another scheme is set beside a figure in levels.
 */
class OtherSchemePacksTest {

  private static final String YEAR = "2024-25";

  private static Figure scaled(String measure, String subject, String school, double x, long n) {
    double value = measure.startsWith("average") ? x / n : 100.0 * x / n;
    return new Figure(measure, "ks2", subject, school, "all", "all", YEAR, "summer", x, n, value)
        .inScheme("ks2-2016");
  }

  private static List<Figure> figures() {
    List<Figure> f = new ArrayList<>(SampleCluster.figures());
    f.removeIf(x -> x.school().equals(SampleCluster.CEDAR));
    String cedar = SampleCluster.CEDAR;
    f.add(scaled(Measures.PCT_EXPECTED_PLUS, "reading", cedar, 14, 20));
    f.add(scaled(Measures.PCT_HIGHER_PLUS, "reading", cedar, 5, 20));
    f.add(scaled(Measures.AVERAGE_SCALED_SCORE, "reading", cedar, 19 * 104.5, 19));
    f.add(scaled(Measures.PCT_EXPECTED_PLUS, "rwm", cedar, 12, 20));
    f.add(scaled(Measures.PCT_HIGHER_PLUS, "rwm", cedar, 2, 20));
    f.add(
        new Figure(
                Measures.SHIFT_PCT_EXPECTED_PLUS,
                "ks2",
                "reading",
                cedar,
                "all",
                "all",
                YEAR,
                "summer",
                null,
                null,
                10.0)
            .withInterval(-5, 25, "Newcombe hybrid score, 95%")
            .inScheme("ks2-2016"));
    f.add(scaled(Measures.PCT_EXPECTED_PLUS, "rwm", Figure.CLUSTER, 12, 20));
    f.add(scaled(Measures.PCT_HIGHER_PLUS, "rwm", Figure.CLUSTER, 2, 20));
    return f;
  }

  private static GovernorPack governor(String urn) {
    return GovernorPack.assemble(
        SampleCluster.cluster(true), urn, figures(), SampleCluster.provenance());
  }

  @Test
  void theSchoolsGovernorPackShowsItsScaledScoresApartAndSaysWhy() {
    String html = GovernorPackHtml.render(governor(SampleCluster.CEDAR));

    assertThat(html)
        .contains("This school's latest Key Stage 2 results are not in National Curriculum levels")
        .contains("The Level 4 / Level 5 shift is measured in levels")
        .contains("Results in another assessment scheme")
        .contains(
            "Key Stage 2 results for 2024-25 were handed in as KS2 scaled scores and writing"
                + " judgements. Results in different schemes cannot be compared, so they are"
                + " shown here on their own and left out of the comparisons in levels. No other"
                + " school in the cluster used it then, so there is no cluster figure to compare"
                + " with.")
        .contains("70% (14 of 20)")
        .contains("Change in % expected since the year before")
        .contains("-5 to +25 points")
        .contains("60% (12 of 20)");
  }

  @Test
  void aSchoolInLevelsHasNoOtherSchemeSection() {
    String html = GovernorPackHtml.render(governor(SampleCluster.ASHBY));

    assertThat(html).doesNotContain("Results in another assessment scheme");
  }

  @Test
  void theClusterPackNamesTheSchoolAndItsSchemeAndKeepsItOutOfTheLevelsTables() {
    ClusterPack pack =
        ClusterPack.assemble(SampleCluster.cluster(true), figures(), SampleCluster.provenance());
    String html = ClusterPackHtml.render(pack);

    assertThat(html).contains("<h3>Cedar Hill Primary</h3>");
    assertThat(pack.cluster().rwm().orElseThrow().level4().pupils())
        .as("the cluster's levels figure is not the scaled-score one")
        .isNotEqualTo(20L);
    assertThat(pack.schools().get(2).ks2()).isEmpty();
  }

  @Test
  void bothWorkbooksHaveTheOtherSchemesSheetWithTheCounts() throws Exception {
    try (XSSFWorkbook gov = GovernorWorkbook.render(governor(SampleCluster.CEDAR));
        XSSFWorkbook cluster =
            ClusterWorkbook.render(
                ClusterPack.assemble(
                    SampleCluster.cluster(true), figures(), SampleCluster.provenance()))) {
      for (XSSFWorkbook wb : List.of(gov, cluster)) {
        Sheet sheet = wb.getSheet("Other schemes");
        assertThat(sheet).isNotNull();
        List<String> rows = new ArrayList<>();
        DataFormatter fmt = new DataFormatter();
        for (Row r : sheet) {
          StringBuilder line = new StringBuilder();
          r.forEach(c -> line.append(fmt.formatCellValue(c)).append('|'));
          rows.add(line.toString());
        }
        assertThat(rows)
            .anySatisfy(
                r ->
                    assertThat(r)
                        .startsWith(
                            "Cedar Hill Primary|Key Stage 2|2024-25|KS2 scaled scores and writing"
                                + " judgements|Reading|")
                        .contains("|14|20|"));
      }
      assertThat(
              ClusterWorkbook.render(
                      ClusterPack.assemble(
                          SampleCluster.cluster(true),
                          SampleCluster.figures(),
                          SampleCluster.provenance()))
                  .getSheet("Other schemes"))
          .isNull();
    }
  }
}
