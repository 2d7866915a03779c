package org.clusterlens.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clusterlens.metrics.Measures;
import org.clusterlens.metrics.PooledYears;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Judgement;
import org.clusterlens.model.Term;
import org.clusterlens.report.FigureIndex;
import org.clusterlens.report.Labels;
import org.clusterlens.report.Numbers;
import org.clusterlens.report.Proportion;

/**
 * The sentence that opens each governor-pack section, saying what that section shows for this
 * school: where its figures stand furthest from the cluster's, and the one judgement made of them.
 * Every number is a figure's, as metrics.csv prints it; a section whose figures are withheld or
 * absent gets no sentence.
 */
public final class SectionOpenings {

  private static final List<String> SUBJECTS = List.of("reading", "writing", "maths");

  private SectionOpenings() {}

  /** The sentences' texts by section id ({@code ks2}, {@code shift}, …). */
  public static Map<String, String> forGovernors(String urn, FigureIndex index) {
    Map<String, String> out = new LinkedHashMap<>();
    traced(urn, index).forEach((k, v) -> out.put(k, v.text()));
    return out;
  }

  /** The sentences by section id, each with the figures its numbers come from. */
  public static Map<String, TracedSentence> traced(String urn, FigureIndex index) {
    Map<String, TracedSentence> out = new LinkedHashMap<>();
    Optional<String> year = index.latestKs2Year();
    Optional<Term> term = index.latestTeacherTerm();
    year.flatMap(y -> ks2(urn, index, y)).ifPresent(s -> out.put("ks2", s));
    year.flatMap(y -> shift(urn, index, y)).ifPresent(s -> out.put("shift", s));
    progress(urn, index, year, term).ifPresent(s -> out.put("progress", s));
    year.flatMap(y -> groups(urn, index, y)).ifPresent(s -> out.put("groups", s));
    ks1(urn, index).ifPresent(s -> out.put("ks1", s));
    year.flatMap(y -> trends(urn, index, y)).ifPresent(s -> out.put("trends", s));
    context(urn, index).ifPresent(s -> out.put("context", s));
    year.flatMap(y -> peers(urn, index, y)).ifPresent(s -> out.put("peers", s));
    term.flatMap(t -> thisTerm(urn, index, t)).ifPresent(s -> out.put("this-term", s));
    return out;
  }

