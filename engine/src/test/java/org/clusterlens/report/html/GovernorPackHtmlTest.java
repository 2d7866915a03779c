package org.clusterlens.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.School;
import org.clusterlens.report.GovernorPack;
import org.clusterlens.report.SampleCluster;
import org.junit.jupiter.api.Test;

class GovernorPackHtmlTest {

  private static final Pattern SCRIPT =
      Pattern.compile("<script\\b[^>]*>.*?</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  private static String render(Cluster cluster, String urn) {
    return GovernorPackHtml.render(
        GovernorPack.assemble(cluster, urn, SampleCluster.figures(), SampleCluster.provenance()));
  }

  private static final String ASHBY = render(SampleCluster.cluster(false), SampleCluster.ASHBY);

  /** The page with every script element's body removed. */
  private static String markup(String page) {
    return SCRIPT.matcher(page).replaceAll("<script></script>");
  }

  @Test
  void theTrendsHeadingSaysHowManyYearsItHolds() {
    // The sample cluster holds Key Stage 2 results for 2023-24 and 2024-25 only.
    assertThat(ASHBY)
        .contains("<h2 id=\"trends\">Trends over the last 2 years</h2>")
        .doesNotContain("Three-year");
  }

  @Test
  void onePercentagePointIsSingular() {
    assertThat(Cells.onePupil(100)).isEqualTo("<td class=\"num\">1 point</td>");
    assertThat(Cells.onePupil(50)).isEqualTo("<td class=\"num\">2 points</td>");
    assertThat(org.clusterlens.report.Numbers.quantity("+1", "percentage point"))
        .isEqualTo("+1 percentage point");
    assertThat(org.clusterlens.report.Numbers.quantity("-1.5", "point")).isEqualTo("-1.5 points");
  }

  @Test
  void markupReferencesNoExternalUrl() {
    String markup = markup(ASHBY);

    assertThat(markup).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//");
    assertThat(markup).doesNotContainPattern("(?i)<link\\b");
    assertThat(markup).doesNotContainPattern("(?i)url\\(");
    assertThat(ASHBY).doesNotContainPattern("(?i)<script[^>]*\\bsrc\\s*=");
    assertThat(markup).doesNotContain("cdn.plot.ly");
  }

  @Test
  void chartScriptsFetchNothing() {
    List<String> scripts = SCRIPT.matcher(ASHBY).results().map(m -> m.group()).toList();

    assertThat(scripts.get(1))
        .contains("Plotly.newPlot(")
        .doesNotContainPattern("(?i)https?:|//[a-z]|fetch\\(|XMLHttpRequest");
  }

  @Test
  void forbidsEveryRequestWithAContentSecurityPolicy() {
    assertThat(ASHBY)
        .contains(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " script-src 'unsafe-inline' blob:; style-src 'unsafe-inline'; img-src data:;");
  }

  @Test
  void inlinesPlotlyAndDrawsTheShiftChartWithoutTheLogoLink() {
    Matcher scripts = SCRIPT.matcher(ASHBY);
    List<String> bodies = scripts.results().map(m -> m.group()).toList();

    assertThat(bodies).hasSize(2);
    assertThat(bodies.get(0))
        .startsWith("<script id=\"plotly-library\" type=\"application/gzip\">")
        .contains(PlotlyLibrary.compressedBase64());
    assertThat(bodies.get(1)).contains("plotly.js v" + PlotlyLibrary.version());
    assertThat(bodies.get(1)).contains("Licensed under the MIT license");
    assertThat(PlotlyLibrary.version()).isEqualTo("2.35.3");
    assertThat(bodies.get(1))
        .contains("Plotly.newPlot(target_shiftChart")
        .contains("\"displaylogo\" : false");
    assertThat(ASHBY).contains("id=\"shiftChart\"");
  }

  @Test
  void carriesPlotlyInAboutTwoAndAHalfMegabytes() throws Exception {
    String js = PlotlyLibrary.source();
    byte[] unpacked =
        new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(
                    java.util.Base64.getDecoder().decode(PlotlyLibrary.compressedBase64())))
            .readAllBytes();

    assertThat(new String(unpacked, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(js);
    assertThat(js).startsWith(PlotlyLibrary.licenceHeader());
    assertThat(ASHBY.length()).as("page size in characters").isLessThan(3_000_000);
  }

  @Test
  void showsEachPercentageWithItsNAndTheShift() {
    String markup = markup(ASHBY);

    assertThat(markup).contains("72% (36 of 50)").contains("64% (32 of 50)");
    // The +8 was never judged clear (no test), so it is not coloured: colour marks a judgement.
    assertThat(markup).contains("<td class=\"num\">+8</td>").doesNotContain("num up");
    // Average points count the same 50 pupils as the row's percentages, whose n is beside them.
    assertThat(markup)
        .contains("2 points")
        .contains("Average points (same pupils)")
        .contains("<td class=\"num\">28.4</td>");
  }

  @Test
  void namesNoOtherSchoolWhenTheClusterDoesNotShareNames() {
    assertThat(ASHBY)
        .contains("This school: Ashby Primary (School A in other schools&#39; packs)")
        .contains("School B")
        .contains("School C");
    assertThat(ASHBY).doesNotContain("Brook Lane").doesNotContain("Cedar Hill");
    assertThat(ASHBY).doesNotContain(SampleCluster.BROOK).doesNotContain(SampleCluster.CEDAR);
  }

  @Test
  void namesOtherSchoolsWhenTheClusterAgrees() {
    String shared = render(SampleCluster.cluster(true), SampleCluster.ASHBY);

    assertThat(markup(shared)).contains("Brook Lane School").contains("Cedar Hill Primary");
  }

  @Test
  void escapesTextThatReachesTheMarkupOrAChart() {
    Cluster odd =
        new Cluster(
            "A & B <cluster>",
            List.of(
                new School(SampleCluster.ASHBY, "St Mary's <script>alert(1)</script>"),
                new School(SampleCluster.BROOK, "Brook"),
                new School(SampleCluster.CEDAR, "Cedar")),
            true);

    String page = render(odd, SampleCluster.ASHBY);

    assertThat(markup(page))
        .contains("St Mary&#39;s &lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("A &amp; B &lt;cluster&gt;");
    assertThat(page).doesNotContain("<script>alert(1)");
  }

  @Test
  void usesSemanticLandmarksAndAccessibleTables() {
    assertThat(ASHBY)
        .contains("<html lang=\"en\">")
        .contains("<header")
        .contains("<main>")
        .contains("<footer>")
        .contains("<caption>")
        .contains("<th scope=\"col\">")
        .contains("<th scope=\"row\">")
        .contains("@media print");
  }

  @Test
  void footerNamesTheBuildTimeInOneLineAndLeavesVersionsAndChecksumsToTheWorkbook() {
    assertThat(ASHBY)
        .containsPattern("Built on 3 November 2025 at 09:30 UTC from \\d+ returns?")
        .contains("The workbook's About sheet lists each one with its file and checksum.")
        .doesNotContain("ashby-autumn.xlsx")
        .doesNotContain("warehouse version")
        .doesNotContain("Warehouse version");
  }

  @Test
  void sectionsComeInTheOrderTheIssueGives() {
    List<String> ids =
        Pattern.compile("<h2 id=\"([a-z0-9-]+)\"")
            .matcher(ASHBY)
            .results()
            .map(m -> m.group(1))
            .toList();

    assertThat(ids)
        .containsSubsequence(
            "key-points",
            "ks2",
            "shift",
            "progress",
            "groups",
            "trends",
            "context",
            "completeness",
            "how-to-read");
  }
}
