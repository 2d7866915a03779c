package org.clusterlens.report.html;

import java.time.Instant;
import java.util.List;
import org.clusterlens.insight.TracedSentence;
import org.clusterlens.insight.TrainingPage;
import org.clusterlens.report.Labels;

/**
 * Renders the governors' "Reading your data" page: standalone, printable, with no charts and no
 * script, every school anonymised by the insight stage's words.
 */
public final class TrainingPageHtml {

  private TrainingPageHtml() {}

  /** The page as a string; pure and needs no network. */
  public static String render(TrainingPage page, Instant builtAt) {
    StringBuilder main = new StringBuilder(16_000);
    main.append(
            "<section aria-labelledby=\"session\">\n<h2 id=\"session\">A one-hour session</h2>\n")
        .append(
            "<p>For a School Improvement Partner or chair to run with governors: ten minutes on")
        .append(" the words below, twenty-five on the worked examples, twenty on the practice")
        .append(" questions (answers at the end), and five on one question each governor will ask")
        .append(" about their own pack. Every example uses this cluster's real figures, with the")
        .append(" schools shown as School A, School B….</p>\n</section>\n");

    main.append(
            "<section aria-labelledby=\"words\">\n<h2 id=\"words\">The words in the packs</h2>\n")
        .append("<dl class=\"glossary\">\n");
    for (TrainingPage.GlossaryEntry e : page.glossary()) {
      main.append("<dt><strong>")
          .append(Html.escape(e.term()))
          .append("</strong></dt>\n<dd>")
          .append(Html.escape(e.meaning()))
          .append("</dd>\n");
    }
    main.append("</dl>\n</section>\n");

    main.append(
        "<section aria-labelledby=\"examples\">\n<h2 id=\"examples\">Worked examples</h2>\n");
    if (page.examples().isEmpty()) {
      main.append("<p>The returns hold no Key Stage 2 results to work through yet.</p>\n");
    }
    int n = 1;
    for (TrainingPage.WorkedExample x : page.examples()) {
      main.append("<h3>Example ")
          .append(n++)
          .append(": ")
          .append(Html.escape(x.title()))
          .append("</h3>\n<ol class=\"steps\">\n");
      for (TracedSentence s : x.steps()) {
        main.append("<li>").append(Html.escape(s.text())).append("</li>\n");
      }
      main.append("</ol>\n<p class=\"lesson\"><strong>To take away:</strong> ")
          .append(Html.escape(x.lesson()))
          .append("</p>\n");
    }
    main.append("</section>\n");

    main.append(
            "<section aria-labelledby=\"practice\">\n<h2 id=\"practice\">Practice questions</h2>\n")
        .append("<ol>\n");
    for (TrainingPage.Practice q : page.questions()) {
      main.append("<li>").append(Html.escape(q.question().text())).append("</li>\n");
    }
    main.append("</ol>\n</section>\n");

    main.append(
            "<section aria-labelledby=\"answers\" style=\"break-before: page\">\n<h2 id=\"answers\">")
        .append("Answers</h2>\n<ol>\n");
    for (TrainingPage.Practice q : page.questions()) {
      main.append("<li>").append(Html.escape(q.answer().text())).append("</li>\n");
    }
    main.append("</ol>\n</section>\n");

    String header =
        "<p class=\"kicker\">Governor training · "
            + Html.escape(page.clusterName())
            + "</p>\n<h1>Reading your data</h1>\n<p>How to read the figures in your governor pack,"
            + " using the cluster's own results.</p>\n";
    String footer =
        "<p>Built on "
            + Html.escape(Labels.builtAt(builtAt))
            + " from the same figures as the packs (metrics.csv). Percentages are rounded to whole"
            + " numbers; every range is 95%.</p>\n";
    return HtmlPage.render(
        "Reading your data: " + page.clusterName(), header, main.toString(), footer, List.of());
  }
}
