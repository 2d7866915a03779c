package org.clusterlens.insight;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.clusterlens.metrics.Measures;
import org.clusterlens.metrics.PooledYears;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Judgement;
import org.clusterlens.model.Term;
import org.clusterlens.report.FigureIndex;
import org.clusterlens.report.KeyPoint;
import org.clusterlens.report.KeyPoint.Kind;
import org.clusterlens.report.Labels;
import org.clusterlens.report.Numbers;
import org.clusterlens.report.Proportion;

/**
 * A headline question's figure and its one judgement, in words: the statement a first screen or a
 * visit brief prints (the figure with its n, what it is set against, and why it got its judgement)
 * and the question to ask. The judgement is read, never re-derived: a point is a strength exactly
 * when its figure was judged strong, and so on.
 */
final class QuestionWords {

  private QuestionWords() {}

  /**
   * The order questions are told in: clear ones first (strong, then to probe), each by its adjusted
   * p-value; then the ones that cannot be told yet, nearest to telling first (smallest p-value), so
   * that what a school's own data comes closest to showing leads.
   */
  static final Comparator<Figure> RANK =
      Comparator.<Figure>comparingInt(f -> rank(f.judgement()))
          .thenComparingDouble(f -> f.adjustedPValue() == null ? 1 : f.adjustedPValue())
          .thenComparingDouble(f -> f.pValue() == null ? 1 : f.pValue())
          .thenComparing(Figure::measure)
          .thenComparing(Figure::subject);

  private static int rank(Judgement j) {
    return switch (j.verdict()) {
      case STRONG -> 0;
      case TO_PROBE -> 1;
      case WORTH_A_LOOK -> 2;
      case CANNOT_TELL -> 3;
    };
  }

  /** The key points a school's headline questions make, ranked, at most {@code limit}. */
  static List<KeyPoint> keyPoints(List<Figure> questions, FigureIndex index, int limit) {
    return ranked(questions).stream().limit(limit).map(f -> keyPoint(f, index)).toList();
  }

  /**
   * The questions that can be told in words (with counts), ranked, one per topic: a measure's
   * single year and its years pooled ask the same thing, so only the one nearer to telling is kept.
   */
  static List<Figure> ranked(List<Figure> questions) {
    java.util.Set<String> topics = new java.util.HashSet<>();
    return questions.stream()
        .filter(QuestionWords::tellable)
        .sorted(RANK)
        .filter(f -> topics.add(topic(f)))
        .toList();
  }

  /** What a question is about, whatever the years it holds: "pct_level4_plus|maths". */
  private static String topic(Figure f) {
    String measure =
        PooledYears.isPooled(f.measure()) ? f.measure().substring("pooled_".length()) : f.measure();
    return measure + "|" + f.subject() + "|" + f.group() + "|" + f.groupValue();
  }

  /** A question is told only when its figure is published and was tested. */
  private static boolean tellable(Figure f) {
    return !f.suppressed()
        && f.judgement() != null
        && f.pValue() != null
        && !f.belowReportingThreshold();
  }

  /** One question as a key point: its kind is its figure's judgement. */
  static KeyPoint keyPoint(Figure f, FigureIndex index) {
    return new KeyPoint(kind(f.judgement()), statement(f, index), question(f));
  }

  /** The key point kind of a judgement. */
  static Kind kind(Judgement j) {
    return switch (j.verdict()) {
      case STRONG -> Kind.STRENGTH;
      case TO_PROBE -> Kind.PROBE;
      case WORTH_A_LOOK, CANNOT_TELL -> Kind.NOT_YET_CLEAR;
    };
  }

  /** The figure, what it is set against, and why it got its judgement, in one or two sentences. */
  static String statement(Figure f, FigureIndex index) {
    return what(f, index) + " " + why(f);
  }

  /** What the figure is, with its n, in one sentence. */
  static String what(Figure f, FigureIndex index) {
    String measure = f.measure();
    if (measure.startsWith("shift_")) {
      String threshold = threshold(measure.substring("shift_".length()));
      String now =
          share(
              index.alongside(
                  f, measure.substring("shift_".length()), f.academicYear(), f.groupValue()));
      String before =
          share(
              index.alongside(
                  f,
                  measure.substring("shift_".length()),
                  Term.previousAcademicYear(f.academicYear()),
                  f.groupValue()));
      return subjectAt(f.subject(), threshold)
          + " "
          + moved(f.value())
          + " since "
          + Term.previousAcademicYear(f.academicYear())
          + (now.isEmpty() || before.isEmpty() ? "" : ": " + before + " then, " + now + " now")
          + ".";
    }
    if (measure.startsWith("gap_")) {
      String threshold = threshold(measure.substring("gap_".length()));
      String group = Labels.group(f.group(), f.groupValue());
      long n = f.denominator() == null ? 0 : f.denominator();
      return group
          + " ("
          + n
          + (n == 1 ? " pupil" : " pupils")
          + ") were "
          + Numbers.points(Math.abs(f.value()))
          + (Math.abs(f.value()) == 1 ? " percentage point " : " percentage points ")
          + (f.value() < 0 ? "below" : "above")
          + " the school's other pupils at "
          + inSubject(threshold, f.subject())
          + " in "
          + f.academicYear()
          + ".";
    }
    if (measure.equals(Measures.VALUE_ADDED)) {
      return Labels.subject(f.subject())
          + ": pupils made "
          + Numbers.quantity(Numbers.points(Math.abs(f.value())), "point")
          + (f.value() < 0 ? " less" : " more")
          + " progress from Key Stage 1 than pupils with similar starting points in the cluster ("
          + f.denominator()
          + " pupils, "
          + f.academicYear()
          + ").";
    }
    boolean pooled = PooledYears.isPooled(measure);
    String threshold = threshold(pooled ? measure.substring("pooled_".length()) : measure);
    Proportion p = Proportion.of(f);
    String cluster =
        index
            .forSchool(f, Figure.CLUSTER)
            .map(Proportion::of)
            .map(c -> "; the cluster " + c.describe())
            .orElse("");
    String when =
        pooled
            ? "Over "
                + PooledYears.yearsBetween(PooledYears.firstYear(f), f.academicYear())
                + " years ("
                + PooledYears.firstYear(f)
                + " to "
                + f.academicYear()
                + "), "
            : "In " + f.academicYear() + ", ";
    return when
        + (p == null ? "" : p.describe())
        + " reached "
        + inSubject(threshold, f.subject())
        + cluster
        + ".";
  }

