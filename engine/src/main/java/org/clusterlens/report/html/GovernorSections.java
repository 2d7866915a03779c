package org.clusterlens.report.html;

import java.util.List;
import java.util.Optional;
import org.clusterlens.metrics.Measures;
import org.clusterlens.model.Judgement;
import org.clusterlens.report.Estimate;
import org.clusterlens.report.GovernorDetails;
import org.clusterlens.report.GovernorDetails.Context;
import org.clusterlens.report.GovernorDetails.GapRow;
import org.clusterlens.report.GovernorDetails.MissingGrades;
import org.clusterlens.report.GovernorDetails.ProgressRow;
import org.clusterlens.report.GovernorDetails.TermReturn;
import org.clusterlens.report.GovernorDetails.TrendYear;
import org.clusterlens.report.GovernorPack;
import org.clusterlens.report.Labels;
import org.clusterlens.report.Proportion;

/**
 * The governor pack's later sections: progress, groups and gaps, trends, context and data
 * completeness. A section whose figures are not in the metrics yet says so plainly.
 */
final class GovernorSections {

  private GovernorSections() {}

  static void progress(StringBuilder out, GovernorPack pack) {
    HtmlTable.section(out, "progress", "Progress");
    List<ProgressRow> all = pack.details().progress();
    // Points gained since last term are in the workbook when the year-on-year figures are here.
    boolean yearly = all.stream().anyMatch(r -> r.measure().equals(Measures.PROGRESS_POINTS_YEAR));
    List<ProgressRow> rows =
        all.stream()
            .filter(r -> !(yearly && r.measure().equals(Measures.PROGRESS_POINTS_TERM)))
            .toList();
    boolean onePeriod = rows.stream().map(ProgressRow::period).distinct().count() == 1;
    boolean oneMeasure = rows.stream().map(ProgressRow::measure).distinct().count() == 1;
    if (rows.isEmpty()) {
      HtmlTable.paragraph(
          out,
          "Progress figures (points gained, expected progress, value added) are not yet available"
              + " from these returns.");
      out.append("</section>\n");
      return;
    }
    HtmlTable.opening(
        out,
        pack.opening("progress"),
        "How far pupils moved, not where they ended, with each figure's 95% interval.");
    List<String> headers = new java.util.ArrayList<>();
    if (!oneMeasure) {
      headers.add("Measure");
    }
    headers.add("Subject");
    if (!onePeriod) {
      headers.add("When");
    }
    headers.addAll(List.of("This school", "95% interval", "Cluster (all schools)"));
    HtmlTable.open(
        out,
        (oneMeasure ? Labels.measure(rows.get(0).measure()) : "Progress")
            + " by subject, this school and the cluster"
            + (onePeriod ? ", " + rows.get(0).period() : ""),
        headers.toArray(String[]::new));
    for (ProgressRow r : rows) {
      String cells =
          (oneMeasure ? "" : "<td>" + Html.escape(Labels.subject(r.subject())) + "</td>")
              + (onePeriod ? "" : "<td>" + Html.escape(r.period()) + "</td>")
              + (r.selfPercent() != null
                  ? Cells.percent(r.selfPercent())
                  : estimate(r.self(), r.blank("self")))
              + (r.self() == null
                  ? Cells.blank(r.blank("self"))
                  : r.self().range().isEmpty() ? Cells.NONE : Cells.text(r.self().range()))
              + (r.clusterPercent() != null
                  ? Cells.percent(r.clusterPercent())
                  : estimate(r.cluster(), r.blank("cluster")));
      HtmlTable.row(
          out, "", oneMeasure ? Labels.subject(r.subject()) : Labels.measure(r.measure()), cells);
    }
    HtmlTable.close(out);
    out.append("</section>\n");
  }

  static void groups(StringBuilder out, GovernorPack pack) {
    groups(
        out,
        "Groups and gaps",
        pack.details().gaps(),
        pack.details().notKnown(),
        "the rest of the school",
        pack.opening("groups"));
  }

