package org.clusterlens.report.html;

import java.util.List;
import org.clusterlens.insight.ClusterPriorities;
import org.clusterlens.insight.PriorityWording;
import org.clusterlens.insight.SchoolNames;
import org.clusterlens.insight.SharedPriority;

/**
 * The "work on together" section: the cluster's shared priorities in the cluster pack, and the ones
 * touching one school in its governor pack. The words come from the insight stage; this only lays
 * them out, escaped.
 */
public final class PrioritiesSection {

  private PrioritiesSection() {}

  /** Every shared priority, for the School Improvement Partner; never null. */
  public static String forCluster(ClusterPriorities priorities, SchoolNames names) {
    StringBuilder out = open("What the schools could work on together");
    out.append("<p>Measures where most schools are below (or above) the cluster's own rate across")
        .append(" reading, writing and maths, and schools clearly above the cluster that could")
        .append(" lead others. Each one survived a check against chance over every comparison")
        .append(" made");
    if (!priorities.periods().isEmpty()) {
      out.append(" (").append(Html.escape(String.join("; ", priorities.periods()))).append(")");
    }
    out.append(".</p>\n");
    list(out, priorities.all(), names, priorities.candidates());
    method(out);
    return out.append("</section>\n").toString();
  }

  /** The shared priorities that name one school, for its governors; never null. */
  public static String forGovernors(ClusterPriorities priorities, String urn, SchoolNames names) {
    StringBuilder out = open("What the cluster could work on together");
    List<SharedPriority> touching = priorities.touching(urn);
    out.append("<p>Shared weaknesses or strengths that include ")
        .append(Html.escape(names.of(urn)))
        .append(
            touching.isEmpty()
                ? ".</p>\n"
                : "; the evidence and a shared response are in the workbook's Priorities"
                    + " sheet.</p>\n");
    if (touching.isEmpty()) {
      list(out, touching, names, priorities.candidates());
    } else {
      // The headline and who could lead; the evidence and the response are in the workbook.
      out.append("<ol class=\"priorities\">\n");
      for (SharedPriority p : touching) {
        out.append("<li>\n<p><strong>")
            .append(Html.escape(PriorityWording.headline(p, names)))
            .append("</strong>")
            // A strength to share already names the school that could lead in its headline.
            .append(
                p.kind() == SharedPriority.Kind.STRENGTH_TO_SHARE
                    ? ""
                    : " " + Html.escape(PriorityWording.leaders(p, names)))
            .append("</p>\n</li>\n");
      }
      out.append("</ol>\n");
    }
    return out.append("</section>\n").toString();
  }

  private static StringBuilder open(String title) {
    return new StringBuilder(4_000)
        .append("<section aria-labelledby=\"work-together\">\n<h2 id=\"work-together\">")
        .append(Html.escape(title))
        .append("</h2>\n");
  }

  private static void list(
      StringBuilder out, List<SharedPriority> priorities, SchoolNames names, int candidates) {
    if (priorities.isEmpty()) {
      out.append("<p>No shared priority stands out from chance in the latest figures (")
          .append(candidates)
          .append(" comparisons checked). With small cohorts, that is common: it does not mean")
          .append(" there is nothing to work on, only that the figures cannot yet show it.</p>\n");
      return;
    }
    out.append("<ol class=\"priorities\">\n");
    for (SharedPriority p : priorities) {
      out.append("<li>\n<p><strong>")
          .append(Html.escape(PriorityWording.headline(p, names)))
          .append("</strong></p>\n<p>")
          .append(Html.escape(PriorityWording.evidenceAndGroups(p, names)))
          .append("</p>\n<p>")
          .append(Html.escape(PriorityWording.response(p)))
          .append("</p>\n<p>")
          .append(Html.escape(PriorityWording.leaders(p, names)))
          .append("</p>\n</li>\n");
    }
    out.append("</ol>\n");
  }

  private static void method(StringBuilder out) {
    out.append("<p class=\"note\">How this is judged: in each subject, each school's figure is set")
        .append(" against the cluster's rate for reading, writing and maths together (exact")
        .append(" binomial), and the schools' evidence is combined into one test for the subject,")
        .append(" each school counting once (Stouffer's method). It is a shared pattern only when")
        .append(" that test survives the false-discovery check and most schools lie on the same")
        .append(" side. A single school's strength is its exact binomial test against the schools'")
        .append(" pooled rate. The false-discovery check (Benjamini–Hochberg, 5%) runs over these")
        .append(
            " comparisons only. Teacher assessment is judged year group by year group, in Years")
        .append(" 5 and 6, where pupils can be held to Key Stage 2's Level 4; it is not")
        .append(" standardised across schools.</p>\n");
  }
}
