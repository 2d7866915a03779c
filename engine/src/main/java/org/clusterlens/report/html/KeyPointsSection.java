package org.clusterlens.report.html;

import java.util.List;
import org.clusterlens.report.KeyPoint;

/** The key points section both HTML packs open with: points by kind, each with its question. */
final class KeyPointsSection {

  private KeyPointsSection() {}

  static void render(StringBuilder out, List<KeyPoint> points) {
    out.append("<section aria-labelledby=\"key-points\" class=\"first-screen\">\n")
        .append("<h2 id=\"key-points\">Key points</h2>\n")
        .append("<p class=\"note\">Level 4+ means at least National Curriculum Level 4, the level")
        .append(" expected at the end of Year 6. Level 5+ is above it.</p>\n");
    for (KeyPoint.Kind kind : KeyPoint.Kind.values()) {
      List<KeyPoint> ofKind = points.stream().filter(p -> p.kind() == kind).toList();
      if (ofKind.isEmpty()) {
        continue;
      }
      out.append("<h3>")
          .append(Html.escape(kind.heading()))
          .append("</h3>\n")
          .append("<ul class=\"key-points\">\n");
      for (KeyPoint point : ofKind) {
        out.append("<li><p>")
            .append(Html.escape(point.statement()))
            .append("</p><p class=\"question\"><strong>Ask:</strong> ")
            .append(Html.escape(point.question()))
            .append("</p></li>\n");
      }
      out.append("</ul>\n");
    }
    out.append("</section>\n");
  }
}
