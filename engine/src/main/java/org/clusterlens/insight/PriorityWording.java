package org.clusterlens.insight;

import java.util.List;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Term;
import org.clusterlens.report.Labels;
import org.clusterlens.report.Numbers;
import org.clusterlens.report.Proportion;

/**
 * The words of a shared priority: what was found (with its n), how unusual it is, what a shared
 * response could look like and which schools could lead it.
 */
public final class PriorityWording {

  private PriorityWording() {}

  /** "Key Stage 2, 2024-25" or "teacher assessment, Autumn 2025-26". */
  static String period(String assessment, Term term) {
    return switch (assessment) {
      case "ks2" -> "Key Stage 2, " + term.academicYear();
      case "ks1" -> "Key Stage 1, " + term.academicYear();
      case "teacher" -> "teacher assessment, " + term.label();
      default -> assessment + ", " + term.label();
    };
  }

  /** The period a figure belongs to, as {@link #period(String, Term)} words it. */
  public static String period(Figure f) {
    return period(f.assessment(), Term.parse(f.academicYear() + "-" + f.term()));
  }

  /** "Level 4+", "Level 5+", or the measure's code in words for measures added later. */
  public static String threshold(String measure) {
    return switch (measure) {
      case "pct_level4_plus" -> "Level 4+";
      case "pct_level5_plus" -> "Level 5+";
      case "pct_expected_progress" -> "expected progress";
      default -> measure.replaceFirst("^pct_", "").replace('_', ' ');
    };
  }

  /** "in Year 6", "for disadvantaged pupils", or "" for all pupils. */
  public static String who(Figure f) {
    if (f.group().equals(Figure.ALL)) {
      return "";
    }
    if (f.group().equals("year_group")) {
      return " in " + Labels.yearGroup(f.groupValue());
    }
    return " for " + group(f.group(), f.groupValue());
  }

  /**
   * A pupil group in words, for the group codes of docs/METRICS.md: "disadvantaged pupils", "pupils
   * with SEN support", "girls"; codes it does not know read "pupils with group = value".
   */
  public static String group(String group, String value) {
    String v = value.toLowerCase(java.util.Locale.ROOT);
    String words =
        switch (group + "=" + v) {
          case "disadvantaged=y" -> "disadvantaged pupils";
          case "disadvantaged=n" -> "pupils who are not disadvantaged";
          case "fsm=y" -> "pupils eligible for free school meals";
          case "fsm=n" -> "pupils not eligible for free school meals";
          case "sen=k" -> "pupils with SEN support";
          case "sen=e" -> "pupils with an education, health and care plan";
          case "sen=n" -> "pupils with no special educational needs";
          case "eal=y" -> "pupils with English as an additional language";
          case "eal=n" -> "pupils whose first language is English";
          case "gender=m" -> "boys";
          case "gender=f" -> "girls";
          case "mobility=stable" -> "pupils who joined before the previous school year";
          case "mobility=mobile" -> "pupils who joined more recently";
          default -> null;
        };
    if (words != null) {
      return words;
    }
    return switch (group) {
      case "season_of_birth" -> v + "-born pupils";
      case "prior_attainment" -> "pupils with " + v + " prior attainment";
      case "ethnicity" -> "pupils of " + v + " ethnicity";
      default -> "pupils with " + group.replace('_', ' ') + " = " + value;
    };
  }

  /** "Writing at Level 5+ in Year 6". */
  public static String measure(Figure f) {
    return Labels.subject(f.subject()) + " at " + threshold(f.measure()) + who(f);
  }

  /** "25% (10 of 40 pupils; range 14% to 40%)": the figure, its n and its 95% interval. */
  public static String figure(Figure f) {
    Proportion p = Proportion.of(f);
    StringBuilder s =
        new StringBuilder()
            .append(Numbers.percent(p.percent()))
            .append(" (")
            .append(Numbers.count(p.count()))
            .append(" of ")
            .append(p.pupils())
            .append(p.pupils() == 1 ? " pupil" : " pupils");
    if (f.lower() != null) {
      s.append("; range ")
          .append(Numbers.percent(f.lower()))
          .append(" to ")
          .append(Numbers.percent(f.upper()));
    }
    return s.append(')').toString();
  }

