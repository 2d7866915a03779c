package org.clusterlens.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.clusterlens.model.FigureKey;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;
import org.clusterlens.report.Labels;
import org.clusterlens.report.Numbers;

/**
 * Copyable self-evaluation paragraphs for one school — attainment, the year-on-year shift, progress
 * from Key Stage 1, pupil groups against the rest of the school, this term's teacher assessment and
 * the cluster priorities that touch it — each sentence giving its n and uncertainty and carrying
 * the figures it quotes.
 *
 * @param school the school; never null
 * @param paragraphs the paragraphs in order, each a heading and its sentences; never null
 */
public record SelfEvaluation(School school, List<Paragraph> paragraphs) {

  /**
   * One paragraph.
   *
   * @param heading a short heading, e.g. "Attainment at the end of Key Stage 2"; never null
   * @param sentences its sentences; never null, never empty
   */
  public record Paragraph(String heading, List<TracedSentence> sentences) {
    public Paragraph {
      sentences = List.copyOf(sentences);
    }

    /** The paragraph's sentences joined into one block of text. */
    public String text() {
      return String.join(" ", sentences.stream().map(TracedSentence::text).toList());
    }
  }

  public SelfEvaluation {
    paragraphs = List.copyOf(paragraphs);
  }

  /** Every sentence of every paragraph, in order. */
  public List<TracedSentence> sentences() {
    return paragraphs.stream().flatMap(p -> p.sentences().stream()).toList();
  }

  /**
   * Writes one school's paragraphs from the figures and the cluster's priorities.
   *
   * @throws IllegalArgumentException if the school is not in the cluster
   */
  public static SelfEvaluation of(
      Cluster cluster, String urn, List<Figure> figures, ClusterPriorities priorities) {
    return of(cluster, urn, new Sources(figures), priorities);
  }

  /**
   * The figures every school's self-evaluation draws on, sorted by school once for a whole run
   * (scanning an LA's 2.4 million figures for each of its 300 schools was most of its pack stage).
   */
  public static final class Sources {
    private final Map<String, List<Figure>> bySchool = new HashMap<>();
    private final Optional<String> latestKs2Year;
    private final Optional<Term> latestTeacherTerm;

    /**
     * @param figures the run's published figures; never null
     */
    public Sources(List<Figure> figures) {
      for (Figure f : figures) {
        bySchool.computeIfAbsent(f.school(), s -> new ArrayList<>()).add(f);
      }
      this.latestKs2Year =
          figures.stream()
              .filter(f -> f.assessment().equals("ks2") && f.measure().startsWith("pct_"))
              .map(Figure::academicYear)
              .max(String::compareTo);
      this.latestTeacherTerm =
          figures.stream()
              .filter(f -> f.assessment().equals("teacher"))
              .map(
                  f ->
                      new Term(
                          f.academicYear(), Term.Season.valueOf(f.term().toUpperCase(Locale.ROOT))))
              .max(Term::compareTo);
    }

    private List<Figure> of(String school) {
      return bySchool.getOrDefault(school, List.of());
    }
  }

