package org.clusterlens.report.check;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Opens pack pages in Debian's headless chromium through Playwright and checks what a governor
 * would meet: every chart drawn, no request leaving the page, no script errors and no WCAG 2.1 A/AA
 * violation that axe-core can find.
 *
 * <p>One browser serves every page checked, so start it once per test class or run:
 *
 * <pre>{@code
 * try (PackBrowserCheck check = PackBrowserCheck.start()) {
 *   check.assertClean(packDir.resolve("cluster-pack.html"));
 * }
 * }</pre>
 *
 * <p>Not thread-safe: Playwright objects belong to the thread that made them.
 */
public final class PackBrowserCheck implements AutoCloseable {

  /** Debian's chromium; Playwright's own browser download is never used. */
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /** The WCAG levels the packs promise: 2.0 and 2.1, A and AA. */
  public static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  /** The elements a pack draws a Plotly chart into. */
  public static final String CHART_SELECTOR = ".chart";

  private static final List<String> CHROMIUM_ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");

  private final Playwright playwright;
  private final Browser browser;
  private final Duration startup;

  private PackBrowserCheck(Playwright playwright, Browser browser, Duration startup) {
    this.playwright = playwright;
    this.browser = browser;
    this.startup = startup;
  }

  /**
   * Starts Playwright's driver and one headless chromium.
   *
   * @throws IllegalStateException with an install hint if {@code /usr/bin/chromium} is missing
   */
  public static PackBrowserCheck start() {
    requireChromium();
    long t0 = System.nanoTime();
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      Browser browser =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(CHROMIUM)
                      .setHeadless(true)
                      .setArgs(CHROMIUM_ARGS));
      return new PackBrowserCheck(playwright, browser, Duration.ofNanos(System.nanoTime() - t0));
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  /**
   * Fails with a sentence saying how to install chromium when it is missing.
   *
   * @throws IllegalStateException if {@code /usr/bin/chromium} is not an executable file
   */
  public static void requireChromium() {
    if (!Files.isExecutable(CHROMIUM)) {
      throw new IllegalStateException(
          CHROMIUM
              + " is missing: the pack browser checks need Debian's chromium. Install it with"
              + " `apt-get install chromium` (.ci/run does), or run with"
              + " -Dclusterlens.skipBrowser=true to skip these checks.");
    }
  }

  /** How long Playwright's driver and the browser took to start. */
  public Duration startup() {
    return startup;
  }

  /**
   * What one page did in the browser.
   *
   * @param page the HTML file checked
   * @param charts how many chart containers the page has
   * @param chartProblems one line per chart Plotly drew no svg in, or whose drawing spills out of
   *     its box over what follows (a caption, a table)
   * @param offPageRequests every request for anything other than file:, data:, blob: or about: (all
   *     blocked)
   * @param consoleErrors console errors and uncaught exceptions, in order
   * @param violations axe-core's WCAG violations, one line per rule and element
   * @param elapsed time to load, draw and scan the page
   */
  public record PageReport(
      Path page,
      int charts,
      List<String> chartProblems,
      List<String> offPageRequests,
      List<String> consoleErrors,
      List<String> violations,
      Duration elapsed) {

    /** True when nothing was found. */
    public boolean clean() {
      return chartProblems.isEmpty()
          && offPageRequests.isEmpty()
          && consoleErrors.isEmpty()
          && violations.isEmpty();
    }

    /** Every problem found, one per line, for an assertion message. */
    public String problems() {
      StringBuilder out = new StringBuilder();
      out.append(page.getFileName()).append(" has problems in a browser:\n");
      chartProblems.forEach(c -> out.append("  chart: ").append(c).append('\n'));
      offPageRequests.forEach(
          u -> out.append("  request leaving the page: ").append(u).append('\n'));
      consoleErrors.forEach(e -> out.append("  console error: ").append(e).append('\n'));
      violations.forEach(v -> out.append("  axe: ").append(v).append('\n'));
      return out.toString();
    }
  }

  /**
   * Loads a pack page, waits for its charts and scans it.
   *
   * @param html an HTML pack on disk
   * @return what the page did; never null
   * @throws IllegalArgumentException if the file does not exist
   */
  public PageReport check(Path html) {
    if (!Files.isRegularFile(html)) {
      throw new IllegalArgumentException("No HTML pack at " + html);
    }
    long t0 = System.nanoTime();
    List<String> offPage = Collections.synchronizedList(new ArrayList<>());
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    try (BrowserContext context = newContext(offPage)) {
      Page page = context.newPage();
      page.onConsoleMessage(
          m -> {
            if ("error".equals(m.type())) {
              errors.add(m.text());
            }
          });
      page.onPageError(e -> errors.add("uncaught: " + e));
      page.navigate(html.toUri().toString());
      List<String> chartProblems = waitForCharts(page);
      int charts = page.locator(CHART_SELECTOR).count();
      List<String> violations = axeViolations(page);
      return new PageReport(
          html,
          charts,
          chartProblems,
          List.copyOf(offPage),
          List.copyOf(errors),
          violations,
          Duration.ofNanos(System.nanoTime() - t0));
    }
  }

