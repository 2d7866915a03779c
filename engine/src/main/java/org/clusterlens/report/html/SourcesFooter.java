package org.clusterlens.report.html;

import java.time.Instant;
import java.util.List;
import org.clusterlens.report.Labels;
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
}
