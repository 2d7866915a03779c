package org.clusterlens.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.clusterlens.model.Figure;
import org.clusterlens.report.ClusterPack;
import org.clusterlens.report.Labels;
import org.clusterlens.report.SchoolResults;
import org.clusterlens.report.SubjectResult;
import org.clusterlens.report.TermResult;

/** Renders the School Improvement Partner's cluster pack as one self-contained HTML page. */
public final class ClusterPackHtml {

  private ClusterPackHtml() {}

  /** The page as a string; pure and needs no network. */
  public static String render(ClusterPack pack) {
    List<String> charts = new ArrayList<>();
    StringBuilder main = new StringBuilder(32_000);
    KeyPointsSection.render(main, pack.keyPoints());
    rwm(main, pack, charts);
    subjects(main, pack);
    thisTerm(main, pack);
    howToRead(main);
    return HtmlPage.render(
        "Cluster pack: "
            + pack.clusterName()
            + (pack.latestTerm() == null ? "" : ", " + pack.latestTerm().label()),
        header(pack),
        main.toString(),
        SourcesFooter.render(pack.generatedAt(), pack.sources()),
        charts);
  }

  private static String header(ClusterPack pack) {
    StringBuilder h = new StringBuilder();
    h.append("<p class=\"kicker\">Cluster pack for the School Improvement Partner</p>\n<h1>")
        .append(Html.escape(pack.clusterName()))
        .append("</h1>\n<p>")
        .append(pack.schools().size())
        .append(" schools");
    if (pack.latestTerm() != null) {
      h.append(" · figures up to ").append(Html.escape(pack.latestTerm().label()));
    }
    if (pack.ks2Year() != null) {
      h.append(" · Key Stage 2 results for ").append(Html.escape(pack.ks2Year()));
    }
    return h.append("</p>\n").toString();
  }

