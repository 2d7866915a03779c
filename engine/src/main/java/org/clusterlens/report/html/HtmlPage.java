package org.clusterlens.report.html;

import java.util.List;

/**
 * The shell every pack page shares: a strict Content-Security-Policy that forbids any request, one
 * stylesheet (screen and print), and Plotly carried compressed at the end of the body.
 */
final class HtmlPage {

  /**
   * Forbids every request a page could make: no scripts, styles, images, fonts or fetches from
   * anywhere. {@code blob:} scripts are the page's own bytes (the unpacked charting library).
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'unsafe-inline' blob:; style-src 'unsafe-inline';"
          + " img-src data:;"
          + " base-uri 'none'; form-action 'none'";

  private static final String CSS =
      """
      :root { color-scheme: light; }
      * { box-sizing: border-box; }
      body { margin: 0; font-family: system-ui, "Segoe UI", Arial, sans-serif; font-size: 16px;
             line-height: 1.5; color: #1a1a1a; background: #ffffff; overflow-wrap: break-word; }
      header.pack { background: #0b3d5c; color: #ffffff; padding: 1.25rem 2rem; }
      header.pack p { margin: 0.2rem 0; }
      header.pack .kicker { text-transform: uppercase; letter-spacing: 0.05em; font-size: 0.85rem; }
      h1 { margin: 0.2rem 0; font-size: 1.9rem; }
      main, footer { max-width: 68rem; margin: 0 auto; padding: 0 2rem; }
      section { margin: 2rem 0; }
      h2 { font-size: 1.35rem; border-bottom: 3px solid #0b3d5c; padding-bottom: 0.2rem; }
      h3 { font-size: 1.1rem; }
      .key-points { background: #eef4f8; border-left: 6px solid #0b3d5c; padding: 0.8rem 1.2rem; }
      .key-points li { margin: 0.35rem 0; }
      .key-points p { margin: 0.15rem 0; }
      .key-points .question { color: #333333; }
      .note { color: #404040; font-size: 0.95rem; }
      table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.95rem; }
      /* A wide table scrolls inside its own box, its first column kept in view; the page itself
         never scrolls sideways. */
      .table-scroll { max-width: 100%; overflow-x: auto; margin: 0.8rem 0; }
      .table-scroll:focus-visible { outline: 3px solid #0b3d5c; outline-offset: 2px; }
      .table-scroll > table { margin: 0; }
      /* A caption stays in view above a table scrolled sideways, and wraps on a narrow screen. */
      .table-scroll caption { position: sticky; left: 0; max-width: calc(100vw - 2rem); }
      .table-scroll :where(th, td):first-child { position: sticky; left: 0; z-index: 1; }
      tbody th, .table-scroll tbody td:first-child { background: #ffffff; }
      caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
      th, td { border: 1px solid #b8c4cc; padding: 0.3rem 0.6rem; vertical-align: top; }
      thead th { background: #e3ebf1; text-align: left; }
      tbody th { text-align: left; font-weight: 600; }
      td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
      tr.pooled th, tr.pooled td { background: #f3f6f8; font-weight: 600; }
      tr.self th, tr.self td { background: #fff6d6; }
      .chart-and-table { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
      .chart-and-table > * { min-width: 0; max-width: 100%; }
      figure { margin: 0; width: 100%; max-width: 640px; }
      figcaption { font-size: 0.9rem; color: #404040; }
      /* The chart takes its box's width (Plotly's responsive layout) and sets its own height
         (taller for slanted labels): the box grows with it, so the drawing cannot cover the
         caption below. */
      .chart { width: 100%; min-height: 360px; }
      article.brief { border: 1px solid #b8c4cc; padding: 0.5rem 1rem; margin: 1rem 0; }
      h4 { font-size: 1rem; margin: 0.6rem 0 0.2rem 0; }
      tr.missing th, tr.missing td { font-style: italic; }
      .up { color: #00613a; }
      td.blank abbr { text-decoration: none; cursor: help; }
      p.legend { font-size: 0.9rem; color: #333; }
      .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
        clip: rect(0 0 0 0); white-space: nowrap; }
      .down { color: #a1260d; }
      footer { border-top: 1px solid #b8c4cc; margin-top: 3rem; padding-bottom: 2rem;
               font-size: 0.9rem; }
      footer h2 { font-size: 1.1rem; border: 0; }
      code { font-size: 0.85rem; overflow-wrap: anywhere; }
      @media (max-width: 40rem) {
        header.pack { padding: 1rem; }
        main, footer { padding: 0 1rem; }
        h1 { font-size: 1.5rem; }
        .key-points { padding: 0.6rem 0.8rem; }
        .key-points ul { padding-left: 1.2rem; }
        /* The row names stay readable beside numbers that do not wrap. */
        .table-scroll tbody th { min-width: 7.5rem; }
      }
      @media print {
        body { font-size: 10.5pt; }
        header.pack { background: none; color: #000000; border-bottom: 2px solid #000000;
                      padding: 0 0 0.5rem 0; }
        main, footer { max-width: none; padding: 0; }
        section { break-inside: avoid-page; margin: 1rem 0; }
        table, figure, tr { break-inside: avoid; }
        .table-scroll { overflow: visible; }
        .table-scroll :where(th, td):first-child, .table-scroll caption { position: static; }
        .table-scroll caption { max-width: none; }
        h2 { break-after: avoid; }
        section[aria-labelledby="briefs"], section[aria-labelledby="funnels"] {
          break-inside: auto; }
        article.brief { break-before: page; break-inside: avoid; border: 0; padding: 0; }
        .key-points { border-left: 3px solid #000000; background: none; }
        thead th, tr.pooled th, tr.pooled td, tr.self th, tr.self td { background: none; }
        tr.self th, tr.self td { font-weight: 700; }
      }
      """;

  /**
   * Unpacks the library (base64, then gzip through the browser's DecompressionStream) into a blob:
   * script, then draws the charts; a browser that cannot says so in each chart's box, beside the
   * table that carries the same figures.
   */
  private static final String LOADER =
      """
      function cannotDraw() {
        document.querySelectorAll('.chart').forEach(function (box) {
          box.textContent = 'This browser cannot draw the chart: the table gives the same figures.';
        });
      }
      if (typeof DecompressionStream === 'undefined' || typeof Blob === 'undefined') {
        cannotDraw();
        return;
      }
      var packed = atob(document.getElementById('plotly-library').textContent);
      var bytes = new Uint8Array(packed.length);
      for (var i = 0; i < packed.length; i++) { bytes[i] = packed.charCodeAt(i); }
      var unpacked = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
      new Response(unpacked).blob().then(function (js) {
        var script = document.createElement('script');
        script.src = URL.createObjectURL(new Blob([js], { type: 'text/javascript' }));
        script.onload = function () {
          URL.revokeObjectURL(script.src);
          charts.forEach(function (draw) { draw(); });
        };
        script.onerror = cannotDraw;
        document.body.appendChild(script);
      }).catch(cannotDraw);
      """;

  private static final java.util.regex.Pattern TABLE =
      java.util.regex.Pattern.compile(
          "<table>\\s*<caption>(.*?)</caption>.*?</table>", java.util.regex.Pattern.DOTALL);

  private HtmlPage() {}

  /**
   * Puts every table in a box of its own that scrolls sideways when the table is wider than the
   * screen. The box is a labelled region a keyboard can reach (it takes its table's caption as its
   * name), so a reader without a mouse can scroll it too.
   */
  static String scrollingTables(String html) {
    java.util.regex.Matcher m = TABLE.matcher(html);
    StringBuilder out = new StringBuilder(html.length() + 1024);
    while (m.find()) {
      String name = m.group(1).replaceAll("<[^>]*>", "").replace("\"", "&quot;").strip();
      m.appendReplacement(
          out,
          java.util.regex.Matcher.quoteReplacement(
              "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\""
                  + name
                  + "\">"
                  + m.group()
                  + "</div>"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The whole page.
   *
   * @param title the document title (plain text)
   * @param header the {@code <header>} element's inner HTML
   * @param main the {@code <main>} element's inner HTML
   * @param footer the {@code <footer>} element's inner HTML
   * @param chartScripts one function expression per chart, called after Plotly loads
   */
  static String render(
      String title, String header, String main, String footer, List<String> chartScripts) {
    StringBuilder page = new StringBuilder(PlotlyLibrary.compressedBase64().length() + 64_000);
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(CONTENT_SECURITY_POLICY)
        .append("\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<title>")
        .append(Html.escape(title))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<header class=\"pack\">\n")
        .append(header)
        .append("</header>\n<main>\n")
        .append(scrollingTables(Legends.addTo(main)))
        .append("</main>\n<footer>\n")
        .append(scrollingTables(footer))
        .append("</footer>\n");
    if (!chartScripts.isEmpty()) {
      page.append("<script id=\"plotly-library\" type=\"application/gzip\">")
          .append(PlotlyLibrary.compressedBase64())
          .append("</script>\n<script>\n")
          .append(PlotlyLibrary.licenceHeader())
          .append("\n/* plotly.js ")
          .append(PlotlyLibrary.version())
          .append(" is carried above, gzip-compressed and base64-encoded, so the page needs no")
          .append(
              " network; it is unpacked here into a blob: script and then draws each chart. */\n")
          .append("(function () {\nvar charts = [\n")
          .append(String.join(",\n", chartScripts))
          .append("\n];\n")
          .append(LOADER)
          .append("})();\n</script>\n");
    }
    return page.append("</body>\n</html>\n").toString();
  }
}
