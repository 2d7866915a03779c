package org.clusterlens.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.clusterlens.model.Figure;
import org.clusterlens.model.FunnelBand;
import org.clusterlens.model.Judgement;

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
          "scheme",
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
          "adjusted_p_value",
          "pupil_weight",
          "below_reporting_threshold",
          "suppressed",
          "selected_finding",
          "judgement",
          "judgement_reason",
          "family",
          "family_size",
          "funnel_target",
          "funnel_lower_95",
          "funnel_upper_95",
          "funnel_lower_998",
          "funnel_upper_998",
          "funnel_position",
          "funnel_method");

  /**
   * By measure, assessment, scheme (none first), subject, school, group, value, year and term;
   * written out rather than chained, as an LA's file sorts two and a half million rows.
   */
  private static final Comparator<Figure> ROW_ORDER = MetricsCsv::inRowOrder;

  private static int inRowOrder(Figure a, Figure b) {
    int c = compare(a.measure(), b.measure());
    if (c != 0) {
      return c;
    }
    c = compare(a.assessment(), b.assessment());
    if (c != 0) {
      return c;
    }
    String schemeA = a.scheme();
    String schemeB = b.scheme();
    if (schemeA == null || schemeB == null) {
      c = schemeA == null ? (schemeB == null ? 0 : -1) : 1;
    } else {
      c = compare(schemeA, schemeB);
    }
    if (c != 0) {
      return c;
    }
    c = compare(a.subject(), b.subject());
    if (c != 0) {
      return c;
    }
    c = compare(a.school(), b.school());
    if (c != 0) {
      return c;
    }
    c = compare(a.group(), b.group());
    if (c != 0) {
      return c;
    }
    c = compare(a.groupValue(), b.groupValue());
    if (c != 0) {
      return c;
    }
    c = compare(a.academicYear(), b.academicYear());
    return c != 0 ? c : compare(a.term(), b.term());
  }

  /**
   * {@link String#compareTo}, answered at once for the same string: most labels compared while
   * sorting are the very same shared string (a measure's or a group's name).
   */
  private static int compare(String a, String b) {
    return a == b ? 0 : a.compareTo(b);
  }

  private MetricsCsv() {}

  /**
   * Renders the figures as CSV text, header first. A suppressed figure shows its labels and flags
   * only: no count, value, interval, pupil weight, test or funnel that could give its pupils away.
   */
  public static String render(List<Figure> figures) {
    StringBuilder out = new StringBuilder(64 * (figures.size() + 1));
    try {
      write(figures, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Writes the CSV text {@link #render} gives to {@code out} as UTF-8, row by row: an LA's two and
   * a half million rows are some 400 MB of text, which are never held whole.
   */
  public static void write(List<Figure> figures, OutputStream out) throws IOException {
    Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    write(figures, text);
    text.flush();
  }

  private static void write(List<Figure> figures, Appendable out) throws IOException {
    line(out, HEADER);
    Figure[] sorted = figures.toArray(new Figure[0]);
    Arrays.sort(sorted, ROW_ORDER);
    // Each row is made in one buffer and handed to the writer whole: a field at a time, the
    // writer's lock and checks cost as much as the text.
    StringBuilder row = new StringBuilder(256);
    for (Figure f : sorted) {
      row.setLength(0);
      line(row, fields(f));
      out.append(row);
    }
  }

  private static List<String> fields(Figure f) {
    boolean shown = !f.suppressed();
    FunnelBand band = shown ? f.funnel() : null;
    Judgement judgement = f.judgement();
    return List.of(
        f.measure(),
        f.assessment(),
        f.scheme() == null ? "" : f.scheme(),
        f.subject(),
        f.school(),
        f.group(),
        f.groupValue(),
        f.academicYear(),
        f.term(),
        shown ? number(f.numerator(), 4) : "",
        shown && f.denominator() != null ? Long.toString(f.denominator()) : "",
        shown ? Numbers.round(f.value(), 4) : "",
        shown ? number(f.lower(), 4) : "",
        shown ? number(f.upper(), 4) : "",
        shown && f.method() != null ? f.method() : "",
        shown ? number(f.pValue(), 6) : "",
        shown ? number(f.adjustedPValue(), 6) : "",
        shown ? number(f.pupilWeight(), 4) : "",
        Boolean.toString(f.belowReportingThreshold()),
        Boolean.toString(f.suppressed()),
        f.adjustedPValue() == null || !shown ? "" : Boolean.toString(f.selectedFinding()),
        judgement == null ? "" : judgement.verdict().code(),
        judgement == null ? "" : judgement.reason().code(),
        judgement == null ? "" : judgement.family(),
        judgement == null || judgement.familySize() == 0
            ? ""
            : Integer.toString(judgement.familySize()),
        band == null ? "" : Numbers.round(band.target(), 4),
        band == null ? "" : Numbers.round(band.lower95(), 4),
        band == null ? "" : Numbers.round(band.upper95(), 4),
        band == null ? "" : Numbers.round(band.lower998(), 4),
        band == null ? "" : Numbers.round(band.upper998(), 4),
        band == null ? "" : band.position(),
        band == null ? "" : band.method());
  }

  private static String number(Double value, int places) {
    return value == null ? "" : Numbers.round(value, places);
  }

  private static void line(Appendable out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quote(fields.get(i)));
    }
    out.append("\r\n");
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