  /** Why the figure got its judgement, in one sentence that keeps each word's meaning. */
  static String why(Figure f) {
    Judgement j = f.judgement();
    String test = " Chance alone gives a result this large " + Labels.chanceOf(f.pValue()) + ".";
    String verdict =
        switch (j.verdict()) {
          case STRONG, TO_PROBE -> Labels.verdict(j) + ": " + Labels.reason(j) + ".";
          case WORTH_A_LOOK -> "Worth a look, not a finding: " + Labels.reason(j) + ".";
          case CANNOT_TELL -> "Cannot tell yet: " + Labels.reason(j) + ".";
        };
    if (f.funnel() != null) {
      return verdict
          + " By chance alone a school this size lands between "
          + Numbers.round(f.funnel().lower95(), 0)
          + " and "
          + Numbers.round(f.funnel().upper95(), 0)
          + " in 100, 19 years in 20.";
    }
    String interval =
        f.lower() == null
            ? ""
            : " The true "
                + (f.measure().startsWith("gap_")
                    ? "gap"
                    : f.measure().startsWith("shift_") ? "change" : "figure")
                + " probably lies between "
                + Numbers.signedPoints(f.lower())
                + " and "
                + Numbers.signedPoints(f.upper())
                + " points (95% interval).";
    return verdict + test + interval;
  }

  /** The question to ask, by the kind of figure and its judgement. */
  static String question(Figure f) {
    Judgement.Verdict v = f.judgement().verdict();
    String subject = lowerFirst(Labels.subject(f.subject()));
    if (f.measure().startsWith("shift_")) {
      return switch (v) {
        case STRONG -> "What changed to lift " + subject + ", and will it last?";
        case TO_PROBE ->
            "What changed for this Year 6 in "
                + subject
                + ": the pupils, their teaching or attendance?";
        default ->
            "Besides teaching, what was different about this year's Year 6 in " + subject + "?";
      };
    }
    if (f.measure().startsWith("gap_")) {
      String group = lowerFirst(Labels.group(f.group(), f.groupValue()));
      return switch (v) {
        case TO_PROBE -> "What is the school doing to close the gap for " + group + "?";
        case STRONG -> "What works for " + group + " here that others could use?";
        default -> "How is the school tracking " + group + " pupil by pupil?";
      };
    }
    if (f.measure().equals(Measures.VALUE_ADDED)) {
      return v == Judgement.Verdict.TO_PROBE
          ? "Which pupils made less progress in " + subject + " than their starting points suggest?"
          : "What does the progress of pupils from each starting point in " + subject + " show?";
    }
    return switch (v) {
      case STRONG -> "What does the school do in " + subject + " that other schools could borrow?";
      case TO_PROBE ->
          "Which pupils fell short in " + subject + ", and what support did they have?";
      default ->
          "Which few pupils would change the picture in "
              + subject
              + ", and what do we know about them?";
    };
  }

  private static String share(Optional<Figure> f) {
    return f.map(Proportion::of).map(Proportion::describe).orElse("");
  }

  private static String moved(double change) {
    String size = Numbers.signedPoints(change);
    if (size.equals("0")) {
      return "stayed about the same";
    }
    String points = size.substring(1);
    return (change > 0 ? "rose " : "fell ")
        + points
        + (points.equals("1") ? " percentage point" : " percentage points");
  }

  /** "Level 4+", "the expected standard". */
  private static String threshold(String shareMeasure) {
    return switch (shareMeasure) {
      case Measures.PCT_LEVEL4_PLUS -> "Level 4+";
      case Measures.PCT_LEVEL5_PLUS -> "Level 5+";
      case Measures.PCT_EXPECTED_PLUS -> "the expected standard";
      case Measures.PCT_HIGHER_PLUS -> "the higher standard";
      default -> shareMeasure;
    };
  }

  /** "Maths at Level 4+", "Reading, writing and maths combined at the expected standard". */
  private static String subjectAt(String subject, String threshold) {
    return Labels.subject(subject) + " at " + threshold;
  }

  /** "Level 4+ in maths", "the expected standard in reading, writing and maths combined". */
  private static String inSubject(String threshold, String subject) {
    return threshold + " in " + lowerFirst(Labels.subject(subject));
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() || text.startsWith("Level") || text.startsWith("EHC")
        ? text
        : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