  /**
   * Each group's gap against {@code rest} ("the rest of the school"), with its n and range, and one
   * line on the pupils whose value is not known.
   */
  static void groups(
      StringBuilder out,
      String heading,
      List<GapRow> gaps,
      List<GovernorDetails.NotKnownRow> notKnown,
      String rest) {
    groups(out, heading, gaps, notKnown, rest, null);
  }

  private static void groups(
      StringBuilder out,
      String heading,
      List<GapRow> gaps,
      List<GovernorDetails.NotKnownRow> notKnown,
      String rest,
      String opening) {
    HtmlTable.section(out, "groups", heading);
    Optional<String> notKnownLine = GovernorDetails.notKnownLine(notKnown);
    if (gaps.isEmpty()) {
      HtmlTable.paragraph(
          out,
          "Gaps between groups of pupils (disadvantaged, SEN, EAL, boys and girls) are not yet"
              + " available from these returns.");
      notKnownLine.ifPresent(line -> HtmlTable.paragraph(out, line));
      out.append("</section>\n");
      return;
    }
    boolean governors = opening != null;
    // For governors, side questions with nothing unusual are named in one line, not a row each.
    List<GapRow> quiet =
        governors
            ? gaps.stream()
                .filter(g -> !g.tooFewToCompare() && g.judgement() != null)
                .filter(g -> !g.judgement().headline())
                .filter(g -> g.judgement().verdict() == Judgement.Verdict.CANNOT_TELL)
                .toList()
            : List.of();
    List<GapRow> compared =
        gaps.stream().filter(g -> !g.tooFewToCompare() && !quiet.contains(g)).toList();
    List<String> tooFew =
        gaps.stream()
            .filter(GapRow::tooFewToCompare)
            .map(g -> Labels.group(g.group(), g.value()))
            .toList();
    if (!compared.isEmpty()) {
      HtmlTable.opening(
          out,
          governors ? opening : "",
          "Each group against "
              + rest
              + ", reading, writing and maths combined at Level 4+, in percentage points.");
      HtmlTable.open(
          out,
          "Gaps at Level 4+ in reading, writing and maths, " + gaps.get(0).period(),
          "Group",
          "Pupils in the group",
          "Gap (percentage points)",
          governors ? "95% interval" : "95% interval (where the true gap probably lies)",
          "Judgement");
      for (GapRow g : compared) {
        String cells =
            Cells.count(g.gap().pupils())
                + Cells.shift(g.gap().value())
                + (g.gap().range().isEmpty() ? Cells.NONE : Cells.text(g.gap().range()))
                + Cells.text(
                    governors
                        ? Labels.verdict(g.judgement())
                        : Labels.verdict(g.judgement()) + ": " + Labels.reason(g.judgement()));
        HtmlTable.row(out, "", Labels.group(g.group(), g.value()), cells);
      }
      HtmlTable.close(out);
    }
    if (!quiet.isEmpty()) {
      HtmlTable.paragraph(
          out,
          "Side questions where chance could explain the gap, in the workbook's Groups sheet: "
              + String.join(
                  ", ", quiet.stream().map(g -> Labels.group(g.group(), g.value())).toList())
              + ".");
    }
    if (compared.isEmpty() && governors && !opening.isEmpty()) {
      HtmlTable.paragraph(out, opening);
    }
    // One line for every group too small to compare, not a row of dashes each.
    if (!tooFew.isEmpty()) {
      HtmlTable.paragraph(
          out,
          "Groups of fewer than 11 pupils are not compared: " + String.join(", ", tooFew) + ".");
    }
    notKnownLine.ifPresent(line -> HtmlTable.paragraph(out, line));
    out.append("</section>\n");
  }