  private static void rwm(StringBuilder out, ClusterPack pack, List<String> charts) {
    out.append("<section aria-labelledby=\"rwm\">\n<h2 id=\"rwm\">Reading, writing and maths")
        .append(" combined (RWM) at Key Stage 2</h2>\n");
    if (pack.ks2Year() == null) {
      out.append("<p>There are no Key Stage 2 results in the returns yet.</p>\n</section>\n");
      return;
    }
    String now = pack.ks2Year();
    String before = pack.previousKs2Year();
    out.append("<p>Each school's Year 6 in ")
        .append(Html.escape(now))
        .append(", and the shift since ")
        .append(Html.escape(before))
        .append(" in percentage points. A pupil counts only if they reached the level in all")
        .append(" three subjects.</p>\n<table>\n<caption>RWM by school, ")
        .append(Html.escape(now))
        .append("</caption>\n<thead>\n<tr>")
        .append(Cells.colHeader("School"))
        .append(Cells.colHeader("% at Level 4+"))
        .append(Cells.colHeader("Shift at Level 4+"))
        .append(Cells.colHeader("% at Level 5+"))
        .append(Cells.colHeader("Shift at Level 5+"))
        .append(Cells.colHeader("One pupil is worth"))
        .append("</tr>\n</thead>\n<tbody>\n");
    List<SchoolResults> rows = new ArrayList<>(pack.schools());
    rows.add(pack.cluster());
    for (SchoolResults s : rows) {
      SubjectResult r = s.rwm().orElse(null);
      out.append(s == pack.cluster() ? "<tr class=\"pooled\">" : "<tr>")
          .append(Cells.rowHeader(s.label()));
      if (r == null) {
        out.append(Cells.NONE.repeat(5));
      } else {
        out.append(Cells.percent(r.level4()))
            .append(Cells.shift(r.shift4()))
            .append(Cells.percent(r.level5()))
            .append(Cells.shift(r.shift5()))
            .append(Cells.onePupil(r.pupils()));
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");

    out.append("<figure>\n<div id=\"shiftChart\" class=\"chart\" role=\"img\" aria-label=\"Bar")
        .append(" chart of each school's shift at Level 4+ and Level 5+ in reading, writing and")
        .append(" maths combined. The table above gives the same figures.\"></div>\n")
        .append("<figcaption>Shift in RWM from ")
        .append(Html.escape(before))
        .append(" to ")
        .append(Html.escape(now))
        .append(", percentage points. The table above gives the same figures with each")
        .append(" school's n.</figcaption>\n</figure>\n</section>\n");
    List<String> labels = rows.stream().map(SchoolResults::label).toList();
    charts.add(
        Charts.groupedBars(
            "shiftChart",
            labels,
            List.of(
                new Charts.Series("Level 4+", Charts.DARK, shifts(rows, SubjectResult::shift4)),
                new Charts.Series("Level 5+", Charts.ORANGE, shifts(rows, SubjectResult::shift5))),
            "Change (percentage points)",
            null));
  }

  private static double[] shifts(List<SchoolResults> rows, Function<SubjectResult, Double> shift) {
    return rows.stream()
        .mapToDouble(
            s -> {
              Double value = s.rwm().map(shift).orElse(null);
              return value == null ? Double.NaN : value;
            })
        .toArray();
  }

  private static void subjects(StringBuilder out, ClusterPack pack) {
    if (pack.ks2Year() == null) {
      return;
    }
    out.append("<section aria-labelledby=\"subjects\">\n<h2 id=\"subjects\">Key Stage 2 by")
        .append(" subject, ")
        .append(Html.escape(pack.ks2Year()))
        .append("</h2>\n");
    subjectTable(out, pack, "% at Level 4+ by subject", r -> Cells.percent(r.level4()));
    subjectTable(out, pack, "% at Level 5+ by subject", r -> Cells.percent(r.level5()));
    subjectTable(out, pack, "Average points by subject", r -> Cells.points(r.points()));
    out.append("</section>\n");
  }

  private static void subjectTable(
      StringBuilder out, ClusterPack pack, String caption, Function<SubjectResult, String> cell) {
    List<String> subjects = List.of("reading", "writing", "maths");
    out.append("<table>\n<caption>")
        .append(Html.escape(caption))
        .append("</caption>\n<thead>\n<tr>");
    out.append(Cells.colHeader("School"));
    subjects.forEach(s -> out.append(Cells.colHeader(Labels.subject(s))));
    out.append("</tr>\n</thead>\n<tbody>\n");
    List<SchoolResults> rows = new ArrayList<>(pack.schools());
    rows.add(pack.cluster());
    for (SchoolResults s : rows) {
      out.append(s == pack.cluster() ? "<tr class=\"pooled\">" : "<tr>")
          .append(Cells.rowHeader(s.label()));
      for (String subject : subjects) {
        out.append(s.ks2(subject).map(cell).orElse(Cells.NONE));
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  private static void thisTerm(StringBuilder out, ClusterPack pack) {
    if (pack.teacherTerm() == null) {
      return;
    }
    String term = pack.teacherTerm().label();
    out.append("<section aria-labelledby=\"this-term\">\n<h2 id=\"this-term\">Teacher assessment")
        .append(" this term, ")
        .append(Html.escape(term))
        .append("</h2>\n<p>All year groups together. Teacher assessment during the year is not")
        .append(" standardised across schools, so compare schools on it with care.</p>\n");
    Map<String, List<TermResult>> groups = new LinkedHashMap<>();
    List<SchoolResults> rows = new ArrayList<>(pack.schools());
    rows.add(pack.cluster());
    for (SchoolResults s : rows) {
      List<TermResult> all =
          s.thisTerm().stream().filter(r -> r.yearGroup().equals(Figure.ALL)).toList();
      if (!all.isEmpty()) {
        groups.put(s.label(), all);
      }
    }
    TermTable.render(out, "Teacher assessment by school, " + term, "School", groups);
    out.append("</section>\n");
  }

  private static void howToRead(StringBuilder out) {
    out.append("<section aria-labelledby=\"how-to-read\">\n<h2 id=\"how-to-read\">How to read")
        .append(" this pack</h2>\n<ul>\n")
        .append("<li>72% (36 of 50) means 36 of the 50 pupils counted, which is 72%.</li>\n")
        .append("<li>A shift is the change in percentage points since last year's Year 6:")
        .append(" different pupils, so some change happens by chance.</li>\n")
        .append("<li>One pupil is worth 100 ÷ n percentage points; compare schools with that in")
        .append(" mind.</li>\n")
        .append("<li>This version does not yet test whether chance alone could explain a")
        .append(" difference; funnel plots and intervals will follow.</li>\n")
        .append("<li>The cluster row pools every pupil in the cluster, so larger schools count")
        .append(" for more.</li>\n")
        .append("<li>Average points: Level 4 is 27 points, Level 5 is 33, and each step within a")
        .append(" level (c, b, a) is 2 points.</li>\n")
        .append("<li>A dash (–) means there is no figure.</li>\n</ul>\n</section>\n");
  }
}
