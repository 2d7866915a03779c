package org.clusterlens.report.html;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterlens.report.Blank;

/**
 * Puts the legend of the letters {@code c}, {@code z} and {@code x} at the end of every section
 * whose tables use any of them, naming only the letters that section uses.
 */
final class Legends {

  private static final Pattern SYMBOL = Pattern.compile("data-blank=\"([czx])\"");

  private static final String END = "</section>";

  private Legends() {}

  /** The page's main content with a legend closing each section that shows a letter. */
  static String addTo(String main) {
    StringBuilder out = new StringBuilder(main.length() + 1024);
    int from = 0;
    int end;
    while ((end = main.indexOf(END, from)) >= 0) {
      String section = main.substring(from, end);
      out.append(section);
      String legend = legend(section);
      if (!legend.isEmpty()) {
        out.append("<p class=\"legend\">").append(Html.escape(legend)).append("</p>\n");
      }
      out.append(END);
      from = end + END.length();
    }
    out.append(main.substring(from));
    return out.toString();
  }

  /** The legend for the letters {@code html} shows, or an empty string when it shows none. */
  static String legend(String html) {
    Set<Blank> used = EnumSet.noneOf(Blank.class);
    Matcher m = SYMBOL.matcher(html);
    while (m.find()) {
      Blank.ofSymbol(m.group(1)).ifPresent(used::add);
    }
    return Blank.legend(used);
  }
}
