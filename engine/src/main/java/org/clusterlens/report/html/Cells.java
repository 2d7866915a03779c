package org.clusterlens.report.html;

import org.clusterlens.report.AveragePoints;
import org.clusterlens.report.ChangeRange;
import org.clusterlens.report.Numbers;
import org.clusterlens.report.Proportion;

/** Table cells both HTML packs share; every text is escaped, a missing figure is a dash. */
final class Cells {

  static final String NONE = "<td class=\"num\">–</td>";

  private Cells() {}

  static String percent(Proportion p) {
    return p == null ? NONE : "<td class=\"num\">" + Html.escape(p.describe()) + "</td>";
  }

  static String points(AveragePoints p) {
    return p == null ? NONE : "<td class=\"num\">" + Html.escape(p.describe()) + "</td>";
  }

  /** A change in percentage points, "+8", uncoloured: no judgement was made on it here. */
  static String shift(Double change) {
    return shift(change, null);
  }

  /**
   * A change in percentage points, "+8", coloured only when it was judged clear (a clear rise
   * green, a clear fall red, with the judgement in words for screen readers); a change chance could
   * give is never coloured, whatever its sign.
   */
  static String shift(Double change, ChangeRange range) {
    if (change == null) {
      return NONE;
    }
    String text = Numbers.signedPoints(change);
    if (range == null || !range.clearChange()) {
      return "<td class=\"num\">" + Html.escape(text) + "</td>";
    }
    boolean rise = change > 0;
    return "<td class=\"num "
        + (rise ? "up" : "down")
        + "\">"
        + Html.escape(text)
        + "<span class=\"visually-hidden\"> ("
        + (rise ? "a clear rise" : "a clear fall")
        + ")</span></td>";
  }

  /** A change's 95% interval, where the true change probably lies, e.g. "-9 to +24 points". */
  static String range(ChangeRange range) {
    if (range == null) {
      return NONE;
    }
    return "<td class=\"num\">"
        + Html.escape(
            Numbers.signedPoints(range.lower())
                + " to "
                + Numbers.signedPoints(range.upper())
                + " points")
        + "</td>";
  }

  /** What one pupil is worth, in percentage points, for a cohort of n. */
  static String onePupil(long pupils) {
    return pupils < 1
        ? NONE
        : "<td class=\"num\">"
            + Html.escape(Numbers.quantity(Numbers.points(100.0 / pupils), "point"))
            + "</td>";
  }

  /** A count of pupils, or a dash. */
  static String count(Long pupils) {
    return pupils == null ? NONE : "<td class=\"num\">" + pupils + "</td>";
  }

  /** Plain text in a cell. */
  static String text(String text) {
    return "<td>" + Html.escape(text) + "</td>";
  }

  static String rowHeader(String text) {
    return "<th scope=\"row\">" + Html.escape(text) + "</th>";
  }

  static String colHeader(String text) {
    return "<th scope=\"col\">" + Html.escape(text) + "</th>";
  }
}
