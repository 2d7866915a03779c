package org.clusterlens.report.html;

import java.util.ArrayList;
import java.util.List;
import org.clusterlens.model.Assessment;
import org.clusterlens.report.Blank;
import org.clusterlens.report.ChangeRange;
import org.clusterlens.report.GovernorPack;
import org.clusterlens.report.Labels;
import org.clusterlens.report.ReadingNotes;
import org.clusterlens.report.SchoolResults;
import org.clusterlens.report.SubjectResult;

/** Renders a governor pack as one self-contained, printable HTML page. */
public final class GovernorPackHtml {

  private GovernorPackHtml() {}

  /** The page as a string; pure, needs no network, and names no peer school it may not name. */
  public static String render(GovernorPack pack) {
    return render(pack, "");
  }

  /** The page with {@code sharedWork} (a rendered section) placed before "how to read". */
  public static String render(GovernorPack pack, String sharedWork) {
    List<String> charts = new ArrayList<>();
    StringBuilder main = new StringBuilder(32_000);
    KeyPointsSection.render(main, pack.keyPoints());
    ks2(main, pack);
    SchemeSection.render(main, List.of(pack.self()), false);
    shift(main, pack, charts);
    GovernorSections.progress(main, pack);
    GovernorSections.groups(main, pack);
    GovernorSections.ks1(main, pack);
    GovernorSections.trends(main, pack, charts);
    GovernorSections.context(main, pack);
    peers(main, pack);
    thisTerm(main, pack);
    main.append(sharedWork);
    GovernorSections.completeness(main, pack);
    howToRead(main, ReadingNotes.forGovernors(pack));
    return HtmlPage.render(
        "Governor pack: " + pack.school().name() + termSuffix(pack),
        header(pack),
        main.toString(),
        SourcesFooter.oneLine(pack.generatedAt(), pack.sources(), pack.otherReturns()),
        charts);
  }

  private static String termSuffix(GovernorPack pack) {
    return pack.latestTerm() == null ? "" : ", " + pack.latestTerm().label();
  }

  private static String header(GovernorPack pack) {
    StringBuilder h = new StringBuilder();
    h.append("<p class=\"kicker\">Governor pack · ")
        .append(Html.escape(pack.clusterName()))
        .append("</p>\n<h1>")
        .append(Html.escape(pack.school().name()))
        .append("</h1>\n");
    if (pack.latestTerm() != null) {
      h.append("<p>Figures up to ").append(Html.escape(pack.latestTerm().label()));
      if (pack.ks2Year() != null) {
        h.append(" · Key Stage 2 results for ").append(Html.escape(pack.ks2Year()));
      }
      h.append("</p>\n");
    }
    return h.toString();
  }

  private static boolean ks2InAnotherScheme(GovernorPack pack) {
    return pack.self().otherSchemes().stream()
        .anyMatch(r -> r.assessment().equals(Assessment.KS2.label()));
  }

