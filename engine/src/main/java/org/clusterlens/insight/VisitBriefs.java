package org.clusterlens.insight;

import java.util.ArrayList;
import java.util.List;
import org.clusterlens.report.ChangeRange;
import org.clusterlens.report.ClusterPack;
import org.clusterlens.report.MeasureFunnel;
import org.clusterlens.report.SchoolResults;
import org.clusterlens.report.SubjectResult;
import org.clusterlens.report.VisitBrief;
import org.clusterlens.stats.FunnelPosition;

/**
 * Each school's one-page visit brief for the School Improvement Partner: the few figures it rests
 * on, what is strong, what to probe and the questions to ask. A figure is a strength or a probe
 * only when it lies outside the cluster's 95% funnel limits, or is a shift that survives the
 * false-discovery guard; sentences stay within 25 words and every percentage carries its n.
 */
public final class VisitBriefs {

  private VisitBriefs() {}

  /** One brief per school, in the cluster's order. */
  public static List<VisitBrief> forPartner(ClusterPack pack) {
    List<VisitBrief> briefs = new ArrayList<>();
    SubjectResult clusterRwm = pack.cluster().rwm().orElse(null);
    for (SchoolResults school : pack.schools()) {
      briefs.add(brief(pack, school, clusterRwm));
    }
    return briefs;
  }

  private static VisitBrief brief(ClusterPack pack, SchoolResults school, SubjectResult cluster) {
    List<String> facts = new ArrayList<>();
    List<String> strengths = new ArrayList<>();
    List<String> probes = new ArrayList<>();
    List<String> questions = new ArrayList<>();
    SubjectResult rwm = school.rwm().orElse(null);
    if (pack.ks2Year() == null || rwm == null || rwm.level4() == null) {
      facts.add("There are no Key Stage 2 results for this school in the returns yet.");
      questions.add("What does the school's own tracking say about this year's Year 6?");
      return new VisitBrief(school.label(), facts, strengths, probes, questions);
    }
    facts.add(
        "In "
            + pack.ks2Year()
            + ", "
            + rwm.level4().describe()
            + " reached Level 4+ in reading, writing and maths"
            + (cluster == null || cluster.level4() == null
                ? "."
                : "; the cluster " + cluster.level4().describe() + "."));
    if (rwm.level5() != null) {
      facts.add("At Level 5+ in all three: " + rwm.level5().describe() + ".");
    }
    if (rwm.shift4() != null && rwm.level4Before() != null) {
      facts.add(
          "Level 4+ is "
              + PlainWords.change(rwm.shift4(), pack.previousKs2Year())
              + ", when it was "
              + rwm.level4Before().describe()
              + ".");
    }
    facts.add(PlainWords.onePupil(rwm.level4()));

    for (MeasureFunnel funnel : pack.funnels()) {
      for (MeasureFunnel.FunnelRow row : funnel.schools()) {
        if (!row.school().equals(school.label())) {
          continue;
        }
        String sentence =
            funnel.title() + ": " + row.figure().describe() + ", " + PlainWords.funnel(row) + ".";
        if (row.clearOfChance() && row.position95() == FunnelPosition.ABOVE) {
          strengths.add(sentence);
        } else if (row.clearOfChance() && row.position95() == FunnelPosition.BELOW) {
          probes.add(sentence);
          questions.add("In " + lowerFirst(funnel.title()) + ", which pupils fell short, and why?");
        }
      }
    }
    ChangeRange range = rwm.shift4Range();
    if (range != null && range.clearChange() && rwm.shift4() != null) {
      String change =
          "The change at Level 4+ since "
              + pack.previousKs2Year()
              + " is larger than chance alone would usually produce.";
      if (rwm.shift4() > 0) {
        strengths.add(change);
        questions.add("What changed to lift Level 4+ results, and can it last?");
      } else {
        probes.add(change);
        questions.add("What changed for this Year 6: the pupils, their teaching or attendance?");
      }
    }
    if (strengths.isEmpty()) {
      strengths.add("No figure stands clear of the range chance alone could produce.");
    }
    if (probes.isEmpty()) {
      probes.add("No figure falls clear below the range chance alone could produce.");
    }
    questions.add(
        "Which pupils are close to Level 4 in one subject, and what is the plan for them?");
    questions.add("How does the school check its teacher assessment against other schools'?");
    return new VisitBrief(school.label(), facts, strengths, probes, questions);
  }

  private static String lowerFirst(String title) {
    return title.isEmpty() ? title : Character.toLowerCase(title.charAt(0)) + title.substring(1);
  }
}