  /**
   * Checks a page and fails with every problem listed.
   *
   * @return the report, for timings and chart counts
   * @throws AssertionError if a chart is not drawn, a request leaves the page, a console error
   *     appears or axe-core finds a violation
   */
  public PageReport assertClean(Path html) {
    PageReport report = check(html);
    if (!report.clean()) {
      throw new AssertionError(report.problems());
    }
    return report;
  }

  /**
   * Saves a full-page screenshot of a pack once its charts are drawn, for a person to look at.
   *
   * @param html the page
   * @param png where to write the image
   */
  public void screenshot(Path html, Path png) {
    try (BrowserContext context = newContext(new ArrayList<>())) {
      Page page = context.newPage();
      page.navigate(html.toUri().toString());
      waitForCharts(page);
      page.screenshot(new Page.ScreenshotOptions().setPath(png).setFullPage(true));
    }
  }

  /**
   * How a page lays out on a screen {@code width} pixels wide.
   *
   * @param page the HTML file
   * @param width the viewport's width in CSS pixels
   * @param pageScrollWidth the document's scroll width: wider than {@code width} means the whole
   *     page scrolls sideways
   * @param chartProblems each chart that is not drawn, whose plot reaches outside its box, or whose
   *     box reaches outside the screen
   * @param violations axe-core's WCAG violations at this width
   */
  public record LayoutReport(
      Path page,
      int width,
      int pageScrollWidth,
      List<String> chartProblems,
      List<String> violations) {

    /** Every problem, one per line; empty when the page fits the screen. */
    public List<String> problems() {
      List<String> out = new ArrayList<>();
      String at = page.getFileName() + " at " + width + " px: ";
      if (pageScrollWidth != width) {
        out.add(at + "the page is " + pageScrollWidth + " px wide, so it scrolls sideways");
      }
      chartProblems.forEach(c -> out.add(at + "chart " + c));
      violations.forEach(v -> out.add(at + "axe: " + v));
      return out;
    }
  }

  /**
   * Opens a page on a screen {@code width} px wide (900 px tall), waits for its charts and measures
   * whether anything makes the page wider than the screen.
   */
  public LayoutReport layoutAt(Path html, int width) {
    try (BrowserContext context = newContext(new ArrayList<>(), width)) {
      Page page = context.newPage();
      page.navigate(html.toUri().toString());
      List<String> charts = new ArrayList<>(waitForCharts(page));
      // Plotly redraws a responsive chart after its box settles; let it.
      page.waitForTimeout(300);
      @SuppressWarnings("unchecked")
      List<String> outside =
          (List<String>)
              page.evaluate(
                  "sel => Array.from(document.querySelectorAll(sel)).map((d, i) => {"
                      + " const name = d.id || 'chart #' + (i + 1);"
                      + " const box = d.getBoundingClientRect();"
                      + " const plot = d.querySelector('svg.main-svg');"
                      + " if (plot === null) return null;"
                      + " const p = plot.getBoundingClientRect();"
                      + " if (p.left < box.left - 1 || p.right > box.right + 1)"
                      + "  return name + ': its plot (' + Math.round(p.left) + '–' + Math.round(p.right)"
                      + "  + ' px) reaches outside its box (' + Math.round(box.left) + '–'"
                      + "  + Math.round(box.right) + ' px)';"
                      + " if (box.left < 0 || box.right > document.documentElement.clientWidth + 1)"
                      + "  return name + ': its box (' + Math.round(box.left) + '–'"
                      + "  + Math.round(box.right) + ' px) reaches outside the screen';"
                      + " return null; }).filter(p => p !== null)",
                  CHART_SELECTOR);
      charts.addAll(outside);
      int scrollWidth =
          ((Number) page.evaluate("() => document.scrollingElement.scrollWidth")).intValue();
      return new LayoutReport(html, width, scrollWidth, charts, axeViolations(page));
    }
  }