  private static void ks2(StringBuilder out, GovernorPack pack) {
    out.append("<section aria-labelledby=\"ks2\">\n<h2 id=\"ks2\">Attainment: Key Stage 2 results");
    if (pack.ks2Year() != null) {
      out.append(", ").append(Html.escape(pack.ks2Year()));
    }
    out.append("</h2>\n");
    if (pack.self().ks2().isEmpty()) {
      out.append(
              ks2InAnotherScheme(pack)
                  ? "<p>This school's latest Key Stage 2 results are not in National Curriculum"
                      + " levels, so they are shown on their own below rather than beside the"
                      + " cluster's levels.</p>\n"
                  : "<p>There are no Key Stage 2 results for this school in the returns yet.</p>\n")
          .append("</section>\n");
      return;
    }
    HtmlTable.opening(
        out,
        pack.opening("ks2"),
        "Year 6 results at the end of primary school, beside the cluster's pooled figures.");
    out.append("<table>\n<caption>Key Stage 2 results by subject, ")
        .append(Html.escape(pack.ks2Year()))
        .append(", this school and the cluster</caption>\n<thead>\n<tr><td></td>")
        .append("<th scope=\"colgroup\" colspan=\"4\">This school</th>")
        .append("<th scope=\"colgroup\" colspan=\"3\">Cluster (all schools)</th></tr>\n<tr>")
        .append(Cells.colHeader("Subject"))
        .append(Cells.colHeader("% at Level 4+"))
        .append(Cells.colHeader("% at Level 5+"))
        .append(Cells.colHeader("Average points (same pupils)"))
        .append(Cells.colHeader("One pupil is worth"))
        .append(Cells.colHeader("% at Level 4+"))
        .append(Cells.colHeader("% at Level 5+"))
        .append(Cells.colHeader("Average points (same pupils)"))
        .append("</tr>\n</thead>\n<tbody>\n");
    for (SubjectResult r : pack.self().ks2()) {
      SubjectResult c = pack.cluster().ks2(r.subject()).orElse(null);
      out.append("<tr>")
          .append(Cells.rowHeader(Labels.subject(r.subject())))
          .append(Cells.percent(r.level4(), r.blank("level4")))
          .append(Cells.percent(r.level5(), r.blank("level5")))
          .append(mean(r.points(), r.level4(), r.blank("points")))
          .append(Cells.onePupil(r.pupils()))
          .append(c == null ? Cells.NONE : Cells.percent(c.level4(), c.blank("level4")))
          .append(c == null ? Cells.NONE : Cells.percent(c.level5(), c.blank("level5")))
          .append(
              c == null
                  ? r.blank("points") == Blank.NOT_APPLICABLE ? Cells.NOT_APPLICABLE : Cells.NONE
                  : mean(c.points(), c.level4(), c.blank("points")))
          .append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n</section>\n");
  }

  /**
   * Average points alone when they count the same pupils as the row's Level 4+ (its n is there),
   * otherwise with their own n.
   */
  private static String mean(
      org.clusterlens.report.AveragePoints points,
      org.clusterlens.report.Proportion level4,
      Blank why) {
    if (points == null || level4 == null || points.pupils() != level4.pupils()) {
      return Cells.points(points, why);
    }
    return "<td class=\"num\">"
        + Html.escape(org.clusterlens.report.Numbers.points(points.mean()))
        + "</td>";
  }

  private static void shift(StringBuilder out, GovernorPack pack, List<String> charts) {
    out.append(
        "<section aria-labelledby=\"shift\">\n<h2 id=\"shift\">Level 4 / Level 5 shift</h2>\n");
    SubjectResult self = pack.self().rwm().orElse(null);
    SubjectResult cluster = pack.cluster().rwm().orElse(null);
    if (self == null || pack.ks2Year() == null) {
      out.append(
              ks2InAnotherScheme(pack)
                  ? "<p>The Level 4 / Level 5 shift is measured in levels, and this school's"
                      + " latest Key Stage 2 results are in another scheme.</p>\n"
                  : "<p>There are no Key Stage 2 results to compare yet.</p>\n")
          .append("</section>\n");
      return;
    }
    String now = pack.ks2Year();
    String before = pack.previousKs2Year();
    HtmlTable.opening(
        out,
        pack.opening("shift"),
        "The change in the percentage of Year 6 at each level from "
            + before
            + " to "
            + now
            + ", in percentage points: two different year groups.");
    out.append("<div class=\"chart-and-table\">\n<figure>\n")
        .append("<div id=\"shiftChart\" class=\"chart\" role=\"img\" aria-label=\"Bar chart of")
        .append(" the percentage at Level 4+ and Level 5+ in reading, writing and maths combined,")
        .append(" last year and this year, for this school and the cluster. The table beside it")
        .append(" gives the same figures.\"></div>\n")
        .append("<figcaption>Reading, writing and maths combined: % at Level 4+ and 5+, ")
        .append(Html.escape(before))
        .append(" and ")
        .append(Html.escape(now))
        .append(".</figcaption>\n</figure>\n");
    charts.add(
        Charts.groupedBars(
            "shiftChart",
            List.of(
                "This school, Level 4+",
                "Cluster, Level 4+",
                "This school, Level 5+",
                "Cluster, Level 5+"),
            List.of(
                new Charts.Series(
                    before,
                    Charts.LIGHT,
                    new double[] {
                      pct(self.level4Before()),
                      pct(cluster == null ? null : cluster.level4Before()),
                      pct(self.level5Before()),
                      pct(cluster == null ? null : cluster.level5Before())
                    }),
                new Charts.Series(
                    now,
                    Charts.DARK,
                    new double[] {
                      pct(self.level4()),
                      pct(cluster == null ? null : cluster.level4()),
                      pct(self.level5()),
                      pct(cluster == null ? null : cluster.level5())
                    })),
            "% of Year 6 pupils",
            new double[] {0, 100}));

    out.append("<table>\n<caption>Reading, writing and maths combined: the shift</caption>\n")
        .append("<thead>\n<tr>")
        .append(Cells.colHeader(""))
        .append(Cells.colHeader(before))
        .append(Cells.colHeader(now))
        .append(Cells.colHeader("Change (percentage points)"))
        .append(Cells.colHeader("95% interval of the change"))
        .append("</tr>\n</thead>\n<tbody>\n");
    shiftRow(out, "This school, Level 4+", self, "4", "");
    shiftRow(out, "This school, Level 5+", self, "5", "");
    if (cluster != null) {
      shiftRow(out, "Cluster, Level 4+", cluster, "4", " class=\"pooled\"");
      shiftRow(out, "Cluster, Level 5+", cluster, "5", " class=\"pooled\"");
    }
    out.append("</tbody>\n</table>\n</div>\n");

    // Each subject's shift is in the workbook's Shift sheet: the page keeps the combined one.
    HtmlTable.paragraph(out, "Each subject's shift is in the workbook's Shift sheet.");
    out.append("</section>\n");
  }

  /** One row of the shift table: last year, this year, the change and its interval. */
  private static void shiftRow(
      StringBuilder out, String label, SubjectResult r, String level, String rowClass) {
    boolean four = level.equals("4");
    ChangeRange range = four ? r.shift4Range() : r.shift5Range();
    out.append("<tr")
        .append(rowClass)
        .append(">")
        .append(Cells.rowHeader(label))
        .append(
            Cells.percent(
                four ? r.level4Before() : r.level5Before(), r.blank("level" + level + "Before")))
        .append(Cells.percent(four ? r.level4() : r.level5(), r.blank("level" + level)))
        .append(Cells.shift(four ? r.shift4() : r.shift5(), range, r.blank("shift" + level)))
        .append(range == null ? Cells.blank(r.blank("shift" + level)) : Cells.range(range))
        .append("</tr>\n");
  }

  private static double pct(org.clusterlens.report.Proportion p) {
    return p == null ? Double.NaN : p.percent();
  }

  private static void peers(StringBuilder out, GovernorPack pack) {
    if (pack.peers().isEmpty() || pack.ks2Year() == null) {
      return;
    }
    HtmlTable.section(out, "peers", "Schools in the cluster");
    HtmlTable.opening(
        out,
        pack.opening("peers"),
        "Reading, writing and maths combined at Key Stage 2, "
            + pack.ks2Year()
            + ". Small schools' figures move a long way with one pupil, so compare with care.");
    // Level 5+ for each school is in the workbook's Schools sheet.
    HtmlTable.open(
        out,
        "Each school in the cluster, reading, writing and maths combined at Level 4+",
        "School",
        "% at Level 4+",
        "Shift at Level 4+",
        "One pupil is worth");
    String self =
        pack.peersNamed()
            ? pack.self().label()
            : Labels.ownSchool(pack.self().label(), pack.ownLetter());
    HtmlTable.row(out, "self", "This school: " + self, level4Cells(pack.self()));
    for (SchoolResults peer : pack.peers()) {
      HtmlTable.row(out, "", peer.label(), level4Cells(peer));
    }
    HtmlTable.row(out, "pooled", pack.cluster().label(), level4Cells(pack.cluster()));
    HtmlTable.close(out);
    out.append("</section>\n");
  }

  /** A school's reading, writing and maths combined at Level 4+: the three cells after its name. */
  private static String level4Cells(SchoolResults s) {
    SubjectResult r = s.rwm().orElse(null);
    if (r == null) {
      return Cells.NONE.repeat(3);
    }
    return Cells.percent(r.level4(), r.blank("level4"))
        + Cells.shift(r.shift4(), r.shift4Range(), r.blank("shift4"))
        + Cells.onePupil(r.pupils());
  }

  private static void thisTerm(StringBuilder out, GovernorPack pack) {
    if (pack.teacherTerm() == null) {
      return;
    }
    String term = pack.teacherTerm().label();
    out.append("<section aria-labelledby=\"this-term\">\n<h2 id=\"this-term\">This term's teacher")
        .append(" assessment, ")
        .append(Html.escape(term))
        .append("</h2>\n");
    if (pack.self().thisTerm().isEmpty()) {
      out.append("<p>This school's return for this term has no teacher assessment yet.</p>\n")
          .append("</section>\n");
      return;
    }
    HtmlTable.opening(
        out, pack.opening("this-term"), "Teachers' own judgements this term, by year group.");
    TermTable.compact(out, "Teacher assessment by year group, " + term, pack.self().thisTerm());
    HtmlTable.paragraph(
        out, "Level 4+ and 5+ in each subject are in the workbook's This term sheet.");
    out.append("</section>\n");
  }

  /** The notes on how to read the pack, shared with the cluster pack. */
  static void howToRead(StringBuilder out, List<String> notes) {
    HtmlTable.section(out, "how-to-read", "How to read this pack");
    HtmlTable.list(out, notes);
    HtmlTable.paragraph(
        out,
        "A cell without a figure holds a letter: "
            + Blank.legend(java.util.EnumSet.allOf(Blank.class))
            + ".");
    out.append("</section>\n");
  }
}
