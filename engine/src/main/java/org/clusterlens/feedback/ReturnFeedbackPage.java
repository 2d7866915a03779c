package org.clusterlens.feedback;

import java.util.List;
import org.clusterlens.ingest.ReturnCheck;
import org.clusterlens.ingest.ReturnProblem;

/**
 * The HTML page for one return: accepted or rejected, what was stored, and a table of every problem
 * with where it is, what is wrong and what would be accepted. Self-contained (no scripts, no
 * external files), every value escaped. Pure: returns the page as text.
 */
public final class ReturnFeedbackPage {

  private ReturnFeedbackPage() {}

  /**
   * The page.
   *
   * @param check what ingest found; never null
   * @param stored one sentence on what the warehouse did with it, e.g. "Stored as warehouse version
   *     4."; never null, may be empty
   * @param annotatedCopy the file name of the marked-up copy beside the page, or null when there is
   *     none
   */
  public static String render(ReturnCheck check, String stored, String annotatedCopy) {
    String file = check.identity().fileName();
    boolean accepted = check.accepted();
    StringBuilder h = new StringBuilder(4096);
    h.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape("Your return " + file + ": " + (accepted ? "accepted" : "not accepted")))
        .append("</title>\n<style>\n")
        .append("body{font-family:system-ui,Arial,sans-serif;max-width:60rem;margin:2rem auto;")
        .append("padding:0 1rem;line-height:1.5;color:#1b1b1b}\n")
        .append("table{border-collapse:collapse;width:100%}th,td{border:1px solid #767676;")
        .append("padding:.4rem;text-align:left;vertical-align:top}th{background:#f0f0f0}\n")
        .append(".outcome{font-size:1.2rem;font-weight:bold;padding:.6rem;border:2px solid}\n")
        .append(".ok{border-color:#00703c}.bad{border-color:#d4351c}\n")
        .append("</style>\n</head>\n<body>\n<main>\n");
    h.append("<h1>Your return: ").append(escape(file)).append("</h1>\n");
    h.append("<p>School ").append(escape(check.identity().describe())).append(".</p>\n");
    h.append("<p class=\"outcome ")
        .append(accepted ? "ok\">Accepted: " : "bad\">Not accepted: ")
        .append(
            escape(
                accepted
                    ? check.pupils().size() + " pupils were read."
                    : check.errors().size()
                        + " problem(s) must be fixed. Nothing from this file was stored;"
                        + " fix them and hand the file in again."))
        .append("</p>\n");
    if (!stored.isEmpty()) {
      h.append("<p>").append(escape(stored)).append("</p>\n");
    }
    if (annotatedCopy != null) {
      h.append(
              "<p>A copy of your spreadsheet with each problem cell marked and commented: <a href=\"")
          .append(escape(annotatedCopy))
          .append("\">")
          .append(escape(annotatedCopy))
          .append("</a>.</p>\n");
    }
    section(h, "Problems that must be fixed", check.errors(), "There are none.");
    section(h, "Warnings (the return was still accepted)", check.warnings(), "There are none.");
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void section(
      StringBuilder h, String title, List<ReturnProblem> problems, String none) {
    h.append("<h2>").append(escape(title)).append("</h2>\n");
    if (problems.isEmpty()) {
      h.append("<p>").append(escape(none)).append("</p>\n");
      return;
    }
    h.append("<table>\n<caption>")
        .append(escape(title + ": " + problems.size()))
        .append("</caption>\n<thead><tr><th scope=\"col\">Where</th><th scope=\"col\">Value")
        .append("</th><th scope=\"col\">What is wrong</th><th scope=\"col\">What would be")
        .append(" accepted</th></tr></thead>\n<tbody>\n");
    for (ReturnProblem p : problems) {
      h.append("<tr><td>")
          .append(escape(where(p)))
          .append("</td><td>")
          .append(escape(p.value() == null ? "" : "'" + p.value() + "'"))
          .append("</td><td>")
          .append(escape(p.problem()))
          .append("</td><td>")
          .append(escape(p.accepted() == null ? "" : p.accepted()))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  /**
   * Where a problem is, as a person would look for it: "Sheet 'Pupils', row 14, column 'Reading'";
   * the feedback page and the service's feedback screen say it the same way.
   */
  public static String where(ReturnProblem p) {
    StringBuilder s = new StringBuilder();
    if (p.sheet() != null) {
      s.append("Sheet '").append(p.sheet()).append("'");
    }
    if (p.row() != null) {
      s.append(s.isEmpty() ? "Row " : ", row ").append(p.row());
    }
    if (p.column() != null) {
      s.append(s.isEmpty() ? "Column '" : ", column '").append(p.column()).append("'");
    }
    return s.isEmpty() ? "The whole file" : s.toString();
  }

  /** Text made safe inside HTML elements and attribute values. */
  static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> s.append(c);
      }
    }
    return s.toString();
  }
}
