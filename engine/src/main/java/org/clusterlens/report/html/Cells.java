package org.clusterlens.report.html;

import org.clusterlens.report.AveragePoints;
import org.clusterlens.report.Blank;
import org.clusterlens.report.ChangeRange;
import org.clusterlens.report.Numbers;
import org.clusterlens.report.Proportion;

/**
 * Table cells both HTML packs share; every text is escaped, and a cell without a figure shows the
 * letter that says why ({@code c} withheld, {@code z} not applicable, {@code x} no data), which
 * {@link Legends} explains beside the table.
 */
final class Cells {

  /** A cell with no data. */
  static final String NONE = blank(Blank.NO_DATA);

  /** A cell whose measure does not apply. */
  static final String NOT_APPLICABLE = blank(Blank.NOT_APPLICABLE);

  private Cells() {}

  /** The letter for a missing figure, its meaning spelled out for screen readers and on hover. */
  static String blank(Blank why) {
    Blank b = why == null ? Blank.NO_DATA : why;
    return "<td class=\"num blank\" data-blank=\""
        + b.symbol()
        + "\"><abbr title=\""
        + Html.escape(b.meaning())
        + "\">"
        + b.symbol()
        + "</abbr></td>";
  }

  static String percent(Proportion p) {
    return percent(p, Blank.NO_DATA);
  }

  /** A percentage with its n, or the letter {@code why} when there is none. */
  static String percent(Proportion p, Blank why) {
    return p == null ? blank(why) : "<td class=\"num\">" + Html.escape(p.describe()) + "</td>";
  }

  static String points(AveragePoints p) {
    return points(p, Blank.NO_DATA);
  }

  /** Average points with their n, or the letter {@code why} when there are none. */
  static String points(AveragePoints p, Blank why) {
    return p == null ? blank(why) : "<td class=\"num\">" + Html.escape(p.describe()) + "</td>";
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
    return shift(change, range, Blank.NO_DATA);
  }

  /** As {@link #shift(Double, ChangeRange)}, with the letter {@code why} when there is none. */
  static String shift(Double change, ChangeRange range, Blank why) {
    if (change == null || change.isNaN()) {
      return blank(why);
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