  /** Key Stage 1 (Year 2) average points, this school and the cluster; nothing when none held. */
  static void ks1(StringBuilder out, GovernorPack pack) {
    List<GovernorDetails.Ks1Row> rows = pack.details().ks1();
    if (rows.isEmpty()) {
      return;
    }
    HtmlTable.section(out, "ks1", "Key Stage 1 results, " + rows.get(0).academicYear());
    HtmlTable.opening(
        out,
        pack.opening("ks1"),
        "Year 2's teacher-assessed results at the end of Key Stage 1, as average points (Level 2B"
            + " is 15 points, Level 3 is 21).");
    HtmlTable.open(
        out,
        "Key Stage 1 average points by subject, " + rows.get(0).academicYear(),
        "Subject",
        "This school",
        "Cluster (all schools)");
    for (GovernorDetails.Ks1Row r : rows) {
      HtmlTable.row(
          out,
          "",
          Labels.subject(r.subject()),
          Cells.points(r.self(), r.blank("self")) + Cells.points(r.cluster(), r.blank("cluster")));
    }
    HtmlTable.close(out);
    out.append("</section>\n");
  }

  static void trends(StringBuilder out, GovernorPack pack, List<String> charts) {
    List<TrendYear> years = pack.details().trends();
    HtmlTable.section(out, "trends", Labels.trends(years.size()));
    if (years.size() < 2) {
      HtmlTable.paragraph(
          out,
          "The returns hold Key Stage 2 results for "
              + (years.isEmpty() ? "no year" : "one year only")
              + " so far: a trend needs at least two.");
      out.append("</section>\n");
      return;
    }
    HtmlTable.opening(
        out,
        pack.opening("trends"),
        "Reading, writing and maths combined at Level 4+ in each year the returns hold. Each year"
            + " is a different Year 6, so one year's dip may be chance.");
    out.append("<div class=\"chart-and-table\">\n<figure>\n")
        .append("<div id=\"trendChart\" class=\"chart\" role=\"img\" aria-label=\"Bar chart of the")
        .append(" percentage at Level 4+ in reading, writing and maths combined in each year, this")
        .append(" school and the cluster. The table beside it gives the same figures.\"></div>\n")
        .append("<figcaption>% of Year 6 at Level 4+ in RWM, by year.</figcaption>\n</figure>\n");
    List<String> labels = years.stream().map(TrendYear::academicYear).toList();
    charts.add(
        Charts.groupedBars(
            "trendChart",
            labels,
            List.of(
                new Charts.Series(
                    "This school", Charts.DARK, values(years.stream().map(TrendYear::level4))),
                new Charts.Series(
                    "Cluster", Charts.LIGHT, values(years.stream().map(TrendYear::clusterLevel4)))),
            "% of Year 6 pupils",
            new double[] {0, 100}));
    // Level 5+ by year is in the workbook's Trends sheet.
    HtmlTable.open(
        out,
        "Reading, writing and maths combined at Level 4+ by year",
        "Year",
        "This school",
        "Cluster (all schools)");
    TrendYear pooled = pack.details().pooled();
    List<TrendYear> rows = new java.util.ArrayList<>(years);
    if (pooled != null) {
      rows.add(pooled);
    }
    for (TrendYear y : rows) {
      HtmlTable.row(
          out,
          y == pooled ? "pooled" : "",
          y.academicYear(),
          Cells.percent(y.level4(), y.blank("level4"))
              + Cells.percent(y.clusterLevel4(), y.blank("clusterLevel4")));
    }
    HtmlTable.close(out);
    if (pooled != null && pooled.level4() != null && pack.opening("trends").isEmpty()) {
      HtmlTable.paragraph(
          out,
          "Counted together, the years give more pupils than any one year: "
              + pooled.level4().describe()
              + " at Level 4+. "
              + Labels.verdict(pooled.level4().judgement())
              + ": "
              + Labels.reason(pooled.level4().judgement())
              + ".");
    }
    out.append("</div>\n</section>\n");
  }

  private static double[] values(java.util.stream.Stream<Proportion> figures) {
    return figures.mapToDouble(p -> p == null ? Double.NaN : p.percent()).toArray();
  }