  /** A p-value for people: "0.004", or "less than 0.001". */
  static String p(double p) {
    return p < 0.001 ? "less than 0.001" : Numbers.round(p, 3);
  }

  /** The one-line headline, e.g. "Writing at Level 5+ (Key Stage 2, 2024-25): 6 of 8 schools…". */
  public static String headline(SharedPriority p, SchoolNames names) {
    return headlineSentence(p, names).text();
  }

  /**
   * The headline with the figures it quotes: a shared pattern's count of schools on its side is its
   * test row's numerator and denominator.
   */
  public static TracedSentence headlineSentence(SharedPriority p, SchoolNames names) {
    Figure c = p.clusterFigure();
    String what = measure(c) + " (" + period(c) + ")";
    return switch (p.kind()) {
      case SHARED_WEAKNESS, SHARED_STRENGTH ->
          new TracedSentence(
              what
                  + ": "
                  + schoolsOnSide(p)
                  + " the cluster's rate for reading, writing and maths together.",
              List.of(p.test()));
      case STRENGTH_TO_SHARE ->
          new TracedSentence(
              names.of(p.onSide().get(0))
                  + " could lead others in "
                  + subjectWord(c)
                  + " at "
                  + threshold(c.measure())
                  + who(c)
                  + " ("
                  + period(c)
                  + ").",
              List.of());
    };
  }

  /** "7 of 8 schools are below" (or above): a pattern row's numerator of its denominator. */
  private static String schoolsOnSide(SharedPriority p) {
    Figure row = p.test();
    return Numbers.count(row.numerator())
        + " of "
        + row.denominator()
        + " schools are "
        + (p.kind() == SharedPriority.Kind.SHARED_WEAKNESS ? "below" : "above");
  }

  private static String subjectWord(Figure f) {
    return Labels.subject(f.subject()).toLowerCase(java.util.Locale.ROOT);
  }

  /** {@link #evidence}, then the pupil groups that show the same pattern, if any. */
  public static String evidenceAndGroups(SharedPriority p, SchoolNames names) {
    String also = alsoSeenIn(p);
    return also.isEmpty() ? evidence(p, names) : evidence(p, names) + " " + also;
  }

  /** What was compared, with every n, and the priority's one test in words. */
  public static String evidence(SharedPriority p, SchoolNames names) {
    return evidenceSentence(p, names).text();
  }

  /**
   * The evidence with the figures it quotes: the cluster's rows in the three subjects (or the
   * school's and the cluster's rows), and the one test's p-value from its row.
   */
  public static TracedSentence evidenceSentence(SharedPriority p, SchoolNames names) {
    Figure c = p.clusterFigure();
    String stands =
        ", small enough to stand out among every comparison made for the cluster's priorities.";
    if (p.kind() == SharedPriority.Kind.STRENGTH_TO_SHARE) {
      Figure school = p.test();
      return new TracedSentence(
          names.of(school.school())
              + " reached "
              + figure(school)
              + ", against "
              + figure(c)
              + " across the cluster. The test: if its pupils reached it at the schools' pooled"
              + " rate, chance alone would give a difference this large with probability "
              + p(p.pValue())
              + stands,
          List.of(school, c));
    }
    List<String> others = new java.util.ArrayList<>();
    for (Figure f : p.clusterSubjects()) {
      if (!f.subject().equals(c.subject())) {
        others.add(figure(f) + " in " + subjectWord(f));
      }
    }
    boolean below = p.kind() == SharedPriority.Kind.SHARED_WEAKNESS;
    String text =
        "Across the cluster "
            + figure(c)
            + " reached "
            + threshold(c.measure())
            + " in "
            + subjectWord(c)
            + ", against "
            + String.join(" and ", others)
            + ". The test, one for the whole pattern: if "
            + subjectWord(c)
            + " were no different from the three subjects together, chance alone would put the"
            + " schools this far "
            + (below ? "below" : "above")
            + " with probability "
            + p(p.pValue())
            + stands;
    if (c.assessment().equals("teacher")) {
      text += " Teacher assessment is not standardised across schools: moderate it together first.";
    }
    List<Figure> sources = new java.util.ArrayList<>(p.clusterSubjects());
    sources.add(p.test());
    return new TracedSentence(text, sources);
  }

