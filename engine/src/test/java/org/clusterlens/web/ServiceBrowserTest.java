package org.clusterlens.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.report.check.PackBrowserCheck;
import org.clusterlens.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service in Debian's chromium: a business manager signs in, hands in a return with mistakes,
 * reads the feedback, downloads the marked-up copy, corrects it and hands it in, and it is stored;
 * the packs are rebuilt; a governor of that school then sees the new pack; the SIP sees the board.
 * Every main page is checked with axe-core (WCAG 2.2 A/AA) and for sideways scrolling at phone
 * width. With {@code -Dclusterlens.serveShots=DIR} each role's main page is photographed at 1280
 * and 390 pixels wide into DIR.
 */
class ServiceBrowserTest {

  private static final List<String> WCAG =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  @TempDir static Path dir;

  private static ServiceFixture fixture;
  private static Playwright playwright;
  private static Browser browser;

  @BeforeAll
  static void start() {
    assumeFalse(
        Boolean.getBoolean("clusterlens.skipBrowser"),
        "clusterlens.skipBrowser=true: browser checks skipped");
    PackBrowserCheck.requireChromium();
    fixture =
        ServiceFixture.start(Fixtures.path("cluster"), dir, 20L * 1024 * 1024).withUsualAccounts();
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(PackBrowserCheck.CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu")));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
      playwright.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  private static Page signIn(String name) {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions().setViewportSize(1280, 800).setAcceptDownloads(true));
    // A first hand-in's store is Spark's first Delta write: slow on a busy machine.
    context.setDefaultTimeout(180_000);
    Page page = context.newPage();
    page.navigate(fixture.url("/"));
    assertThat(page.url()).endsWith("/sign-in");
    page.fill("#name", name);
    page.fill("#password", ServiceFixture.PASSWORD);
    page.click("button:has-text('Sign in')");
    return page;
  }

  @Test
  void aBusinessManagerHandsInFixesAndIsStoredThenTheGovernorAndSipSeeTheResult() throws Exception {
    Map<String, Double> seconds = new HashMap<>();
    // The business manager: a return with mistakes first.
    Page sbm = signIn("sbm");
    assertThat(sbm.url()).endsWith("/school/100001/returns");
    assertThat(sbm.textContent("main"))
        .contains("Ashdown Primary School")
        .contains("Summer 2024-25");
    assertClean(sbm, "hand-in page");
    shoot(sbm, "sbm-hand-in");
    sbm.setInputFiles("#return", Fixtures.path("cluster/bad/2024-25/summer/100001.csv"));
    sbm.check("#confirm");
    long t0 = System.nanoTime();
    sbm.click("button:has-text('Hand in')");
    sbm.waitForSelector("#outcome");
    seconds.put("hand-in to feedback (rejected)", since(t0));
    String feedback = sbm.textContent("main");
    assertThat(feedback)
        .contains("Not accepted")
        .contains("Row 4, column 'Reading'")
        .contains("4x")
        .contains("maybe");
    assertClean(sbm, "feedback page");
    shoot(sbm, "sbm-feedback");

    // The marked-up copy, corrected and handed in.
    Download download =
        sbm.waitForDownload(() -> sbm.click("text=Download a copy of your spreadsheet"));
    Path marked = dir.resolve("marked.xlsx");
    download.saveAs(marked);
    Path corrected = dir.resolve("100001-corrected.xlsx");
    correct(marked, Fixtures.path("cluster/corrected/2024-25/summer/100001.csv"), corrected);
    sbm.navigate(fixture.url("/school/100001/returns"));
    sbm.setInputFiles("#return", corrected);
    sbm.check("#confirm");
    long t1 = System.nanoTime();
    sbm.click("button:has-text('Hand in')");
    sbm.waitForSelector("#outcome", new Page.WaitForSelectorOptions().setTimeout(180_000));
    seconds.put("hand-in to feedback (accepted)", since(t1));
    assertThat(sbm.textContent("#outcome")).contains("Accepted: 10 pupils");
    assertThat(fixture.warehouse.currentReturns())
        .anyMatch(r -> r.schoolUrn().equals("100001") && r.termId().equals("2024-25-summer"));

    // The rebuild an accepted hand-in starts.
    assertThat(fixture.service.builds().awaitIdle(Duration.ofMinutes(5))).isTrue();
    seconds.put("hand-in to rebuilt packs", since(t1));
    assertThat(fixture.service.builds().status().lastFailure()).isEmpty();

    // The governor of that school sees the new pack, and nothing of another school's.
    Page governor = signIn("governor");
    assertThat(governor.url()).endsWith("/school/100001/packs");
    assertThat(governor.textContent("main")).contains("The latest pack, built");
    assertClean(governor, "governor page");
    shoot(governor, "governor-packs");
    Response pack = governor.navigate(fixture.url("/school/100001/packs/governor.html"));
    assertThat(pack.status()).isEqualTo(200);
    assertThat(governor.textContent("body")).doesNotContain("Fairweather").doesNotContain("850210");
    Response other = governor.navigate(fixture.url("/school/100002/packs"));
    assertThat(other.status()).isEqualTo(404);

    // The SIP sees the board.
    Page sip = signIn("sip");
    assertThat(sip.url()).endsWith("/cluster");
    String board = sip.textContent("#board-table");
    assertThat(board).contains("Ashdown Primary School").contains("Received").contains("sbm");
    assertThat(board).contains("Missing");
    assertClean(sip, "cluster page");
    shoot(sip, "sip-cluster");

    Page coordinator = signIn("coordinator");
    shoot(coordinator, "coordinator-cluster");
    System.out.println("Service timings (s): " + seconds);
  }

  /**
   * Writes the corrected return's rows over the marked-up copy's pupil sheet (as a business manager
   * would), leaving its marks, comments and Problems sheet in place.
   */
  private static void correct(Path marked, Path correctCsv, Path out) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(correctCsv, StandardCharsets.UTF_8)) {
      rows.add(line.split(",", -1));
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(marked))) {
      Sheet pupils = null;
      int headerRow = -1;
      DataFormatter f = new DataFormatter();
      for (Sheet s : wb) {
        for (Row r : s) {
          Cell c = r.getCell(0);
          if (c != null && f.formatCellValue(c).equals("UPN")) {
            pupils = s;
            headerRow = r.getRowNum();
            break;
          }
        }
        if (pupils != null) {
          break;
        }
      }
      assertThat(pupils).as("the marked copy's pupil sheet").isNotNull();
      for (int i = 1; i < rows.size(); i++) {
        Row r = pupils.getRow(headerRow + i);
        if (r == null) {
          r = pupils.createRow(headerRow + i);
        }
        String[] values = rows.get(i);
        for (int c = 0; c < values.length; c++) {
          Cell cell = r.getCell(c);
          if (cell == null) {
            cell = r.createCell(c);
          }
          cell.setCellValue(values[c]);
        }
      }
      try (OutputStream o = new FileOutputStream(out.toFile())) {
        wb.write(o);
      }
    }
  }

  private static void assertClean(Page page, String what) {
    AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
    List<String> problems = new ArrayList<>();
    for (Rule v : results.getViolations()) {
      problems.add(v.getId() + ": " + v.getHelp() + " " + v.getNodes().size() + " node(s)");
    }
    assertThat(problems).as("axe-core on the " + what).isEmpty();
    page.setViewportSize(390, 800);
    Object wide = page.evaluate("document.documentElement.scrollWidth");
    page.setViewportSize(1280, 800);
    assertThat(((Number) wide).intValue())
        .as("the " + what + " width on a phone")
        .isLessThanOrEqualTo(390);
  }

  private static void shoot(Page page, String name) {
    String folder = System.getProperty("clusterlens.serveShots");
    if (folder == null) {
      return;
    }
    Path out = Path.of(folder);
    page.setViewportSize(1280, 800);
    page.screenshot(
        new Page.ScreenshotOptions().setPath(out.resolve(name + "-1280.png")).setFullPage(true));
    page.setViewportSize(390, 844);
    page.screenshot(
        new Page.ScreenshotOptions().setPath(out.resolve(name + "-390.png")).setFullPage(true));
    page.setViewportSize(1280, 800);
  }

  private static double since(long start) {
    return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
  }
}
