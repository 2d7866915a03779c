package org.clusterlens.insight;

import java.util.ArrayList;
import java.util.List;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Judgement;
import org.clusterlens.report.ClusterPack;
import org.clusterlens.report.FigureIndex;
import org.clusterlens.report.SchoolResults;
import org.clusterlens.report.SubjectResult;
import org.clusterlens.report.VisitBrief;

/**
 * Each school's one-page visit brief for the School Improvement Partner: the figures it rests on,
 * what is strong, the three things to probe (each with its figure, n and why) and the questions to
 * ask. Every point reads its figure's one judgement: a strength is a figure judged strong; the
 * things to probe are the figures judged to probe, then those the school's data comes nearest to
 * telling, said plainly as not yet clear.
 */
public final class VisitBriefs {

  /** How many things to probe a brief lists. */
  public static final int TO_PROBE = 3;

  private VisitBriefs() {}

  /**
   * One brief per school, in the cluster's order.
   *
   * @param questions each school's headline questions, in the pack's order of schools
   * @param index every figure of the run
   */
  public static List<VisitBrief> forPartner(
      ClusterPack pack, List<List<Figure>> questions, FigureIndex index) {
    List<VisitBrief> briefs = new ArrayList<>();
    SubjectResult clusterRwm = pack.cluster().rwm().orElse(null);
    for (int i = 0; i < pack.schools().size(); i++) {
      briefs.add(brief(pack, pack.schools().get(i), clusterRwm, questions.get(i), index));
    }
    return briefs;
  }

  private static VisitBrief brief(
      ClusterPack pack,
      SchoolResults school,
      SubjectResult cluster,
      List<Figure> questions,
      FigureIndex index) {
    List<String> facts = new ArrayList<>();
    List<String> strengths = new ArrayList<>();
    List<String> probes = new ArrayList<>();
    List<String> asks = new ArrayList<>();
    SubjectResult rwm = school.rwm().orElse(null);
    if (pack.ks2Year() != null && rwm != null && rwm.level4() != null) {
      facts.add(
          "In "
              + pack.ks2Year()
              + ", "
              + rwm.level4().describe()
              + " reached Level 4+ in reading, writing and maths"
              + (cluster == null || cluster.level4() == null
                  ? "."
                  : "; the cluster " + cluster.level4().describe() + "."));
      facts.add(PlainWords.onePupil(rwm.level4()));
    } else {
      facts.add("There are no Key Stage 2 results in levels for this school in the returns yet.");
    }
    List<Figure> ranked = QuestionWords.ranked(questions);
    for (Figure f : ranked) {
      if (f.judgement().verdict() == Judgement.Verdict.STRONG) {
        strengths.add(QuestionWords.statement(f, index));
      }
    }
    for (Figure f : ranked) {
      if (probes.size() < TO_PROBE && f.judgement().verdict() != Judgement.Verdict.STRONG) {
        probes.add(QuestionWords.statement(f, index));
        String ask = QuestionWords.question(f);
        if (!asks.contains(ask)) {
          asks.add(ask);
        }
      }
    }
    if (strengths.isEmpty()) {
      strengths.add("No headline figure is clearly above what chance alone would give.");
    }
    if (probes.isEmpty()) {
      probes.add("No headline figure could be tested: too few pupils, or no results yet.");
      asks.add("What does the school's own tracking say about this year's Year 6?");
    }
    asks.add("How does the school check its teacher assessment against other schools'?");
    return new VisitBrief(school.label(), facts, strengths, probes, asks);
  }
}
