package org.clusterlens.report.html;

import java.util.List;
import org.clusterlens.report.SchoolResults;
import org.clusterlens.report.SubjectResult;

/** The table markup every HTML section shares: caption, one header row, rows with a row header. */
final class HtmlTable {

  private HtmlTable() {}

  /** Opens a table: its caption, one row of column headers, and the body. */
  static void open(StringBuilder out, String caption, String... headers) {
    out.append("<table>\n<caption>")
        .append(Html.escape(caption))
        .append("</caption>\n")
        .append("<thead>\n<tr>");
    for (String h : headers) {
      out.append(Cells.colHeader(h));
    }
    out.append("</tr>\n</thead>\n<tbody>\n");
  }

  /** One row: a row header and the cells already rendered; {@code rowClass} may be empty. */
  static void row(StringBuilder out, String rowClass, String header, String cells) {
    out.append(rowClass.isEmpty() ? "<tr>" : "<tr class=\"" + rowClass + "\">")
        .append(Cells.rowHeader(header))
        .append(cells)
        .append("</tr>\n");
  }

  static void close(StringBuilder out) {
    out.append("</tbody>\n</table>\n");
  }

  /** The column headers of {@link #rwmCells}. */
  static final String[] RWM_HEADERS = {
    "School",
    "% at Level 4+",
    "Shift at Level 4+",
    "% at Level 5+",
    "Shift at Level 5+",
    "One pupil is worth"
  };

  /** A school's reading, writing and maths combined figures: the five cells after its name. */
  static String rwmCells(SchoolResults s) {
    SubjectResult r = s.rwm().orElse(null);
    if (r == null) {
      return Cells.NONE.repeat(5);
    }
    return Cells.percent(r.level4(), r.blank("level4"))
        + Cells.shift(r.shift4(), r.shift4Range(), r.blank("shift4"))
        + Cells.percent(r.level5(), r.blank("level5"))
        + Cells.shift(r.shift5(), r.shift5Range(), r.blank("shift5"))
        + Cells.onePupil(r.pupils());
  }

  /** Opens a section with its heading. */
  static void section(StringBuilder out, String id, String heading) {
    out.append("<section aria-labelledby=\"")
        .append(id)
        .append("\">\n<h2 id=\"")
        .append(id)
        .append("\">")
        .append(Html.escape(heading))
        .append("</h2>\n");
  }

  /**
   * A section's opening sentence, saying what it shows for this school, or {@code fallback} when
   * the figures give none.
   */
  static void opening(StringBuilder out, String sentence, String fallback) {
    paragraph(out, sentence.isEmpty() ? fallback : sentence);
  }

  /** A paragraph of plain text. */
  static void paragraph(StringBuilder out, String text) {
    out.append("<p>").append(Html.escape(text)).append("</p>\n");
  }

  /** A bulleted list of plain-text items. */
  static void list(StringBuilder out, List<String> items) {
    out.append("<ul>\n");
    for (String item : items) {
      out.append("<li>").append(Html.escape(item)).append("</li>\n");
    }
    out.append("</ul>\n");
  }
}