  /**
   * "The same pattern shows for girls, boys, pupils in Year 4 and other pupil groups.", or "" when
   * it was found for one set of pupils only.
   */
  public static String alsoSeenIn(SharedPriority p) {
    Figure lead = p.clusterFigure();
    List<String> groups =
        p.alsoSeenIn().stream()
            .map(
                f ->
                    f.measure().equals(lead.measure()) && f.assessment().equals(lead.assessment())
                        ? who(f).strip()
                        : "at " + threshold(f.measure()) + who(f) + " (" + period(f) + ")")
            .filter(w -> !w.isEmpty())
            .toList();
    if (groups.isEmpty()) {
      return "";
    }
    int shown = Math.min(3, groups.size());
    String list = String.join(", ", groups.subList(0, shown));
    return "The same pattern shows "
        + (groups.size() > shown ? list + " and other pupil groups." : list + ".");
  }

  /** What a shared response could look like. */
  public static String response(SharedPriority p) {
    Figure c = p.clusterFigure();
    boolean higher = c.measure().equals("pct_level5_plus");
    String focus =
        higher
            ? "stretching pupils who are secure at the expected level"
            : "pupils just short of the expected level";
    return switch (p.kind()) {
      case SHARED_WEAKNESS ->
          switch (c.subject()) {
                case "writing" ->
                    "A shared response could be joint moderation of writing across the schools and"
                        + " shared training on "
                        + focus
                        + " in writing.";
                case "reading" ->
                    "A shared response could be a common approach to teaching reading, pooled"
                        + " books and training on "
                        + focus
                        + " in reading.";
                case "maths" ->
                    "A shared response could be a specialist maths teacher shared between schools"
                        + " and joint training on "
                        + focus
                        + " in maths.";
                default ->
                    "A shared response could be joint training and moderation across the schools,"
                        + " focused on "
                        + focus
                        + ".";
              }
              + " Choose one measure to check it by next year.";
      case SHARED_STRENGTH ->
          "A strength to keep: write down what the schools do here, keep it through staff changes,"
              + " and offer it to neighbouring clusters.";
      case STRENGTH_TO_SHARE ->
          "Other schools' teachers could visit its lessons, or its subject lead could run a"
              + " cluster session.";
    };
  }

  /** Which schools could lead a shared response, with their figures. */
  public static String leaders(SharedPriority p, SchoolNames names) {
    return leadersSentence(p, names).text();
  }

  /** The leaders with the figures they quote. */
  public static TracedSentence leadersSentence(SharedPriority p, SchoolNames names) {
    if (p.kind() == SharedPriority.Kind.STRENGTH_TO_SHARE) {
      return new TracedSentence(names.of(p.onSide().get(0)) + " could lead.", List.of());
    }
    if (p.leaders().isEmpty()) {
      return new TracedSentence(
          "No school in the cluster is above the rate across subjects here, so look for help"
              + " beyond the cluster.",
          List.of());
    }
    List<String> each =
        p.leaders().stream().map(f -> names.of(f.school()) + " (" + figure(f) + ")").toList();
    return new TracedSentence("Could lead: " + String.join(" and ", each) + ".", p.leaders());
  }

  /** Every sentence of a priority that states a number, with the figures it quotes. */
  public static List<TracedSentence> sentences(SharedPriority p, SchoolNames names) {
    return List.of(
        headlineSentence(p, names),
        evidenceSentence(p, names),
        new TracedSentence(alsoSeenIn(p), List.of()),
        leadersSentence(p, names));
  }

  /** The whole priority as one paragraph: headline, evidence, response, leaders. */
  public static String paragraph(SharedPriority p, SchoolNames names) {
    return headline(p, names)
        + " "
        + evidence(p, names)
        + " "
        + response(p)
        + " "
        + leaders(p, names);
  }
}