  /** The subject where this school's Level 4+ stands furthest from the cluster's. */
  private static Optional<TracedSentence> ks2(String urn, FigureIndex index, String year) {
    Figure best = null;
    Figure bestCluster = null;
    for (String subject : SUBJECTS) {
      Optional<Figure> self = shown(index.ks2(Measures.PCT_LEVEL4_PLUS, subject, urn, year));
      Optional<Figure> cluster =
          shown(index.ks2(Measures.PCT_LEVEL4_PLUS, subject, Figure.CLUSTER, year));
      if (self.isPresent()
          && cluster.isPresent()
          && (best == null
              || Math.abs(self.get().value() - cluster.get().value())
                  > Math.abs(best.value() - bestCluster.value()))) {
        best = self.get();
        bestCluster = cluster.get();
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    String side = side(best.value(), bestCluster.value());
    String text =
        Labels.subject(best.subject())
            + (side.equals("level with")
                ? " is where this school is closest to the cluster this year: "
                : " is where this school is furthest " + side + " the cluster this year: ")
            + Proportion.of(best).describe()
            + " reached Level 4+, against the cluster's "
            + Proportion.of(bestCluster).describe()
            + "."
            + judged(best.judgement());
    return Optional.of(new TracedSentence(text, List.of(best, bestCluster)));
  }

  /** Reading, writing and maths combined at Level 4+ since last year, and its judgement. */
  private static Optional<TracedSentence> shift(String urn, FigureIndex index, String year) {
    Optional<Figure> shift =
        shown(index.ks2(Measures.SHIFT_PCT_LEVEL4_PLUS, Figure.RWM, urn, year));
    Optional<Figure> now = shown(index.ks2(Measures.PCT_LEVEL4_PLUS, Figure.RWM, urn, year));
    String previous = Term.previousAcademicYear(year);
    Optional<Figure> before = shown(index.ks2(Measures.PCT_LEVEL4_PLUS, Figure.RWM, urn, previous));
    if (shift.isEmpty() || now.isEmpty() || before.isEmpty()) {
      return Optional.empty();
    }
    // The key points' own words for a shift, then its one judgement.
    String text = QuestionWords.what(shift.get(), index) + judged(shift.get().judgement());
    return Optional.of(new TracedSentence(text, List.of(shift.get(), before.get(), now.get())));
  }

  /** The progress measure where this school differs most from the cluster. */
  private static Optional<TracedSentence> progress(
      String urn, FigureIndex index, Optional<String> year, Optional<Term> term) {
    List<Figure[]> pairs = new ArrayList<>();
    for (String subject : SUBJECTS) {
      if (year.isPresent()) {
        pair(
            pairs,
            index.ks2(Measures.VALUE_ADDED, subject, urn, year.get()),
            index.ks2(Measures.VALUE_ADDED, subject, Figure.CLUSTER, year.get()));
      }
      if (term.isPresent()) {
        pair(
            pairs,
            index.teacher(Measures.PROGRESS_POINTS_YEAR, subject, urn, Figure.ALL, term.get()),
            index.teacher(
                Measures.PROGRESS_POINTS_YEAR, subject, Figure.CLUSTER, Figure.ALL, term.get()));
      }
    }
    // Points gained since last term, as the pack shows them, only when there is no year's.
    if (pairs.isEmpty() && term.isPresent()) {
      for (String subject : SUBJECTS) {
        pair(
            pairs,
            index.teacher(Measures.PROGRESS_POINTS_TERM, subject, urn, Figure.ALL, term.get()),
            index.teacher(
                Measures.PROGRESS_POINTS_TERM, subject, Figure.CLUSTER, Figure.ALL, term.get()));
      }
    }
    Figure[] best = null;
    for (Figure[] p : pairs) {
      if (best == null
          || Math.abs(p[0].value() - p[1].value()) > Math.abs(best[0].value() - best[1].value())) {
        best = p;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    String text =
        Labels.measure(best[0].measure())
            + " in "
            + Labels.subject(best[0].subject()).toLowerCase(java.util.Locale.ROOT)
            + " is where this school differs most from the cluster: "
            + signed(best[0].value())
            + (best[0].denominator() == null ? "" : " (" + best[0].denominator() + " pupils)")
            + " here, "
            + signed(best[1].value())
            + " across the cluster."
            + judged(best[0].judgement());
    return Optional.of(new TracedSentence(text, List.of(best[0], best[1])));
  }

  private static void pair(List<Figure[]> pairs, Optional<Figure> self, Optional<Figure> cluster) {
    Optional<Figure> s = shown(self);
    Optional<Figure> c = shown(cluster);
    if (s.isPresent() && c.isPresent()) {
      pairs.add(new Figure[] {s.get(), c.get()});
    }
  }

  /** A clear gap first; otherwise that none is clear, and the widest. */
  private static Optional<TracedSentence> groups(String urn, FigureIndex index, String year) {
    List<Figure> gaps =
        index
            .groups(
                Measures.GAP_PCT_LEVEL4_PLUS,
                Measures.KS2,
                Figure.RWM,
                urn,
                new Term(year, Term.Season.SUMMER))
            .stream()
            .filter(f -> !f.groupValue().equals("N"))
            .toList();
    List<Figure> compared =
        gaps.stream()
            .filter(f -> !f.suppressed())
            .filter(f -> !f.belowReportingThreshold() && f.denominator() != null)
            .filter(f -> f.judgement() != null && !Double.isNaN(f.value()))
            .toList();
    if (compared.isEmpty()) {
      return gaps.isEmpty()
          ? Optional.empty()
          : Optional.of(
              new TracedSentence(
                  "Every group of pupils at this school is too small to compare this year.",
                  List.of()));
    }
    Optional<Figure> clear =
        compared.stream()
            .filter(f -> f.judgement().clear())
            .max(java.util.Comparator.comparingDouble(f -> Math.abs(f.value())));
    Figure widest =
        clear.orElseGet(
            () ->
                compared.stream()
                    .max(java.util.Comparator.comparingDouble(f -> Math.abs(f.value())))
                    .orElseThrow());
    String gap =
        Labels.group(widest.group(), widest.groupValue())
            + " ("
            + widest.denominator()
            + " pupils), "
            + Numbers.signedPoints(widest.value())
            + " percentage points against the school's other pupils";
    String text =
        clear.isPresent()
            ? "A clear gap at Level 4+ in reading, writing and maths: "
                + gap
                + "."
                + judged(widest.judgement())
            : "None of this school's gaps at Level 4+ in reading, writing and maths can be told"
                + " from chance yet; the widest is "
                + lowerFirst(gap)
                + ".";
    return Optional.of(new TracedSentence(text, List.of(widest)));
  }

  /** Key Stage 1 average points where this school differs most from the cluster. */
  private static Optional<TracedSentence> ks1(String urn, FigureIndex index) {
    List<String> years = new ArrayList<>(index.ks2Years());
    java.util.Collections.reverse(years);
    for (String year : years) {
      Figure[] best = null;
      for (String subject : SUBJECTS) {
        Optional<Figure> self = shown(ks1Points(index, subject, urn, year));
        Optional<Figure> cluster = shown(ks1Points(index, subject, Figure.CLUSTER, year));
        if (self.isPresent()
            && cluster.isPresent()
            && (best == null
                || Math.abs(self.get().value() - cluster.get().value())
                    > Math.abs(best[0].value() - best[1].value()))) {
          best = new Figure[] {self.get(), cluster.get()};
        }
      }
      if (best != null) {
        String text =
            "Year 2 here averaged "
                + Numbers.points(best[0].value())
                + " points in "
                + Labels.subject(best[0].subject()).toLowerCase(java.util.Locale.ROOT)
                + ", against the cluster's "
                + Numbers.points(best[1].value())
                + ": the subject furthest from the cluster.";
        return Optional.of(new TracedSentence(text, List.of(best[0], best[1])));
      }
    }
    return Optional.empty();
  }

  private static Optional<Figure> ks1Points(
      FigureIndex index, String subject, String school, String year) {
    return index.find(
        Measures.AVERAGE_POINTS,
        Measures.KS1,
        subject,
        school,
        Figure.ALL,
        Figure.ALL,
        year,
        Measures.SUMMER);
  }

  /** The years counted together, against the cluster's, with the judgement. */
  private static Optional<TracedSentence> trends(String urn, FigureIndex index, String year) {
    Optional<Figure> self =
        shown(index.ks2(PooledYears.POOLED_PCT_LEVEL4_PLUS, Figure.RWM, urn, year));
    Optional<Figure> cluster =
        shown(index.ks2(PooledYears.POOLED_PCT_LEVEL4_PLUS, Figure.RWM, Figure.CLUSTER, year));
    if (self.isEmpty() || cluster.isEmpty()) {
      return Optional.empty();
    }
    String text =
        "Counted together, the years give more pupils than any one year: "
            + Proportion.of(self.get()).describe()
            + " at Level 4+, against the cluster's "
            + Proportion.of(cluster.get()).describe()
            + "."
            + judged(self.get().judgement());
    return Optional.of(new TracedSentence(text, List.of(self.get(), cluster.get())));
  }

  /** The pupils on the return, and the characteristic furthest from the cluster's share. */
  private static Optional<TracedSentence> context(String urn, FigureIndex index) {
    Optional<Figure> pupils = shown(index.latest(Measures.CONTEXT_PUPILS, Measures.CONTEXT, urn));
    if (pupils.isEmpty()) {
      return Optional.empty();
    }
    Figure[] best = null;
    String bestWords = null;
    Map<String, String> words =
        Map.of(
            Measures.CONTEXT_PCT_FSM, "are eligible for free school meals",
            Measures.CONTEXT_PCT_DISADVANTAGED, "are disadvantaged",
            Measures.CONTEXT_PCT_SEN, "have special educational needs",
            Measures.CONTEXT_PCT_EAL, "have English as an additional language");
    for (String m :
        List.of(
            Measures.CONTEXT_PCT_FSM,
            Measures.CONTEXT_PCT_DISADVANTAGED,
            Measures.CONTEXT_PCT_SEN,
            Measures.CONTEXT_PCT_EAL)) {
      Optional<Figure> self = shown(index.latest(m, Measures.CONTEXT, urn));
      Optional<Figure> cluster = shown(index.latest(m, Measures.CONTEXT, Figure.CLUSTER));
      if (self.isPresent()
          && cluster.isPresent()
          && self.get().academicYear().equals(pupils.get().academicYear())
          && self.get().term().equals(pupils.get().term())
          && (best == null
              || Math.abs(self.get().value() - cluster.get().value())
                  > Math.abs(best[0].value() - best[1].value()))) {
        best = new Figure[] {self.get(), cluster.get()};
        bestWords = words.get(m);
      }
    }
    Figure p = pupils.get();
    long n = p.denominator() != null ? p.denominator() : Math.round(p.value());
    if (best == null) {
      return Optional.of(
          new TracedSentence(n + " pupils were on this school's return.", List.of(p)));
    }
    String text =
        n
            + " pupils were on this school's return; "
            + Proportion.of(best[0]).describe()
            + " "
            + bestWords
            + ", against "
            + Proportion.of(best[1]).describe()
            + " across the cluster, the widest difference here.";
    return Optional.of(new TracedSentence(text, List.of(p, best[0], best[1])));
  }

  /** This school's reading, writing and maths combined against the cluster's, judged. */
  private static Optional<TracedSentence> peers(String urn, FigureIndex index, String year) {
    Optional<Figure> self = shown(index.ks2(Measures.PCT_LEVEL4_PLUS, Figure.RWM, urn, year));
    Optional<Figure> cluster =
        shown(index.ks2(Measures.PCT_LEVEL4_PLUS, Figure.RWM, Figure.CLUSTER, year));
    if (self.isEmpty() || cluster.isEmpty()) {
      return Optional.empty();
    }
    String text =
        "Here "
            + Proportion.of(self.get()).describe()
            + " reached Level 4+ in reading, writing and maths, against "
            + Proportion.of(cluster.get()).describe()
            + " across the cluster's schools."
            + judged(self.get().judgement());
    return Optional.of(new TracedSentence(text, List.of(self.get(), cluster.get())));
  }

  /** Year 6's teacher assessment this term in reading, writing and maths combined. */
  private static Optional<TracedSentence> thisTerm(String urn, FigureIndex index, Term term) {
    for (String yearGroup : List.of("6", Figure.ALL)) {
      Optional<Figure> self =
          shown(index.teacher(Measures.PCT_LEVEL4_PLUS, Figure.RWM, urn, yearGroup, term));
      Optional<Figure> cluster =
          shown(
              index.teacher(Measures.PCT_LEVEL4_PLUS, Figure.RWM, Figure.CLUSTER, yearGroup, term));
      if (self.isPresent() && cluster.isPresent()) {
        String who = yearGroup.equals(Figure.ALL) ? "Across the school" : "In Year 6";
        String text =
            who
                + ", teachers judge "
                + Proportion.of(self.get()).describe()
                + " at Level 4+ in reading, writing and maths this term, against "
                + Proportion.of(cluster.get()).describe()
                + " across the cluster.";
        return Optional.of(new TracedSentence(text, List.of(self.get(), cluster.get())));
      }
    }
    return Optional.empty();
  }

  /** A figure that may be shown with its value (not withheld, with a value to print). */
  private static Optional<Figure> shown(Optional<Figure> f) {
    return f.filter(x -> !x.suppressed() && !Double.isNaN(x.value()))
        .filter(
            x ->
                !x.measure().startsWith("pct_")
                        && !x.measure().startsWith("pooled_")
                        && !x.measure().startsWith("context_pct_")
                    || x.numerator() != null && x.denominator() != null && x.denominator() > 0);
  }

  /** " Cannot tell yet: chance alone could give this, …." or "" when nothing was judged. */
  private static String judged(Judgement j) {
    return j == null ? "" : " " + Labels.verdict(j) + ": " + Labels.reason(j) + ".";
  }

  private static String side(double self, double cluster) {
    String diff = Numbers.signedPoints(self - cluster);
    return diff.equals("0") ? "level with" : self > cluster ? "above" : "below";
  }

  private static String signed(double v) {
    return (v > 0 ? "+" : "") + Numbers.points(v);
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
