package org.clusterlens.report.html;

import java.util.List;
import org.clusterlens.report.Labels;
import org.clusterlens.report.SchemeResults;
import org.clusterlens.report.SchoolResults;

/**
 * Results in a scheme other than National Curriculum levels: each in its own table with the
 * sentence saying why it stands apart, never beside figures in levels.
 */
final class SchemeSection {

  private SchemeSection() {}

  /**
   * A section for the schools that have such results (nothing when none has), each school's tables
   * under its label.
   *
   * @param showLabels whether to name the school above its tables (the cluster pack) or not (a
   *     school's own governor pack)
   */
  static void render(StringBuilder out, List<SchoolResults> schools, boolean showLabels) {
    if (schools.stream().allMatch(s -> s.otherSchemes().isEmpty())) {
      return;
    }
    out.append("<section aria-labelledby=\"schemes\">\n")
        .append("<h2 id=\"schemes\">Results in another assessment scheme</h2>\n");
    for (SchoolResults school : schools) {
      for (SchemeResults r : school.otherSchemes()) {
        if (showLabels) {
          out.append("<h3>").append(Html.escape(school.label())).append("</h3>\n");
        }
        out.append("<p>").append(Html.escape(r.explanation())).append("</p>\n");
        table(out, r);
      }
    }
    out.append("</section>\n");
  }

  private static void table(StringBuilder out, SchemeResults r) {
    out.append("<table>\n<caption>")
        .append(Html.escape(r.assessment() + ", " + r.period() + ": " + r.schemeName()))
        .append("</caption>\n<thead>\n<tr>")
        .append(Cells.colHeader("Subject"))
        .append(Cells.colHeader("% at the expected standard or above"))
        .append(Cells.colHeader("% at the higher standard"))
        .append(Cells.colHeader("Average"))
        .append(Cells.colHeader("Cluster schools in this scheme: % expected or above"))
        .append(Cells.colHeader("Cluster schools in this scheme: % higher"))
        .append(Cells.colHeader("Change in % expected since the year before"))
        .append(Cells.colHeader("95% interval of the change"))
        .append("</tr>\n</thead>\n<tbody>\n");
    for (SchemeResults.Row row : r.rows()) {
      out.append("<tr>")
          .append(Cells.rowHeader(Labels.subject(row.subject())))
          .append(Cells.percent(row.expected()))
          .append(Cells.percent(row.higher()))
          .append(Cells.points(row.average()))
          .append(Cells.percent(row.clusterExpected()))
          .append(Cells.percent(row.clusterHigher()))
          .append(Cells.shift(row.expectedShift()))
          .append(Cells.range(row.expectedShiftRange()))
          .append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }
}
