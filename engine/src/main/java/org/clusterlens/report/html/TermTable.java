package org.clusterlens.report.html;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterlens.model.Figure;
import org.clusterlens.report.Labels;
import org.clusterlens.report.Numbers;
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
            .append(Cells.percent(r.level4(), r.blank("level4")))
            .append(Cells.percent(r.level5(), r.blank("level5")))
            .append(Cells.points(r.points(), r.blank("points")))
            .append(Cells.onePupil(r.pupils()))
            .append("</tr>\n");
      }
      out.append("</tbody>\n");
    }
    out.append("</table>\n");
  }

  /**
   * A school's teacher assessment in one short table: per year group, its pupils, average points in
   * each subject, and reading, writing and maths combined at Level 4+ with its n.
   */
  static void compact(StringBuilder out, String caption, List<TermResult> rows) {
    HtmlTable.open(
        out,
        caption,
        "Year group",
        "Pupils",
        "Reading, average points",
        "Writing, average points",
        "Maths, average points",
        "RWM at Level 4+");
    Map<String, List<TermResult>> groups = byYearGroup(rows);
    for (Map.Entry<String, List<TermResult>> group : groups.entrySet()) {
      List<TermResult> g = group.getValue();
      if (g.get(0).yearGroup().equals(Figure.ALL) && groups.size() > 1) {
        continue; // each year group is here; the whole school is in the workbook
      }
      long pupils = g.stream().mapToLong(TermResult::pupils).max().orElse(0);
      StringBuilder cells = new StringBuilder();
      cells.append(Cells.count(pupils > 0 ? pupils : null));
      for (String subject : List.of("reading", "writing", "maths")) {
        TermResult r = find(g, subject);
        cells.append(
            r == null
                ? Cells.NONE
                : r.points() == null
                    ? Cells.blank(r.blank("points"))
                    : "<td class=\"num\">"
                        + Html.escape(Numbers.points(r.points().mean()))
                        + "</td>");
      }
      TermResult rwm = find(g, Figure.RWM);
      cells.append(rwm == null ? Cells.NONE : Cells.percent(rwm.level4(), rwm.blank("level4")));
      HtmlTable.row(out, "", group.getKey(), cells.toString());
    }
    HtmlTable.close(out);
  }

  private static TermResult find(List<TermResult> rows, String subject) {
    return rows.stream().filter(r -> r.subject().equals(subject)).findFirst().orElse(null);
  }
}
