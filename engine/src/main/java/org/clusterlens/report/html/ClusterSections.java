package org.clusterlens.report.html;

import java.util.List;
import org.clusterlens.report.ClusterPack;
import org.clusterlens.report.Labels;
import org.clusterlens.report.MeasureFunnel;
import org.clusterlens.report.Numbers;
import org.clusterlens.report.VisitBrief;

/** The cluster pack's funnel plots (each with its data table) and the visit briefs. */
final class ClusterSections {

  private ClusterSections() {}

  static void funnels(StringBuilder out, ClusterPack pack, List<String> charts) {
    HtmlTable.section(out, "funnels", "Each school against the cluster: funnel plots");
    if (pack.funnels().isEmpty()) {
      HtmlTable.paragraph(
          out, "Funnel plots need Key Stage 2 results from at least two schools; none yet.");
      out.append("</section>\n");
      return;
    }
    HtmlTable.paragraph(
        out,
        "Each dot is a school: its percentage against its number of pupils. The dashed lines"
            + " show the range chance alone could produce around the cluster's rate 95 times in"
            + " 100, the dotted lines 998 times in 1000. Smaller schools sit in the wider part of"
            + " the funnel.");
    int i = 0;
    for (MeasureFunnel f : pack.funnels()) {
      i++;
      String id = "funnel" + i;
      out.append("<h3 id=\"")
          .append(id)
          .append("-title\">")
          .append(Html.escape(f.title()))
          .append("</h3>\n<div class=\"chart-and-table\">\n<figure>\n<div id=\"")
          .append(id)
          .append("\" class=\"chart\" role=\"img\" aria-label=\"Funnel plot: ")
          .append(Html.escape(f.title()))
          .append(", each school's percentage against its pupils, with the cluster's rate and")
          .append(" limits. The table beside it gives the same figures.\"></div>\n")
          .append("<figcaption>")
          .append(Html.escape(f.title()))
          .append(". Cluster rate ")
          .append(Html.escape(f.target().describe()))
          .append(
              f.widenedBy() > 1
                  ? "; limits widened by "
                      + Html.escape(Numbers.round(f.widenedBy(), 2))
                      + " because schools vary more than chance allows"
                  : "")
          .append(".</figcaption>\n</figure>\n");
      charts.add(Charts.funnel(id, f));
      HtmlTable.open(
          out,
          f.title() + ": each school against the cluster's limits",
          "School",
          "Figure",
          "95% limits at its n",
          "99.8% limits at its n",
          "Where it sits",
          "Judgement");
      for (MeasureFunnel.FunnelRow r : f.schools()) {
        HtmlTable.row(
            out,
            "",
            r.school(),
            Cells.percent(r.figure())
                + (r.compared()
                    ? Cells.text(limits(r.limits().lower95(), r.limits().upper95()))
                        + Cells.text(limits(r.limits().lower998(), r.limits().upper998()))
                        + Cells.text(Labels.funnelPosition(r.position95(), r.position998()))
                    : Cells.NOT_APPLICABLE
                        + Cells.NOT_APPLICABLE
                        + Cells.text("Not placed: too few pupils"))
                + Cells.text(
                    Labels.verdict(r.judgement())
                        + (r.judgement() == null ? "" : ": " + Labels.reason(r.judgement()))));
      }
      HtmlTable.close(out);
      out.append("</div>\n");
    }
    out.append("</section>\n");
  }

  /** "52 to 88 points of 100", with no percent sign: a limit is not a count of pupils. */
  private static String limits(double lower, double upper) {
    return Numbers.round(lower, 0) + " to " + Numbers.round(upper, 0);
  }

  static void briefs(StringBuilder out, ClusterPack pack) {
    if (pack.briefs().isEmpty()) {
      return;
    }
    HtmlTable.section(out, "briefs", "Visit briefs");
    HtmlTable.paragraph(
        out, "One page per school for the visit: each brief prints on its own page.");
    int i = 0;
    for (VisitBrief b : pack.briefs()) {
      i++;
      out.append("<article class=\"brief\" aria-labelledby=\"brief")
          .append(i)
          .append("\">\n<h3 id=\"brief")
          .append(i)
          .append("\">Visit brief: ")
          .append(Html.escape(b.school()))
          .append("</h3>\n");
      HtmlTable.list(out, b.facts());
      out.append("<h4>What is strong</h4>\n");
      HtmlTable.list(out, b.strengths());
      out.append("<h4>What to probe</h4>\n");
      HtmlTable.list(out, b.probes());
      out.append("<h4>Questions to ask</h4>\n");
      HtmlTable.list(out, b.questions());
      out.append("</article>\n");
    }
    out.append("</section>\n");
  }
}
