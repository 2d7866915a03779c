package org.clusterlens.report.html;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.clusterlens.model.Term;
import org.clusterlens.report.Labels;
import org.clusterlens.report.Numbers;
import org.clusterlens.report.OtherReturns;
import org.clusterlens.report.SourceLine;

/** The provenance footer every HTML pack ends with: when it was built and from which returns. */
final class SourcesFooter {

  private SourcesFooter() {}

  static String render(Instant generatedAt, List<SourceLine> sources) {
    StringBuilder f = new StringBuilder();
    f.append("<h2>Where these figures come from</h2>\n<p>Built on ")
        .append(Html.escape(Labels.builtAt(generatedAt)))
        .append(" from these returns:</p>\n<ul>\n");
    if (sources.isEmpty()) {
      f.append("<li>No returns were listed.</li>\n");
    }
    for (SourceLine s : sources) {
      f.append("<li>")
          .append(Html.escape(s.school()))
          .append(", ")
          .append(Html.escape(s.term().label()))
          .append(": ");
      if (s.sourceFile() != null) {
        f.append("<code>").append(Html.escape(s.sourceFile())).append("</code>, ");
      }
      f.append("warehouse version ")
          .append(s.warehouseVersion())
          .append(", checksum <code>")
          .append(Html.escape(s.checksum()))
          .append("</code></li>\n");
    }
    f.append("</ul>\n<p>Percentages are rounded to whole numbers and points to one decimal")
        .append(" place.</p>\n");
    return f.toString();
  }

  /**
   * Provenance in one line, for a governor: when the pack was built and from how many returns over
   * which terms; each return's file, version and checksum stay in the workbook's About sheet and
   * the cluster pack. When {@code others} is not null, {@code sources} are this school's returns
   * only, and the line counts the other schools' with them.
   */
  static String oneLine(Instant generatedAt, List<SourceLine> sources, OtherReturns others) {
    StringBuilder f = new StringBuilder();
    f.append("<h2>Where these figures come from</h2>\n<p>Built on ")
        .append(Html.escape(Labels.builtAt(generatedAt)));
    if (sources.isEmpty() && others == null) {
      f.append("; no returns were listed.");
    } else {
      List<Term> terms =
          Stream.concat(
                  sources.stream().map(SourceLine::term),
                  others == null ? Stream.empty() : Stream.of(others.first(), others.last()))
              .distinct()
              .sorted()
              .toList();
      long schools =
          sources.stream().map(SourceLine::school).distinct().count()
              + (others == null ? 0 : others.schools());
      int returns = sources.size() + (others == null ? 0 : others.returns());
      f.append(" from ")
          .append(Numbers.thousands(returns))
          .append(returns == 1 ? " return" : " returns")
          .append(schools == 1 ? "" : " from " + schools + " schools")
          .append(", ")
          .append(Html.escape(terms.get(0).label()))
          .append(
              terms.size() == 1 ? "" : " to " + Html.escape(terms.get(terms.size() - 1).label()))
          .append(
              others == null
                  ? ". The workbook's About sheet lists each one with its file and checksum."
                  : ". The workbook's About sheet lists this school's with their files and"
                      + " checksums; the cluster pack lists every school's.");
    }
    return f.append(
            " Percentages are rounded to whole numbers and points to one decimal place.</p>\n")
        .toString();
  }
}
