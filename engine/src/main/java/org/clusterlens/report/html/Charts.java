package org.clusterlens.report.html;

import java.util.List;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Config;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * Builds charts with Tablesaw's Plotly API and turns them into inline scripts a page can carry.
 *
 * <p>Tablesaw's own {@code Page} loads Plotly from a CDN, so it is never used: only the figure's
 * {@code asJavascript}, unwrapped from its {@code <script>} tags, scoped in a function and made
 * safe to sit inside a {@code <script>} element.
 */
final class Charts {

  /** Okabe–Ito blue and sky blue: distinguishable with the common colour-vision deficiencies. */
  static final String DARK = "#0072B2";

  static final String LIGHT = "#56B4E9";
  static final String ORANGE = "#D55E00";

  private Charts() {}

  /** One series of a bar chart. */
  record Series(String name, String colour, double[] values) {}

  /**
   * A grouped bar chart as an inline script.
   *
   * @param divId the id of the element the chart fills; a JavaScript identifier, since Tablesaw
   *     names a variable after it
   * @param categories the bars' labels along the bottom
   * @param series one or more series; NaN leaves a gap
   * @param yTitle the vertical axis title
   * @param yRange the vertical range, or null to fit the data
   */
  static String groupedBars(
      String divId, List<String> categories, List<Series> series, String yTitle, double[] yRange) {
    requireIdentifier(divId);
    Object[] x = categories.stream().map(Charts::plainLabel).toArray();
    BarTrace[] traces =
        series.stream()
            .map(
                s ->
                    BarTrace.builder(x, s.values())
                        .name(plainLabel(s.name()))
                        .marker(Marker.builder().color(s.colour()).build())
                        .build())
            .toArray(BarTrace[]::new);
    Axis.AxisBuilder y = Axis.builder().title(plainLabel(yTitle)).gridColor("#d9d9d9");
    if (yRange != null) {
      y.range(yRange[0], yRange[1]);
    }
    // Long category labels (school names) are drawn slanted: leave room below for the longest.
    int longest = categories.stream().mapToInt(String::length).max().orElse(0);
    int bottom = Math.min(60 + Math.max(0, longest - 12) * 5, 220);
    Layout layout =
        Layout.builder()
            .barMode(Layout.BarMode.GROUP)
            .autosize(true)
            .height(300 + bottom)
            .margin(Margin.builder().top(20).bottom(bottom).left(60).right(20).build())
            .yAxis(y.build())
            .build();
    tech.tablesaw.plotly.components.Figure figure =
        new tech.tablesaw.plotly.components.Figure(layout, config(), traces);
    return inlineScript(figure.asJavascript(divId));
  }

  /**
   * A funnel plot as an inline script: each school's percentage against its pupils, the cluster
   * rate, and the 95% (dashed) and 99.8% (dotted) limits.
   *
   * @param divId the id of the element the chart fills; a JavaScript identifier
   * @param funnel the funnel; never null
   */
  static String funnel(String divId, org.clusterlens.report.MeasureFunnel funnel) {
    requireIdentifier(divId);
    var curve = funnel.curve();
    double[] n = curve.stream().mapToDouble(l -> l.n()).toArray();
    List<ScatterTrace> traces = new java.util.ArrayList<>();
    traces.add(
        line(
            "99.8% limits",
            n, curve.stream().mapToDouble(l -> l.upper998()).toArray(), Line.Dash.DOT, true));
    traces.add(
        line(
            "99.8% lower",
            n, curve.stream().mapToDouble(l -> l.lower998()).toArray(), Line.Dash.DOT, false));
    traces.add(
        line(
            "95% limits",
            n, curve.stream().mapToDouble(l -> l.upper95()).toArray(), Line.Dash.DASH, true));
    traces.add(
        line(
            "95% lower",
            n, curve.stream().mapToDouble(l -> l.lower95()).toArray(), Line.Dash.DASH, false));
    double target = funnel.target().percent();
    traces.add(
        ScatterTrace.builder(new double[] {n[0], n[n.length - 1]}, new double[] {target, target})
            .mode(ScatterTrace.Mode.LINE)
            .name("Cluster rate")
            .line(Line.builder().color(DARK).width(2).build())
            .build());
    traces.add(
        ScatterTrace.builder(
                funnel.schools().stream().mapToDouble(r -> r.figure().pupils()).toArray(),
                funnel.schools().stream().mapToDouble(r -> r.figure().percent()).toArray())
            .mode(ScatterTrace.Mode.TEXT_AND_MARKERS)
            .text(funnel.schools().stream().map(r -> plainLabel(r.school())).toArray(String[]::new))
            .name("Schools")
            .marker(Marker.builder().color(ORANGE).size(10).build())
            .build());
    Layout layout =
        Layout.builder()
            .autosize(true)
            .height(420)
            .margin(Margin.builder().top(20).bottom(60).left(60).right(20).build())
            .xAxis(Axis.builder().title("Pupils counted (n)").gridColor("#d9d9d9").build())
            .yAxis(Axis.builder().title("% of pupils").range(0, 100).gridColor("#d9d9d9").build())
            .build();
    // Tablesaw cannot place text: put each school's name beside its dot, not on it, alternating
    // above and below in order of size so that neighbours' names do not overlap, and never clipped
    // at the plot's edge.
    String js =
        new tech.tablesaw.plotly.components.Figure(
                layout, config(), traces.toArray(new ScatterTrace[0]))
            .asJavascript(divId)
            .replace(
                "mode: 'markers+text',",
                "mode: 'markers+text', cliponaxis: false, textposition: "
                    + labelPositions(funnel)
                    + ",");
    return inlineScript(js);
  }

