package org.clusterlens.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How packs write numbers as text: no locale, whole percentages, points to one decimal place. */
public final class Numbers {

  /** Below this, every whole double is exactly a long. */
  private static final double WHOLE_EXACTLY = 1e15;

  private Numbers() {}

  /** A percentage to the nearest whole number: {@code 72%}. */
  public static String percent(double percent) {
    return round(percent, 0) + "%";
  }

  /** A whole number with thousands separated by commas: {@code 2,691}. */
  public static String thousands(long number) {
    return String.format(Locale.UK, "%,d", number);
  }

  /** A count of pupils; whole numbers without a decimal point. */
  public static String count(double count) {
    return round(count, 1);
  }

  /** Points to one decimal place, without a trailing ".0": {@code 27.4}, {@code 2}. */
  public static String points(double points) {
    return round(points, 1);
  }

  /** A change in percentage points with its sign: {@code +8}, {@code -3}, {@code 0}. */
  public static String signedPoints(double change) {
    String text = round(change, 0);
    if (text.equals("0") || text.equals("-0")) {
      return "0";
    }
    return change > 0 ? "+" + text : text;
  }

  /**
   * A printed number with its unit, singular for one and plural otherwise: {@code quantity("+1",
   * "point")} is "+1 point", {@code quantity("2.5", "percentage point")} "2.5 percentage points".
   */
  public static String quantity(String number, String unit) {
    String size = number.startsWith("+") || number.startsWith("-") ? number.substring(1) : number;
    return number + " " + unit + (size.equals("1") ? "" : "s");
  }

  /** A number rounded half-up to at most {@code places} decimals, trailing zeros dropped. */
  public static String round(double value, int places) {
    if (!Double.isFinite(value)) {
      return "";
    }
    if (value == Math.rint(value) && Math.abs(value) < WHOLE_EXACTLY) {
      // A whole number (most counts) prints as itself: the same text as the decimal route below,
      // without it (an LA's metrics.csv rounds some ten million numbers).
      return Long.toString((long) value);
    }
    String shortest = Double.toString(value);
    if (shortest.indexOf('E') < 0) {
      // Rounded on the digits of the shortest text of the double, which is what the decimal
      // route below rounds: the same text, without two big decimals a number (an LA's
      // metrics.csv rounds some ten million numbers).
      return roundDigits(shortest, places);
    }
    BigDecimal d = BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
    d = d.stripTrailingZeros();
    if (d.signum() == 0) {
      return "0";
    }
    return d.scale() < 0
        ? d.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
        : d.toPlainString();
  }

  /**
   * {@code text} ("-12.3456", never in E notation) rounded half-up to {@code places} decimals,
   * trailing zeros dropped, "0" for zero whatever its sign: as {@link BigDecimal} rounds it.
   */
  private static String roundDigits(String text, int places) {
    int point = text.indexOf('.');
    boolean negative = text.charAt(0) == '-';
    int start = negative ? 1 : 0;
    int end = Math.min(text.length(), point + 1 + places);
    char[] digits = new char[end - start + 1];
    // digits[0] takes a carry out of the whole part; the point stays where it is.
    digits[0] = '0';
    text.getChars(start, end, digits, 1);
    boolean up = end < text.length() && text.charAt(end) >= '5';
    int at = point - start + 1;
    if (up) {
      int i = digits.length - 1;
      while (true) {
        if (digits[i] == '.') {
          i--;
          continue;
        }
        if (digits[i] == '9') {
          digits[i--] = '0';
          continue;
        }
        digits[i]++;
        break;
      }
    }
    int last = digits.length - 1;
    while (last > at && digits[last] == '0') {
      last--;
    }
    if (last == at) {
      last--;
    }
    int first = digits[0] == '0' ? 1 : 0;
    while (first < at - 1 && digits[first] == '0') {
      first++;
    }
    boolean zero = true;
    for (int i = first; i <= last; i++) {
      if (digits[i] != '0' && digits[i] != '.') {
        zero = false;
        break;
      }
    }
    if (zero) {
      return "0";
    }
    String rounded = new String(digits, first, last - first + 1);
    return negative ? "-" + rounded : rounded;
  }
}
