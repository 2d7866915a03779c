package org.clusterlens.report.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterlens.pipeline.PackWriter;
import org.clusterlens.pipeline.WrittenPacks;
import org.clusterlens.report.DemoLikeCluster;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo-like cluster's packs as readers meet them: every workbook printed by LibreOffice with no
 * line printed over another and no text under 9 pt, and every HTML page read on a 390 px phone and
 * a 1280 px screen with no sideways scroll of the page and every chart inside its box.
 *
 * <p>With {@code -Dclusterlens.printShots=/tmp/print-shots} the PDFs, each PDF's first page as a
 * PNG and phone screenshots are kept there for a person to look at.
 */
class PackLayoutTest {

  /** The smallest font a printed pack may use. */
  private static final double SMALLEST_POINTS = 9.0;

  @TempDir static Path dir;

  private static WrittenPacks packs;
  private static Path shots;
  private static String keep;

  @BeforeAll
  static void writePacks() {
    Assumptions.assumeFalse(
        Boolean.getBoolean("clusterlens.skipBrowser"),
        "clusterlens.skipBrowser=true: print and browser layout checks skipped");
    keep = System.getProperty("clusterlens.printShots");
    shots = keep == null ? dir.resolve("shots") : Path.of(keep);
    packs =
        PackWriter.writeAll(
            DemoLikeCluster.cluster(),
            DemoLikeCluster.figures(),
            DemoLikeCluster.provenance(),
            dir.resolve("packs"));
  }

  private static List<Path> files(String suffix) {
    return packs.files().stream().filter(p -> p.toString().endsWith(suffix)).toList();
  }

  @Test
  void everyWorkbookPrintsWithNoLineOverAnotherAndNothingUnderNinePoints() {
    long t0 = System.nanoTime();
    Map<Path, PrintedPdf> printed = PrintedPdf.print(files(".xlsx"), shots);
    List<String> problems = new ArrayList<>();
    List<String> pageCounts = new ArrayList<>();
    for (var e : printed.entrySet()) {
      String name = e.getKey().getFileName().toString();
      PrintedPdf pdf = e.getValue();
      pageCounts.add(name + "=" + pdf.pages());
      pdf.overlaps().forEach(p -> problems.add(name + ", " + p));
      pdf.smallerThan(SMALLEST_POINTS).forEach(p -> problems.add(name + ", " + p));
      if (keep != null) {
        pdf.firstPagePng(shots);
      }
    }
    System.out.printf(
        "PackLayoutTest: LibreOffice printed %s in %d ms%n",
        pageCounts, (System.nanoTime() - t0) / 1_000_000);
    assertThat(problems).as("printed workbooks' problems").isEmpty();
  }

  /**
   * The smallest school's governor pack (every governor section) and the cluster pack (funnels,
   * eight schools side by side, visit briefs): on a phone and on a wide screen.
   */
  @Test
  void everyPageFitsAPhoneAndAWideScreenWithItsChartsInsideTheirBoxes() {
    List<Path> pages =
        files(".html").stream()
            .filter(
                p ->
                    p.getFileName()
                        .toString()
                        .matches("governor-116001\\.html|cluster-pack\\.html"))
            .toList();
    assertThat(pages).hasSize(2);
    List<String> problems = new ArrayList<>();
    try (PackBrowserCheck browser = PackBrowserCheck.start()) {
      for (Path html : pages) {
        for (int width : new int[] {390, 1280}) {
          PackBrowserCheck.LayoutReport report = browser.layoutAt(html, width);
          problems.addAll(report.problems());
        }
      }
      for (Path html : keep == null ? List.<Path>of() : pages) {
        browser.screenshotAt(
            html, shots.resolve(html.getFileName().toString().replace(".html", "-390")), 390);
      }
    }
    assertThat(problems).as("pages that do not fit the screen").isEmpty();
  }

  /**
   * A governor reads a pack in ten minutes: the smallest school's and a 38-pupil school's packs
   * hold at most 1,500 words of prose and tables before "How to read this pack".
   */
  @Test
  void aGovernorPackIsAtMostFifteenHundredWordsBeforeHowToReadIt() {
    List<String> counts = new ArrayList<>();
    List<String> tooLong = new ArrayList<>();
    try (PackBrowserCheck browser = PackBrowserCheck.start()) {
      for (String urn : List.of("116001", "116007")) {
        Path html =
            files(".html").stream()
                .filter(p -> p.getFileName().toString().equals("governor-" + urn + ".html"))
                .findFirst()
                .orElseThrow();
        int words = browser.wordsBefore(html, "How to read this pack");
        counts.add(html.getFileName() + "=" + words);
        if (words < 0 || words > 1500) {
          tooLong.add(
              html.getFileName() + " has " + words + " words before 'How to read this pack'");
        }
      }
    }
    System.out.printf("PackLayoutTest: words before 'How to read this pack': %s%n", counts);
    assertThat(tooLong).isEmpty();
  }
}