  /**
   * Counts the words a reader meets before the section headed {@code heading}: the page's header
   * and every section before that one, prose and tables alike, as the browser shows them (charts'
   * labels and hidden text left out).
   *
   * @return the words, or -1 if the page has no section with that heading
   */
  public int wordsBefore(Path html, String heading) {
    try (BrowserContext context = newContext(new ArrayList<>(), 1280)) {
      Page page = context.newPage();
      page.navigate(html.toUri().toString());
      Object words =
          page.evaluate(
              "heading => { const count = el => { const c = el.cloneNode(true);"
                  + " c.querySelectorAll('.chart, script, style').forEach(x => x.remove());"
                  + " document.body.appendChild(c); const t = c.innerText; c.remove();"
                  + " return t.split(/\\s+/).filter(w => /[A-Za-z0-9]/.test(w)).length; };"
                  + " let n = 0; const header = document.querySelector('header.pack');"
                  + " if (header) n += count(header);"
                  + " for (const el of document.querySelector('main').children) {"
                  + "  const h = el.querySelector('h2');"
                  + "  if (h && h.textContent.trim() === heading) return n;"
                  + "  n += count(el); }"
                  + " return -1; }",
              heading);
      return ((Number) words).intValue();
    }
  }

  /**
   * Saves screenshots of a page at {@code width} px, charts drawn, for a person to look at: its
   * first two screens ({@code -top.png}) and two screens from its first chart ({@code -chart.png}).
   */
  public void screenshotAt(Path html, Path pngPrefix, int width) {
    try (BrowserContext context = newContext(new ArrayList<>(), width)) {
      Page page = context.newPage();
      page.navigate(html.toUri().toString());
      waitForCharts(page);
      page.waitForTimeout(300);
      double chartTop =
          ((Number)
                  page.evaluate(
                      "sel => { const c = document.querySelector(sel);"
                          + " return c ? c.getBoundingClientRect().top + window.scrollY - 200 : 0; }",
                      CHART_SELECTOR))
              .doubleValue();
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Path.of(pngPrefix + "-top.png"))
              .setFullPage(true)
              .setClip(0, 0, width, 1600));
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Path.of(pngPrefix + "-chart.png"))
              .setFullPage(true)
              .setClip(0, Math.max(0, chartTop), width, 1600));
    }
  }

  private BrowserContext newContext(List<String> offPage) {
    return newContext(offPage, 1280);
  }

  private BrowserContext newContext(List<String> offPage, int width) {
    BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900));
    context.route(
        "**/*",
        route -> {
          String url = route.request().url();
          // blob: URLs name bytes the page itself made (the unpacked charting library).
          if (url.startsWith("file:")
              || url.startsWith("data:")
              || url.startsWith("about:")
              || url.startsWith("blob:")) {
            route.resume();
          } else {
            offPage.add(url);
            route.abort("blockedbyclient");
          }
        });
    return context;
  }

  /**
   * Waits up to 10 s for Plotly's svg in every chart container; returns the charts still empty and
   * those whose drawing is bigger than their box.
   */
  private static List<String> waitForCharts(Page page) {
    String allDrawn =
        "sel => Array.from(document.querySelectorAll(sel))"
            + ".every(d => d.querySelector('svg.main-svg') !== null)";
    try {
      page.waitForFunction(
          allDrawn, CHART_SELECTOR, new Page.WaitForFunctionOptions().setTimeout(10_000));
    } catch (PlaywrightException timedOut) {
      // Reported below, chart by chart.
    }
    @SuppressWarnings("unchecked")
    List<String> problems =
        (List<String>)
            page.evaluate(
                "sel => Array.from(document.querySelectorAll(sel)).map((d, i) => {"
                    + " const name = d.id || 'chart #' + (i + 1);"
                    + " const svg = d.querySelector('svg.main-svg');"
                    + " if (svg === null) return name + ': not drawn';"
                    + " const box = d.getBoundingClientRect();"
                    + " const drawn = svg.getBoundingClientRect();"
                    + " if (drawn.width > box.width + 1 || drawn.height > box.height + 1)"
                    + "  return name + ': its drawing (' + Math.round(drawn.width) + ' x '"
                    + "  + Math.round(drawn.height) + ' px) spills out of its box ('"
                    + "  + Math.round(box.width) + ' x ' + Math.round(box.height) + ' px)';"
                    + " return null; }).filter(p => p !== null)",
                CHART_SELECTOR);
    return List.copyOf(problems);
  }

  private static List<String> axeViolations(Page page) {
    AxeResults results = new AxeBuilder(page).withTags(WCAG_TAGS).analyze();
    if (results.isErrored()) {
      throw new IllegalStateException("axe-core failed on the page: " + results.getErrorMessage());
    }
    List<String> lines = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      for (CheckedNode node : rule.getNodes()) {
        lines.add(
            rule.getId()
                + " ("
                + rule.getImpact()
                + ") at "
                + node.getTarget()
                + ": "
                + rule.getHelp()
                + " | "
                + String.valueOf(node.getFailureSummary()).replace('\n', ' '));
      }
    }
    return lines;
  }

  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      playwright.close();
    }
  }
}
