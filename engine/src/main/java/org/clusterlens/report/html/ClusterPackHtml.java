package org.clusterlens.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.clusterlens.model.Figure;
import org.clusterlens.report.ClusterPack;
import org.clusterlens.report.Labels;
import org.clusterlens.report.ReadingNotes;
import org.clusterlens.report.SchoolResults;
import org.clusterlens.report.SubjectResult;
import org.clusterlens.report.TermResult;

/** Renders the School Improvement Partner's cluster pack as one self-contained HTML page. */
public final class ClusterPackHtml {

  private ClusterPackHtml() {}

  /** The page as a string; pure and needs no network. */
  public static String render(ClusterPack pack) {
    return render(pack, "");
  }

  /** The page with {@code sharedWork} (a rendered section) placed before "how to read". */
  public static String render(ClusterPack pack, String sharedWork) {
    List<String> charts = new ArrayList<>();
    StringBuilder main = new StringBuilder(32_000);
    KeyPointsSection.render(main, pack.keyPoints());
    rwm(main, pack, charts);
    ClusterSections.funnels(main, pack, charts);
    GovernorSections.groups(
        main,
        "Groups and gaps across the cluster",
        pack.gaps(),
        pack.notKnown(),
        "the rest of the cluster's pupils (pooled across its schools)");
    subjects(main, pack);
    SchemeSection.render(main, pack.schools(), true);
    thisTerm(main, pack);
    main.append(sharedWork);
    ClusterSections.briefs(main, pack);
    GovernorPackHtml.howToRead(main, ReadingNotes.forPartner());
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
        .append(" three subjects.</p>\n");
    HtmlTable.open(out, "RWM by school, " + now, HtmlTable.RWM_HEADERS);
    List<SchoolResults> rows = withCluster(pack);
    for (SchoolResults s : rows) {
      HtmlTable.row(out, s == pack.cluster() ? "pooled" : "", s.label(), HtmlTable.rwmCells(s));
    }
    HtmlTable.close(out);

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
    subjectTable(
        out, pack, "% at Level 4+ by subject", r -> Cells.percent(r.level4(), r.blank("level4")));
    subjectTable(
        out, pack, "% at Level 5+ by subject", r -> Cells.percent(r.level5(), r.blank("level5")));
    subjectTable(
        out, pack, "Average points by subject", r -> Cells.points(r.points(), r.blank("points")));
    out.append("</section>\n");
  }

  private static void subjectTable(
      StringBuilder out, ClusterPack pack, String caption, Function<SubjectResult, String> cell) {
    List<String> subjects = List.of("reading", "writing", "maths");
    HtmlTable.open(
        out,
        caption,
        "School",
        Labels.subject(subjects.get(0)),
        Labels.subject(subjects.get(1)),
        Labels.subject(subjects.get(2)));
    for (SchoolResults s : withCluster(pack)) {
      StringBuilder cells = new StringBuilder();
      for (String subject : subjects) {
        cells.append(s.ks2(subject).map(cell).orElse(Cells.NONE));
      }
      HtmlTable.row(out, s == pack.cluster() ? "pooled" : "", s.label(), cells.toString());
    }
    HtmlTable.close(out);
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
    for (SchoolResults s : withCluster(pack)) {
      List<TermResult> all =
          s.thisTerm().stream().filter(r -> r.yearGroup().equals(Figure.ALL)).toList();
      if (!all.isEmpty()) {
        groups.put(s.label(), all);
      }
    }
    TermTable.render(out, "Teacher assessment by school, " + term, "School", groups);
    out.append("</section>\n");
  }

  /** Every school, then the cluster pooled. */
  private static List<SchoolResults> withCluster(ClusterPack pack) {
    List<SchoolResults> rows = new ArrayList<>(pack.schools());
    rows.add(pack.cluster());
    return rows;
  }
}