  /**
   * Writes one school's paragraphs from figures already sorted by school.
   *
   * @throws IllegalArgumentException if the school is not in the cluster
   */
  public static SelfEvaluation of(
      Cluster cluster, String urn, Sources figures, ClusterPriorities priorities) {
    School school =
        cluster
            .school(urn)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "School " + urn + " is not in cluster " + cluster.name()));
    Lookup look = new Lookup(figures, urn);
    List<Paragraph> paragraphs = new ArrayList<>();
    look.latestKs2Year()
        .ifPresent(
            year -> {
              paragraphs.add(attainment(look, urn, year));
              shifts(look, urn, year).ifPresent(paragraphs::add);
              progress(look, urn, year).ifPresent(paragraphs::add);
              groups(look, urn, year).ifPresent(paragraphs::add);
            });
    look.latestTeacherTerm().flatMap(t -> teacher(look, urn, t)).ifPresent(paragraphs::add);
    paragraphs.add(priorities(priorities, urn, SchoolNames.forSchool(cluster, urn)));
    return new SelfEvaluation(school, paragraphs);
  }

  private static Paragraph attainment(Lookup look, String urn, String year) {
    List<TracedSentence> s = new ArrayList<>();
    for (String measure : List.of("pct_level4_plus", "pct_level5_plus")) {
      Optional<Figure> own = look.ks2(measure, Figure.RWM, urn, year);
      Optional<Figure> all = look.ks2(measure, Figure.RWM, Figure.CLUSTER, year);
      own.ifPresent(
          f -> {
            List<Figure> sources = new ArrayList<>(List.of(f));
            String text =
                "In "
                    + year
                    + ", "
                    + PriorityWording.figure(f)
                    + " of Year 6 reached "
                    + PriorityWording.threshold(measure)
                    + " in reading, writing and maths combined";
            if (all.isPresent()) {
              sources.add(all.get());
              text += ", against " + PriorityWording.figure(all.get()) + " across the cluster";
            }
            s.add(new TracedSentence(text + ".", sources));
          });
    }
    for (String subject : List.of("reading", "writing", "maths")) {
      Optional<Figure> l4 = look.ks2("pct_level4_plus", subject, urn, year);
      Optional<Figure> l5 = look.ks2("pct_level5_plus", subject, urn, year);
      if (l4.isPresent() && l5.isPresent()) {
        s.add(
            new TracedSentence(
                "In "
                    + Labels.subject(subject).toLowerCase(Locale.ROOT)
                    + ", "
                    + PriorityWording.figure(l4.get())
                    + " reached Level 4+ and "
                    + PriorityWording.figure(l5.get())
                    + " Level 5+.",
                List.of(l4.get(), l5.get())));
      }
    }
    if (s.isEmpty()) {
      s.add(
          new TracedSentence(
              "The returns hold no Key Stage 2 results for the school in " + year + ".",
              List.of()));
    }
    return new Paragraph("Attainment at the end of Key Stage 2, " + year, s);
  }

  private static Optional<Paragraph> shifts(Lookup look, String urn, String year) {
    String before = Term.previousAcademicYear(year);
    List<TracedSentence> s = new ArrayList<>();
    for (String measure : List.of("pct_level4_plus", "pct_level5_plus")) {
      Optional<Figure> shift = look.ks2("shift_" + measure, Figure.RWM, urn, year);
      Optional<Figure> then = look.ks2(measure, Figure.RWM, urn, before);
      if (shift.isEmpty() || then.isEmpty() || shift.get().lower() == null) {
        continue;
      }
      Figure change = shift.get();
      String size = Numbers.round(Math.abs(change.value()), 0);
      String moved =
          size.equals("0")
              ? "stayed about the same"
              : (change.value() > 0 ? "rose" : "fell")
                  + " by "
                  + size
                  + (size.equals("1") ? " percentage point" : " percentage points");
      String chance =
          (change.selectedFinding()
                  ? "that is a clear change: "
                  : "we cannot tell it from chance: ")
              + Labels.reason(change.judgement());
      s.add(
          new TracedSentence(
              PriorityWording.threshold(measure)
                  + " in reading, writing and maths combined "
                  + moved
                  + " since "
                  + before
                  + ", when it was "
                  + PriorityWording.figure(then.get())
                  + "; the true change probably lies between "
                  + Numbers.signedPoints(change.lower())
                  + " and "
                  + Numbers.signedPoints(change.upper())
                  + " points, and "
                  + chance
                  + ".",
              List.of(change, then.get())));
    }
    return s.isEmpty() ? Optional.empty() : Optional.of(new Paragraph("Change since " + before, s));
  }

  /**
   * Expected progress (two whole levels from Key Stage 1) and value added against the cluster's
   * similar pupils, per subject, where the metrics hold them ({@code pct_expected_progress}, {@code
   * value_added}).
   */
  private static Optional<Paragraph> progress(Lookup look, String urn, String year) {
    List<TracedSentence> s = new ArrayList<>();
    for (String subject : List.of("reading", "writing", "maths")) {
      String name = Labels.subject(subject).toLowerCase(Locale.ROOT);
      look.ks2("pct_expected_progress", subject, urn, year)
          .filter(f -> f.numerator() != null && f.denominator() != null)
          .ifPresent(
              f -> {
                List<Figure> sources = new ArrayList<>(List.of(f));
                String text =
                    "In "
                        + name
                        + ", "
                        + PriorityWording.figure(f)
                        + " made the expected progress of two whole levels from Key Stage 1";
                Optional<Figure> all =
                    look.ks2("pct_expected_progress", subject, Figure.CLUSTER, year)
                        .filter(c -> c.numerator() != null && c.denominator() != null);
                if (all.isPresent()) {
                  sources.add(all.get());
                  text += ", against " + PriorityWording.figure(all.get()) + " across the cluster";
                }
                s.add(new TracedSentence(text + ".", sources));
              });
      look.ks2("value_added", subject, urn, year)
          .filter(f -> f.denominator() != null && f.lower() != null)
          .ifPresent(
              f ->
                  s.add(
                      new TracedSentence(
                          "Value added in "
                              + name
                              + " was "
                              + Numbers.quantity(signedPoints(f.value()), "point")
                              + " for "
                              + f.denominator()
                              + (f.denominator() == 1 ? " pupil" : " pupils")
                              + " (range "
                              + signedPoints(f.lower())
                              + " to "
                              + signedPoints(f.upper())
                              + "), where zero means the same progress as pupils across the cluster"
                              + " who started from the same Key Stage 1 band.",
                          List.of(f))));
    }
    return s.isEmpty()
        ? Optional.empty()
        : Optional.of(new Paragraph("Progress from Key Stage 1, " + year, s));
  }

  /** The pupil groups a self-evaluation form asks about, in the order it lists them. */
  private static final List<List<String>> GROUPS =
      List.of(
          List.of("disadvantaged", "Y"),
          List.of("fsm", "Y"),
          List.of("sen", "K"),
          List.of("eal", "Y"),
          List.of("gender", "M"),
          List.of("gender", "F"));

  /**
   * Each group's Key Stage 2 result at Level 4+ in reading, writing and maths combined against the
   * rest of the school, with the gap's range, where the group is large enough to compare and its
   * figures are published.
   */
  private static Optional<Paragraph> groups(Lookup look, String urn, String year) {
    List<TracedSentence> s = new ArrayList<>();
    for (List<String> g : GROUPS) {
      Optional<Figure> group = look.ks2Group("pct_level4_plus", urn, g.get(0), g.get(1), year);
      Optional<Figure> gap = look.ks2Group("gap_pct_level4_plus", urn, g.get(0), g.get(1), year);
      if (group.isEmpty()
          || gap.isEmpty()
          || group.get().numerator() == null
          || gap.get().lower() == null
          || group.get().belowReportingThreshold()
          || gap.get().belowReportingThreshold()) {
        continue;
      }
      Figure difference = gap.get();
      s.add(
          new TracedSentence(
              "Of "
                  + PriorityWording.group(g.get(0), g.get(1))
                  + ", "
                  + PriorityWording.figure(group.get())
                  + " reached Level 4+ in reading, writing and maths; the gap to the rest of the"
                  + " school is "
                  + Numbers.quantity(Numbers.signedPoints(difference.value()), "point")
                  + " (the true gap probably lies between "
                  + Numbers.signedPoints(difference.lower())
                  + " and "
                  + Numbers.signedPoints(difference.upper())
                  + "); "
                  + (difference.selectedFinding()
                      ? "that is clear: "
                      : "we cannot tell it from chance: ")
                  + Labels.reason(difference.judgement())
                  + ".",
              List.of(group.get(), difference)));
    }
    return s.isEmpty()
        ? Optional.empty()
        : Optional.of(new Paragraph("Pupil groups at Key Stage 2, " + year, s));
  }

  /** Points to one decimal place with a sign: "+1.2", "-0.4", "0". */
  private static String signedPoints(double points) {
    String text = Numbers.points(points);
    return points > 0 && !text.equals("0") ? "+" + text : text;
  }

  private static Optional<Paragraph> teacher(Lookup look, String urn, Term term) {
    List<TracedSentence> s = new ArrayList<>();
    for (String measure : List.of("pct_level4_plus", "pct_level5_plus")) {
      look.teacher(measure, Figure.RWM, urn, "6", term)
          .ifPresent(
              f ->
                  s.add(
                      new TracedSentence(
                          "In "
                              + term.label()
                              + ", teachers assessed "
                              + PriorityWording.figure(f)
                              + " of Year 6 at "
                              + PriorityWording.threshold(measure)
                              + " in reading, writing and maths combined.",
                          List.of(f))));
    }
    if (s.isEmpty()) {
      return Optional.empty();
    }
    s.add(
        new TracedSentence(
            "Teacher assessment during the year is not standardised across schools.", List.of()));
    return Optional.of(new Paragraph("Teacher assessment this term", s));
  }

  private static Paragraph priorities(ClusterPriorities priorities, String urn, SchoolNames names) {
    List<TracedSentence> s = new ArrayList<>();
    for (SharedPriority p : priorities.touching(urn)) {
      Figure own = p.figureOf(urn).orElse(null);
      String measure = PriorityWording.measure(p.clusterFigure());
      switch (p.kind()) {
        case SHARED_WEAKNESS, SHARED_STRENGTH -> {
          boolean weakness = p.kind() == SharedPriority.Kind.SHARED_WEAKNESS;
          Figure row = p.test();
          List<Figure> sources = new ArrayList<>(List.of(row, p.clusterFigure()));
          String text =
              measure
                  + " is a "
                  + (weakness ? "priority" : "strength")
                  + " the cluster shares: "
                  + Numbers.count(row.numerator())
                  + " of "
                  + row.denominator()
                  + " schools are "
                  + (weakness ? "below" : "above")
                  + " the cluster's rate for reading, writing and maths together, and the"
                  + " cluster reached "
                  + PriorityWording.figure(p.clusterFigure());
          if (own != null) {
            sources.add(own);
            text +=
                "; here "
                    + PriorityWording.figure(own)
                    + (p.onSide().contains(urn)
                        ? ""
                        : ", so the school could help lead the shared work");
          }
          s.add(new TracedSentence(text + ".", sources));
        }
        case STRENGTH_TO_SHARE ->
            s.add(
                new TracedSentence(
                    "The school is clearly above the cluster in "
                        + measure.substring(0, 1).toLowerCase(Locale.ROOT)
                        + measure.substring(1)
                        + ": "
                        + PriorityWording.figure(own)
                        + " against "
                        + PriorityWording.figure(p.clusterFigure())
                        + " across the cluster, so it could lead others here.",
                    List.of(own, p.clusterFigure())));
      }
    }
    if (s.isEmpty()) {
      s.add(
          new TracedSentence(
              "No cluster priority involving the school stood out from chance in the latest"
                  + " figures.",
              List.of()));
    }
    return new Paragraph("Cluster priorities (" + names.of(urn) + ")", s);
  }

  /** The school's paragraphs as plain text, ready to paste: a heading line, then the paragraph. */
  public String plainText(String clusterName) {
    StringBuilder out =
        new StringBuilder()
            .append("Self-evaluation text: ")
            .append(school.name())
            .append(" (")
            .append(clusterName)
            .append(")\n")
            .append(
                "Every figure gives its n and where its true value probably lies (95% interval); each one"
                    + " is a row of metrics.csv.\n\n");
    for (Paragraph p : paragraphs) {
      out.append(p.heading()).append("\n").append(p.text()).append("\n\n");
    }
    return out.toString();
  }

  /** Looks up figures by their labels. */
  private static final class Lookup {
    /** The figures by their labels, whatever their scheme (the key's scheme left empty). */
    private final Map<FigureKey, Figure> byKey = new HashMap<>();

    private final Sources sources;

    /** Keys only the school's and the cluster's figures: the only ones a school's text quotes. */
    Lookup(Sources sources, String urn) {
      this.sources = sources;
      List<Figure> quoted = new ArrayList<>(sources.of(urn));
      quoted.addAll(sources.of(Figure.CLUSTER));
      for (Figure f : quoted) {
        byKey.put(FigureKey.of(f).inScheme(null), f);
      }
    }

    Optional<Figure> ks2(String measure, String subject, String school, String year) {
      return Optional.ofNullable(
          byKey.get(
              new FigureKey(measure, "ks2", null, subject, school, "all", "all", year, "summer")));
    }

    Optional<Figure> ks2Group(
        String measure, String school, String group, String value, String year) {
      return Optional.ofNullable(
          byKey.get(
              new FigureKey(
                  measure, "ks2", null, Figure.RWM, school, group, value, year, "summer")));
    }

    Optional<Figure> teacher(
        String measure, String subject, String school, String yearGroup, Term term) {
      return Optional.ofNullable(
          byKey.get(
              new FigureKey(
                  measure,
                  "teacher",
                  null,
                  subject,
                  school,
                  "year_group",
                  yearGroup,
                  term.academicYear(),
                  term.season().word())));
    }

    Optional<String> latestKs2Year() {
      return sources.latestKs2Year;
    }

    Optional<Term> latestTeacherTerm() {
      return sources.latestTeacherTerm;
    }
  }
}