  static void context(StringBuilder out, GovernorPack pack) {
    HtmlTable.section(out, "context", "Context");
    Context self = pack.details().context();
    Context cluster = pack.details().clusterContext();
    if (self == null) {
      HtmlTable.paragraph(
          out,
          "Context figures (pupils on roll, free school meals, disadvantaged, SEN, English as an"
              + " additional language) are not yet available from these returns.");
      out.append("</section>\n");
      return;
    }
    HtmlTable.opening(
        out,
        pack.opening("context"),
        "Who the school's pupils are, " + self.term().label() + ", beside the cluster as a whole.");
    HtmlTable.open(
        out, "The school's pupils and the cluster's", "", "This school", "Cluster (all schools)");
    HtmlTable.row(
        out,
        "",
        "Pupils on the return",
        Cells.count(self.pupils()) + Cells.count(cluster == null ? null : cluster.pupils()));
    contextRow(out, "Eligible for free school meals", self, cluster, "fsm");
    contextRow(out, "Disadvantaged", self, cluster, "disadvantaged");
    contextRow(out, "With special educational needs", self, cluster, "sen");
    contextRow(out, "English as an additional language", self, cluster, "eal");
    HtmlTable.close(out);
    out.append("</section>\n");
  }

  private static void contextRow(
      StringBuilder out, String label, Context self, Context cluster, String part) {
    HtmlTable.row(
        out,
        "",
        label,
        Cells.percent(Context.part(self, part), self.blank(part))
            + (cluster == null
                ? Cells.NONE
                : Cells.percent(Context.part(cluster, part), cluster.blank(part))));
  }

  static void completeness(StringBuilder out, GovernorPack pack) {
    HtmlTable.section(out, "completeness", "Data completeness");
    GovernorDetails d = pack.details();
    List<TermReturn> returns = d.returns();
    if (returns.isEmpty()) {
      HtmlTable.paragraph(out, "No returns are listed for this pack.");
    } else {
      long received = returns.stream().filter(TermReturn::received).count();
      List<String> notReceived =
          returns.stream().filter(r -> !r.received()).map(r -> r.term().label()).toList();
      // The terms received are folded into one line; only a missing term is named.
      HtmlTable.paragraph(
          out,
          notReceived.isEmpty()
              ? "Returns received for all " + returns.size() + " terms the cluster has sent."
              : "The school's returns for the "
                  + returns.size()
                  + " terms any school in the cluster has sent: "
                  + received
                  + " received; not received: "
                  + String.join(", ", notReceived)
                  + ".");
    }
    List<MissingGrades> missing = d.missingGrades();
    if (missing.isEmpty()) {
      HtmlTable.paragraph(
          out,
          "How many pupils lack a grade is not yet available: it needs the number of pupils on"
              + " the return.");
    } else if (missing.stream().allMatch(m -> m.missing() == 0)) {
      // A table of zeros folded into one line; the workbook keeps the counts.
      HtmlTable.paragraph(
          out,
          "Every pupil has a teacher assessment grade in "
              + String.join(
                  ", ",
                  missing.stream()
                      .map(m -> Labels.subject(m.subject()).toLowerCase(java.util.Locale.ROOT))
                      .toList())
              + ", "
              + pack.teacherTerm().label()
              + ".");
    } else {
      HtmlTable.open(
          out,
          "Pupils without a teacher assessment grade, " + pack.teacherTerm().label(),
          "Subject",
          "Pupils on the return",
          "Pupils with a grade",
          "Pupils without a grade");
      for (MissingGrades m : missing) {
        HtmlTable.row(
            out,
            "",
            Labels.subject(m.subject()),
            Cells.count(m.onReturn()) + Cells.count(m.graded()) + Cells.count(m.missing()));
      }
      HtmlTable.close(out);
    }
    out.append("</section>\n");
  }

  private static String estimate(Estimate e, org.clusterlens.report.Blank why) {
    return e == null ? Cells.blank(why) : Cells.text(e.describe());
  }
}