  /**
   * No toolbar, no logo link, and responsive: the chart takes its box's width (a phone's, a wide
   * screen's, a printed page's) and redraws when the box changes; its height stays as set.
   */
  private static Config config() {
    return Config.builder().displayModeBar(false).displayLogo(false).responsive(true).build();
  }

  /**
   * Each school's label position, as a JavaScript array in the schools' order: schools sorted by
   * size take turns above and below their dots, so neighbours on the n axis are labelled apart.
   */
  private static String labelPositions(org.clusterlens.report.MeasureFunnel funnel) {
    var rows = funnel.schools();
    List<Integer> bySize = new java.util.ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      bySize.add(i);
    }
    bySize.sort(java.util.Comparator.comparingLong(i -> rows.get(i).figure().pupils()));
    String[] positions = new String[rows.size()];
    for (int k = 0; k < bySize.size(); k++) {
      positions[bySize.get(k)] = k % 2 == 0 ? "'top center'" : "'bottom center'";
    }
    return "[" + String.join(", ", positions) + "]";
  }

  private static ScatterTrace line(
      String name, double[] x, double[] y, Line.Dash dash, boolean inLegend) {
    return ScatterTrace.builder(x, y)
        .mode(ScatterTrace.Mode.LINE)
        .name(name)
        .showLegend(inLegend)
        .line(Line.builder().color("#555555").width(1.5).dash(dash).build())
        .build();
  }

  private static void requireIdentifier(String divId) {
    if (!divId.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "Chart id '" + divId + "' must be a JavaScript identifier (letters, digits, _)");
    }
  }

  /**
   * Turns Tablesaw's {@code <script>…</script>} into a function expression, called once Plotly has
   * loaded, that cannot end its {@code <script>} element early and cannot show Plotly's logo link.
   */
  static String inlineScript(String tablesawJs) {
    String js = tablesawJs.strip();
    if (!js.startsWith("<script>") || !js.endsWith("</script>")) {
      throw new IllegalStateException("Tablesaw's chart script has an unexpected shape");
    }
    js = js.substring("<script>".length(), js.length() - "</script>".length());
    if (!js.contains("\"displaylogo\" : false")) {
      throw new IllegalStateException("A chart script would show Plotly's logo link");
    }
    js = js.replace("</", "<\\/").replace("<!--", "<\\!--");
    return "function () {\n" + js.strip() + "\n}";
  }

  /**
   * Keeps chart labels to plain text: Tablesaw does not escape names for JavaScript, and Plotly
   * reads a few HTML tags in labels.
   */
  static String plainLabel(String text) {
    return text.replace('\'', '\u2019')
        .replaceAll("[<>\"\\\\\\r\\n]", " ")
        .replaceAll(" {2,}", " ")
        .strip();
  }
}
