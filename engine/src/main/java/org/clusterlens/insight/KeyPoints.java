package org.clusterlens.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.clusterlens.model.Figure;
import org.clusterlens.report.ChangeRange;
import org.clusterlens.report.ClusterPack;
import org.clusterlens.report.FigureIndex;
import org.clusterlens.report.GovernorPack;
import org.clusterlens.report.KeyPoint;
import org.clusterlens.report.KeyPoint.Kind;
import org.clusterlens.report.MeasureFunnel;
import org.clusterlens.report.Proportion;
import org.clusterlens.report.SubjectResult;
import org.clusterlens.stats.FunnelPosition;

/**
 * The ranked key points at the top of each pack: what is strong, what to probe and what the data
 * cannot tell yet, each with a question to ask; every percentage carries its n.
 *
 * <p>A point's kind is its figure's one judgement, made when the figures were screened (within the
 * school's own family of headline questions, or the cluster's schools on one key measure): never
 * re-derived here.
 */
public final class KeyPoints {

  private KeyPoints() {}

  /** How many of a school's headline questions its first screen tells. */
  public static final int FIRST_SCREEN = 3;

  /**
   * The governor pack's first screen: the school's {@value #FIRST_SCREEN} headline questions its
   * own data says most about, ranked (strong, then to probe, then what the data cannot tell yet),
   * each with its figure, n, judgement and a question to ask. Which questions lead depends on the
   * school's figures, so schools' first screens differ as their data does.
   *
   * @param questions the school's headline questions (figures judged within the school's family or
   *     its measure's family); never null
   * @param index every figure of the run, for the figures a statement sets beside its own
   */
  public static List<KeyPoint> forGovernors(
      GovernorPack pack, List<Figure> questions, FigureIndex index) {
    SubjectResult rwm = pack.self().rwm().orElse(null);
    List<KeyPoint> points = QuestionWords.keyPoints(questions, index, FIRST_SCREEN);
    if (!points.isEmpty()) {
      return ranked(points);
    }
    if (noRwmLevel4(pack.ks2Year(), rwm)) {
      return noResults(
          "There are no Key Stage 2 results for this school in the returns yet.",
          "When will this year's Year 6 results be in a return?");
    }
    return List.of(
        new KeyPoint(
            Kind.NOT_YET_CLEAR,
            "In "
                + pack.ks2Year()
                + ", "
                + rwm.level4().describe()
                + " of Year 6 reached Level 4+ in reading, writing and maths together. "
                + PlainWords.onePupil(rwm.level4()),
            "Which few pupils would change this picture, and what do we know about them?"));
  }

  /** The cluster pack's key points for the School Improvement Partner. */
  public static List<KeyPoint> forPartner(ClusterPack pack) {
    List<KeyPoint> points = new ArrayList<>();
    SubjectResult rwm = pack.cluster().rwm().orElse(null);
    String year = pack.ks2Year();
    if (noRwmLevel4(year, rwm)) {
      return noResults(
          "There are no Key Stage 2 results for the cluster in the returns yet.",
          "Which schools' summer returns are still to come?");
    }
    String statement =
        "In "
            + year
            + ", "
            + rwm.level4().describe()
            + " of Year 6 across the cluster reached Level 4+ in reading, writing and maths.";
    if (rwm.shift4() != null) {
      points.add(
          shift(
              statement
                  + " That is "
                  + PlainWords.change(rwm.shift4(), pack.previousKs2Year())
                  + ".",
              rwm.shift4(),
              rwm.shift4Range()));
    } else {
      points.add(
          new KeyPoint(
              Kind.NOT_YET_CLEAR,
              statement,
              "How does this compare with the schools' own expectations for this cohort?"));
    }
    MeasureFunnel level4 =
        MeasureFunnel.titled(pack.funnels(), MeasureFunnel.RWM_LEVEL4).orElse(null);
    if (level4 != null) {
      for (MeasureFunnel.FunnelRow row : level4.schools()) {
        if (row.clearOfChance() && row.position95() == FunnelPosition.ABOVE) {
          points.add(
              new KeyPoint(
                  Kind.STRENGTH,
                  row.school()
                      + "'s "
                      + row.figure().describe()
                      + " at Level 4+ is "
                      + PlainWords.funnel(row)
                      + ".",
                  "What does " + row.school() + " do that other schools could borrow?"));
        } else if (row.clearOfChance() && row.position95() == FunnelPosition.BELOW) {
          points.add(
              new KeyPoint(
                  Kind.PROBE,
                  row.school()
                      + "'s "
                      + row.figure().describe()
                      + " at Level 4+ is "
                      + PlainWords.funnel(row)
                      + ".",
                  "What does " + row.school() + " know about the pupils who missed Level 4?"));
        }
      }
    }
    List<Proportion> bySchool =
        pack.schools().stream()
            .map(s -> s.rwm().map(SubjectResult::level4).orElse(null))
            .filter(Objects::nonNull)
            .sorted(Comparator.comparingDouble(Proportion::percent))
            .toList();
    if (bySchool.size() > 1) {
      points.add(
          new KeyPoint(
              Kind.NOT_YET_CLEAR,
              "Schools range from "
                  + bySchool.get(0).describe()
                  + " to "
                  + bySchool.get(bySchool.size() - 1).describe()
                  + " at Level 4+; small cohorts move a lot by chance.",
              "Which differences between schools persist over three years, not just one?"));
    }
    return ranked(points);
  }

  private static boolean noRwmLevel4(String year, SubjectResult rwm) {
    return year == null || rwm == null || rwm.level4() == null;
  }

  private static List<KeyPoint> noResults(String statement, String question) {
    return List.of(new KeyPoint(Kind.NOT_YET_CLEAR, statement, question));
  }

  /** A shift is a strength or a probe only when it survives the false-discovery guard. */
  private static KeyPoint shift(String statement, double shift, ChangeRange range) {
    if (range == null) {
      return new KeyPoint(
          Kind.NOT_YET_CLEAR,
          statement,
          "What changed between last year's Year 6 and this year's, besides teaching?");
    }
    String full = statement + " " + PlainWords.chance(range);
    if (range.clearChange() && shift > 0) {
      return new KeyPoint(
          Kind.STRENGTH, full, "What changed that made the difference, and will it last?");
    }
    if (range.clearChange() && shift < 0) {
      return new KeyPoint(
          Kind.PROBE,
          full,
          "What changed for this Year 6: the pupils, their teaching, or their attendance?");
    }
    return new KeyPoint(
        Kind.NOT_YET_CLEAR,
        full,
        "What changed between last year's Year 6 and this year's, besides teaching?");
  }

  /** Strengths, then probes, then what is not yet clear; the order within each kept. */
  private static List<KeyPoint> ranked(List<KeyPoint> points) {
    return points.stream().sorted(Comparator.comparing(KeyPoint::kind)).toList();
  }
}
