package org.clusterlens.report.html;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterlens.report.Labels;
import org.clusterlens.report.TermResult;

/** The teacher-assessment table: row groups (year groups or schools), one row per subject. */
final class TermTable {

  private TermTable() {}

  /** Groups a school's rows by year group, in the order they come. */
  static Map<String, List<TermResult>> byYearGroup(List<TermResult> rows) {
    Map<String, List<TermResult>> groups = new LinkedHashMap<>();
    for (TermResult r : rows) {
      groups
          .computeIfAbsent(Labels.yearGroup(r.yearGroup()), k -> new java.util.ArrayList<>())
          .add(r);
    }
    return groups;
  }

  static void render(
      StringBuilder out, String caption, String groupHeader, Map<String, List<TermResult>> groups) {
    out.append("<table>\n<caption>")
        .append(Html.escape(caption))
        .append("</caption>\n<thead>\n<tr>")
        .append(Cells.colHeader(groupHeader))
        .append(Cells.colHeader("Subject"))
        .append(Cells.colHeader("% at Level 4+"))
        .append(Cells.colHeader("% at Level 5+"))
        .append(Cells.colHeader("Average points"))
        .append(Cells.colHeader("One pupil is worth"))
        .append("</tr>\n</thead>\n");
    for (Map.Entry<String, List<TermResult>> group : groups.entrySet()) {
      out.append("<tbody>\n");
      boolean first = true;
      for (TermResult r : group.getValue()) {
        out.append("<tr>");
        if (first) {
          out.append("<th scope=\"rowgroup\" rowspan=\"")
              .append(group.getValue().size())
              .append("\">")
              .append(Html.escape(group.getKey()))
              .append("</th>");
          first = false;
        }
        out.append(Cells.rowHeader(Labels.subjectShort(r.subject())))
            .append(Cells.percent(r.level4()))
            .append(Cells.percent(r.level5()))
            .append(Cells.points(r.points()))
            .append(Cells.onePupil(r.pupils()))
            .append("</tr>\n");
      }
      out.append("</tbody>\n");
    }
    out.append("</table>\n");
  }
}
