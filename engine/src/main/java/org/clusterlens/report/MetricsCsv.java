package org.clusterlens.report;

import java.util.Comparator;
import java.util.List;
import org.clusterlens.model.Figure;

/**
 * The tidy metrics export: one CSV row per figure, for notebooks and other tools.
 *
 * <p>RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, a quote or a
 * line break. Numbers have no locale formatting; values are rounded to 4 decimal places; empty
 * fields mean null. Rows are sorted by their labels so the same figures always give the same file.
 */
public final class MetricsCsv {

  /** The header row, in column order. */
  public static final List<String> HEADER =
      List.of(
          "measure",
          "assessment",
          "subject",
          "school",
          "group",
          "group_value",
          "academic_year",
          "term",
          "numerator",
          "denominator",
          "value",
          "lower",
          "upper",
          "method",
          "p_value",
          "adjusted_p_value");

  private static final Comparator<Figure> ROW_ORDER =
      Comparator.comparing(Figure::measure)
          .thenComparing(Figure::assessment)
          .thenComparing(Figure::subject)
          .thenComparing(Figure::school)
          .thenComparing(Figure::group)
          .thenComparing(Figure::groupValue)
          .thenComparing(Figure::academicYear)
          .thenComparing(Figure::term);

  private MetricsCsv() {}

  /** Renders the figures as CSV text, header first. */
  public static String render(List<Figure> figures) {
    StringBuilder out = new StringBuilder(64 * (figures.size() + 1));
    line(out, HEADER);
    figures.stream()
        .sorted(ROW_ORDER)
        .forEach(
            f ->
                line(
                    out,
                    List.of(
                        f.measure(),
                        f.assessment(),
                        f.subject(),
                        f.school(),
                        f.group(),
                        f.groupValue(),
                        f.academicYear(),
                        f.term(),
                        f.numerator() == null ? "" : Numbers.round(f.numerator(), 4),
                        f.denominator() == null ? "" : Long.toString(f.denominator()),
                        Numbers.round(f.value(), 4),
                        f.lower() == null ? "" : Numbers.round(f.lower(), 4),
                        f.upper() == null ? "" : Numbers.round(f.upper(), 4),
                        f.method() == null ? "" : f.method(),
                        f.pValue() == null ? "" : Numbers.round(f.pValue(), 6),
                        f.adjustedPValue() == null ? "" : Numbers.round(f.adjustedPValue(), 6))));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quote(fields.get(i)));
    }
    out.append("\r\n");
  }

  static String quote(String field) {
    if (field.indexOf(',') < 0
        && field.indexOf('"') < 0
        && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
