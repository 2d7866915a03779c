package org.clusterlens.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.clusterlens.report.ChangeRange;
import org.clusterlens.report.ClusterPack;
import org.clusterlens.report.GovernorPack;
import org.clusterlens.report.KeyPoint;
import org.clusterlens.report.KeyPoint.Kind;
import org.clusterlens.report.MeasureFunnel;
import org.clusterlens.report.Proportion;
import org.clusterlens.report.SubjectResult;
import org.clusterlens.stats.FunnelPosition;

/**
 * The ranked key points at the top of each pack: what is strong, what to probe and what the data
 * cannot tell yet, each with a question to ask. Sentences stay within 25 words and every percentage
 * carries its n.
 *
 * <p>A point is a strength or a probe only when chance alone would rarely produce it: a school
 * outside the cluster's 95% funnel limits whose p-value also survives one false-discovery check
 * over every school on every key measure, or a shift that survives the false-discovery guard over
 * every shift tested. Everything else is said plainly as not yet clear.
 */
public final class KeyPoints {

  private KeyPoints() {}

  /** The governor pack's key points, strengths first, then probes, then what is not yet clear. */
  public static List<KeyPoint> forGovernors(GovernorPack pack) {
    List<KeyPoint> points = new ArrayList<>();
    SubjectResult rwm = pack.self().rwm().orElse(null);
    String year = pack.ks2Year();
    if (noRwmLevel4(year, rwm)) {
      return noResults(
          "There are no Key Stage 2 results for this school in the returns yet.",
          "When will this year's Year 6 results be in a return?");
    }
    SubjectResult clusterRwm = pack.cluster().rwm().orElse(null);

    MeasureFunnel level4 = funnel(pack, MeasureFunnel.RWM_LEVEL4);
    String clusterLevel4 =
        clusterRwm == null || clusterRwm.level4() == null
            ? ""
            : " The cluster's figure was " + clusterRwm.level4().describe() + ".";
    points.add(
        attainment(
            "In "
                + year
                + ", "
                + rwm.level4().describe()
                + " of Year 6 reached Level 4+ in reading, writing and maths together."
                + clusterLevel4,
            level4,
            pack.self().label(),
            "What helped Year 6 reach Level 4 in all three subjects, and can other schools"
                + " learn from it?",
            "Which pupils missed Level 4 in one subject only, and what support did they have?",
            "Which pupils were close to Level 4 in all three subjects, and what held them back?"));

    if (rwm.shift4() != null && rwm.level4Before() != null) {
      String statement =
          "That is "
              + PlainWords.change(rwm.shift4(), pack.previousKs2Year())
              + ", when it was "
              + rwm.level4Before().describe()
              + ".";
      points.add(shift(statement, rwm.shift4(), rwm.shift4Range()));
    }

    if (rwm.level5() != null) {
      MeasureFunnel level5 = funnel(pack, MeasureFunnel.RWM_LEVEL5);
      points.add(
          attainment(
              "At Level 5+ in all three subjects, the school's figure was "
                  + rwm.level5().describe()
                  + (clusterRwm == null || clusterRwm.level5() == null
                      ? "."
                      : "; the cluster's was " + clusterRwm.level5().describe() + "."),
              level5,
              pack.self().label(),
              "How does the school stretch pupils working above the expected level?",
              "Which pupils reached Level 5 in one or two subjects but not all three?",
              "How are pupils who could reach Level 5 being stretched?"));
    }

    points.add(
        new KeyPoint(
            Kind.NOT_YET_CLEAR,
            PlainWords.onePupil(rwm.level4()),
            "Which few pupils would change this picture, and what do we know about them?"));
    return ranked(points);
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

  private static MeasureFunnel funnel(GovernorPack pack, String title) {
    return MeasureFunnel.titled(pack.details().funnels(), title).orElse(null);
  }

  /** A strength, a probe or not yet clear, by where the school sits on the funnel. */
  private static KeyPoint attainment(
      String statement,
      MeasureFunnel funnel,
      String school,
      String strengthQuestion,
      String probeQuestion,
      String unclearQuestion) {
    MeasureFunnel.FunnelRow row = funnel == null ? null : funnel.row(school).orElse(null);
    if (row == null) {
      return new KeyPoint(Kind.NOT_YET_CLEAR, statement, unclearQuestion);
    }
    String where = " That is " + PlainWords.funnel(row) + ".";
    if (!row.clearOfChance()) {
      return new KeyPoint(Kind.NOT_YET_CLEAR, statement + where, unclearQuestion);
    }
    return switch (row.position95()) {
      case ABOVE -> new KeyPoint(Kind.STRENGTH, statement + where, strengthQuestion);
      case BELOW -> new KeyPoint(Kind.PROBE, statement + where, probeQuestion);
      case INSIDE -> new KeyPoint(Kind.NOT_YET_CLEAR, statement + where, unclearQuestion);
    };
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
