package org.clusterlens.report.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterlens.pipeline.PackWriter;
import org.clusterlens.pipeline.WrittenPacks;
import org.clusterlens.report.DemoLikeCluster;
import org.clusterlens.report.SampleCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample cluster's packs in a real browser (chromium through Playwright, with axe-core) and a
 * real spreadsheet (LibreOffice). Missing tools fail the run with an install hint; developers
 * without them may pass {@code -Dclusterlens.skipBrowser=true}.
 */
class PackChecksTest {

  @TempDir static Path dir;

  private static WrittenPacks packs;
  private static WrittenPacks demoLike;
  private static PackBrowserCheck browser;

  @BeforeAll
  static void writePacksAndStartTheBrowser() throws java.io.IOException {
    Assumptions.assumeFalse(
        Boolean.getBoolean("clusterlens.skipBrowser"),
        "clusterlens.skipBrowser=true: browser and spreadsheet checks skipped");
    packs =
        PackWriter.writeAll(
            SampleCluster.cluster(false),
            SampleCluster.figures(),
            SampleCluster.provenance(),
            dir.resolve("packs"));
    WrittenPacks demoLikeAll =
        PackWriter.writeAll(
            DemoLikeCluster.cluster(),
            DemoLikeCluster.figures(),
            DemoLikeCluster.provenance(),
            dir.resolve("demo-like"));
    // Renamed beside the sample's packs: LibreOffice prints into one folder by file name.
    List<Path> renamed = new ArrayList<>();
    for (Path p : demoLikeAll.files()) {
      String name = p.getFileName().toString();
      if (name.matches("(cluster-pack|governor-116003)\\..*")) {
        renamed.add(Files.copy(p, dir.resolve("demo-like-" + name)));
      }
    }
    demoLike = new WrittenPacks(renamed);
    browser = PackBrowserCheck.start();
    System.out.printf("PackChecksTest: browser started in %d ms%n", browser.startup().toMillis());
  }

  @AfterAll
  static void closeTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  /**
   * The sample cluster's packs, and from the demo-like cluster (every section filled, eight schools
   * on each funnel) its cluster pack and one governor pack.
   */
  private static List<Path> files(String suffix) {
    List<Path> files = new ArrayList<>();
    packs.files().stream().filter(p -> p.toString().endsWith(suffix)).forEach(files::add);
    demoLike.files().stream().filter(p -> p.toString().endsWith(suffix)).forEach(files::add);
    return files;
  }

  @Test
  void everyHtmlPackDrawsItsChartsOfflineWithoutErrorsOrAccessibilityViolations() {
    List<String> failures = new ArrayList<>();
    for (Path html : files(".html")) {
      PackBrowserCheck.PageReport report = browser.check(html);
      System.out.printf(
          "PackChecksTest: %s checked in %d ms (%d charts)%n",
          html.getFileName(), report.elapsed().toMillis(), report.charts());
      if (!report.clean()) {
        failures.add(report.problems());
      }
      if (!html.getFileName().toString().equals("reading-your-data.html")) {
        assertThat(report.charts()).as("charts in %s", html.getFileName()).isPositive();
      }
    }
    assertThat(failures).as("pages with problems").isEmpty();
    String shots = System.getProperty("clusterlens.screenshotDir");
    if (shots != null) {
      files(".html")
          .forEach(
              h ->
                  browser.screenshot(
                      h, Path.of(shots, h.getFileName().toString().replace(".html", ".png"))));
    }
  }

  @Test
  void aPageThatReachesOffPageIsReported() throws Exception {
    Path page = dir.resolve("reaches-out.html");
    Files.writeString(
        page,
        "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main>"
            + "<h1>t</h1><img alt=\"x\" src=\"https://example.invalid/x.png\"></main></body></html>");

    PackBrowserCheck.PageReport report = browser.check(page);

    assertThat(report.offPageRequests()).containsExactly("https://example.invalid/x.png");
    assertThat(report.clean()).isFalse();
  }

  @Test
  void aPageWithAnUndrawnChartAScriptErrorAndAnUnlabelledImageIsReported() throws Exception {
    Path page = dir.resolve("faulty.html");
    Files.writeString(
        page,
        "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main><h1>t</h1>"
            + "<div id=\"lostChart\" class=\"chart\"></div>"
            + "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">"
            + "<p style=\"color:#bbbbbb;background:#ffffff\">faint text</p>"
            + "<script>undefinedFunction();</script></main></body></html>");

    PackBrowserCheck.PageReport report = browser.check(page);

    assertThat(report.chartProblems()).containsExactly("lostChart: not drawn");
    assertThat(report.consoleErrors()).anyMatch(e -> e.contains("undefinedFunction"));
    assertThat(report.violations())
        .anyMatch(v -> v.startsWith("image-alt"))
        .anyMatch(v -> v.startsWith("color-contrast"));
    assertThat(report.offPageRequests()).isEmpty();
  }

  @Test
  void everyWorkbookPrintsAndReadsBackSafely() {
    long t0 = System.nanoTime();
    Map<Path, Integer> pages = WorkbookCheck.pdfPages(files(".xlsx"));
    System.out.printf(
        "PackChecksTest: LibreOffice printed %s in %d ms%n",
        pages.entrySet().stream().map(e -> e.getKey().getFileName() + "=" + e.getValue()).toList(),
        (System.nanoTime() - t0) / 1_000_000);
    List<String> problems = new ArrayList<>();
    for (Path xlsx : files(".xlsx")) {
      WorkbookCheck.problems(xlsx).forEach(p -> problems.add(xlsx.getFileName() + ": " + p));
      int expected = xlsx.getFileName().toString().startsWith("governor-") ? 6 : 4;
      assertThat(pages.get(xlsx))
          .as("PDF pages of %s", xlsx.getFileName())
          .isGreaterThanOrEqualTo(expected);
    }
    assertThat(problems).isEmpty();
  }
}
