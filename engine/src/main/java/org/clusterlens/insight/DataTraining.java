package org.clusterlens.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Term;
import org.clusterlens.report.Labels;
import org.clusterlens.report.Numbers;

/**
 * Writes the governors' "Reading your data" page from the cluster's own figures, every school shown
 * as "School A…" whatever the cluster shares (the page is for training, not comparison).
 *
 * <p>The worked examples are chosen from the latest Key Stage 2 results in reading, writing and
 * maths combined: the largest fall that does not survive the check for many comparisons, the rise
 * that stands out most from chance (smallest adjusted p-value, then smallest p-value: many adjusted
 * values are 1), and the smallest cohort set beside the cluster.
 */
public final class DataTraining {

  private DataTraining() {}

  /** The page's words; examples and questions are left out where the figures are missing. */
  public static TrainingPage of(Cluster cluster, List<Figure> figures) {
    SchoolNames names = SchoolNames.anonymous(cluster);
    List<String> members = cluster.schools().stream().map(s -> s.urn()).toList();
    String year =
        figures.stream()
            .filter(f -> f.assessment().equals("ks2") && f.measure().startsWith("pct_"))
            .map(Figure::academicYear)
            .max(String::compareTo)
            .orElse(null);
    List<TrainingPage.WorkedExample> examples = new ArrayList<>();
    List<TrainingPage.Practice> questions = new ArrayList<>();
    List<Integer> cohorts = new ArrayList<>();
    if (year != null) {
      List<Figure> rwm4 =
          figures.stream()
              .filter(f -> isKs2(f, "pct_level4_plus", year) && members.contains(f.school()))
              .filter(f -> f.denominator() != null && f.numerator() != null)
              .toList();
      rwm4.forEach(f -> cohorts.add(Math.toIntExact(f.denominator())));
      List<Figure> shifts =
          figures.stream()
              .filter(f -> isKs2(f, "shift_pct_level4_plus", year) && members.contains(f.school()))
              .filter(f -> f.lower() != null && f.adjustedPValue() != null)
              .toList();
      Optional<Figure> cluster4 =
          figures.stream()
              .filter(f -> isKs2(f, "pct_level4_plus", year))
              .filter(f -> f.school().equals(Figure.CLUSTER))
              .findFirst();
      shifts.stream()
          .filter(f -> f.value() < 0 && !f.selectedFinding())
          .min(Comparator.comparingDouble(Figure::value))
          .flatMap(s -> before(figures, s).map(b -> fall(s, b, now(figures, s), names)))
          .ifPresent(examples::add);
      shifts.stream()
          .filter(f -> f.value() > 0)
          .min(
              Comparator.comparingDouble(Figure::adjustedPValue)
                  .thenComparingDouble(Figure::pValue)
                  .thenComparing(Comparator.comparingDouble(Figure::value).reversed()))
          .flatMap(s -> before(figures, s).map(b -> rise(s, b, now(figures, s), names)))
          .ifPresent(examples::add);
      Optional<Figure> smallest =
          rwm4.stream()
              .filter(f -> f.lower() != null)
              .min(Comparator.comparingLong(Figure::denominator));
      if (smallest.isPresent() && cluster4.isPresent()) {
        examples.add(smallSchool(smallest.get(), cluster4.get(), names));
        questions.add(onePupil(smallest.get(), names));
      }
      rwm4.stream()
          .max(Comparator.comparingLong(Figure::denominator))
          .ifPresent(f -> questions.add(onePupil(f, names)));
      if (cluster4.isPresent()) {
        rwm4.stream()
            .filter(f -> f.lower() != null)
            .min(Comparator.comparingDouble(Figure::value))
            .ifPresent(f -> questions.add(belowCluster(f, cluster4.get(), names)));
      }
    }
    questions.add(
        new TrainingPage.Practice(
            new TracedSentence(
                "A governor says: \"Our Level 4+ result fell sharply this year. What went"
                    + " wrong?\" What would you ask before answering?",
                List.of()),
            new TracedSentence(
                "How many pupils were in each year's cohort, and what is one pupil worth? What"
                    + " range could chance alone produce for the change, and did it survive the"
                    + " check for many comparisons? Were the two cohorts alike (disadvantaged"
                    + " pupils, special needs, prior attainment)? Only then: what do teachers see?",
                List.of())));
    return new TrainingPage(cluster.name(), glossary(cohorts), examples, questions);
  }

  private static boolean isKs2(Figure f, String measure, String year) {
    return f.measure().equals(measure)
        && f.assessment().equals("ks2")
        && f.subject().equals(Figure.RWM)
        && f.group().equals(Figure.ALL)
        && f.academicYear().equals(year)
        && f.term().equals("summer");
  }

  private static Optional<Figure> before(List<Figure> figures, Figure shift) {
    String year = Term.previousAcademicYear(shift.academicYear());
    return figures.stream()
        .filter(f -> isKs2(f, "pct_level4_plus", year) && f.school().equals(shift.school()))
        .findFirst();
  }

  private static Figure now(List<Figure> figures, Figure shift) {
    return figures.stream()
        .filter(
            f ->
                isKs2(f, "pct_level4_plus", shift.academicYear())
                    && f.school().equals(shift.school()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("A shift without its figure: " + shift));
  }

  private static TrainingPage.WorkedExample fall(
      Figure shift, Figure before, Figure now, SchoolNames names) {
    String school = names.of(shift.school());
    List<TracedSentence> steps = new ArrayList<>();
    steps.add(
        new TracedSentence(
            school
                + "'s Year 6 reached Level 4+ in reading, writing and maths combined: "
                + PriorityWording.figure(before)
                + " in "
                + before.academicYear()
                + ", then "
                + PriorityWording.figure(now)
                + " in "
                + now.academicYear()
                + ". That is a fall of "
                + Numbers.quantity(Numbers.round(Math.abs(shift.value()), 0), "percentage point")
                + ".",
            List.of(before, now, shift)));
    steps.add(
        new TracedSentence(
            "These are different pupils, and few of them: with "
                + now.denominator()
                + " pupils, one pupil is worth "
                + Numbers.quantity(Numbers.points(100.0 / now.denominator()), "percentage point")
                + ".",
            List.of(now)));
    steps.add(
        new TracedSentence(
            "On its own, a change this size would happen by chance with probability "
                + PriorityWording.p(shift.pValue())
                + " (Fisher's exact test), and the true change probably lies between "
                + Numbers.signedPoints(shift.lower())
                + " and "
                + Numbers.signedPoints(shift.upper())
                + " points.",
            List.of(shift)));
    steps.add(
        new TracedSentence(
            "But this is one of the school's headline questions, and among that many a few this"
                + " unusual are expected by chance. Allowing for them, the probability is "
                + PriorityWording.p(shift.adjustedPValue())
                + ", so this is not yet a clear change: "
                + Labels.reason(shift.judgement())
                + ".",
            List.of(shift)));
    return new TrainingPage.WorkedExample(
        "This looks like a fall: could chance explain it?",
        steps,
        "Ask about the cohort first, and wait for another year or for teacher assessment before"
            + " calling it a decline.");
  }

  private static TrainingPage.WorkedExample rise(
      Figure shift, Figure before, Figure now, SchoolNames names) {
    String school = names.of(shift.school());
    boolean clear = shift.selectedFinding();
    List<TracedSentence> steps = new ArrayList<>();
    steps.add(
        new TracedSentence(
            school
                + " rose from "
                + PriorityWording.figure(before)
                + " in "
                + before.academicYear()
                + " to "
                + PriorityWording.figure(now)
                + " in "
                + now.academicYear()
                + " at Level 4+ in reading, writing and maths combined: "
                + Numbers.quantity(Numbers.signedPoints(shift.value()), "percentage point")
                + ".",
            List.of(before, now, shift)));
    steps.add(
        new TracedSentence(
            "The true change probably lies between "
                + Numbers.signedPoints(shift.lower())
                + " and "
                + Numbers.signedPoints(shift.upper())
                + " points (95% interval)"
                + (shift.lower() <= 0
                    ? ": that includes no change at all, so chance alone could explain the rise."
                    : ": that does not include zero.")
                + " After allowing for the school's other headline questions, the probability is "
                + PriorityWording.p(shift.adjustedPValue())
                + ".",
            List.of(shift)));
    return new TrainingPage.WorkedExample(
        "This looks like a rise: is it real?",
        steps,
        clear
            ? "This one stands out from chance: ask what the school did, so others can learn."
            : "Welcome it, but do not credit or copy a change that chance could have made: look"
                + " for the same direction next year and in teacher assessment.");
  }

  private static TrainingPage.WorkedExample smallSchool(
      Figure school, Figure cluster, SchoolNames names) {
    boolean inside = cluster.value() >= school.lower() && cluster.value() <= school.upper();
    List<TracedSentence> steps = new ArrayList<>();
    steps.add(
        new TracedSentence(
            names.of(school.school())
                + " has the smallest Year 6 in the cluster: "
                + PriorityWording.figure(school)
                + " reached Level 4+ in reading, writing and maths combined in "
                + school.academicYear()
                + ".",
            List.of(school)));
    steps.add(
        new TracedSentence(
            "The cluster as a whole reached " + PriorityWording.figure(cluster) + ".",
            List.of(cluster)));
    steps.add(
        new TracedSentence(
            inside
                ? "The cluster's figure lies inside the school's range, so these figures cannot"
                    + " show that the school differs from the cluster."
                : "The cluster's figure lies outside the school's range, so the difference is"
                    + " larger than chance alone would usually produce for one school.",
            List.of()));
    return new TrainingPage.WorkedExample(
        "A small school beside the cluster",
        steps,
        "Read the range, not just the percentage: with few pupils it is wide.");
  }

  private static TrainingPage.Practice onePupil(Figure f, SchoolNames names) {
    return new TrainingPage.Practice(
        new TracedSentence(
            names.of(f.school())
                + " had "
                + Numbers.count(f.numerator())
                + " of "
                + f.denominator()
                + " pupils at Level 4+ in reading, writing and maths combined. How many"
                + " percentage points is one pupil worth there?",
            List.of(f)),
        new TracedSentence(
            "100 ÷ "
                + f.denominator()
                + " = "
                + Numbers.points(100.0 / f.denominator())
                + " percentage points: one more pupil at Level 4+ would move the figure from "
                + Numbers.percent(f.value())
                + " to "
                + Numbers.percent(100.0 * (f.numerator() + 1) / f.denominator())
                + ".",
            List.of(f)));
  }

  private static TrainingPage.Practice belowCluster(Figure f, Figure cluster, SchoolNames names) {
    boolean inside = cluster.value() >= f.lower() && cluster.value() <= f.upper();
    return new TrainingPage.Practice(
        new TracedSentence(
            names.of(f.school())
                + " reached "
                + PriorityWording.figure(f)
                + " at Level 4+ in reading, writing and maths combined; the cluster reached "
                + PriorityWording.figure(cluster)
                + ". Is the school below the cluster?",
            List.of(f, cluster)),
        new TracedSentence(
            inside
                ? "Not on these figures: the cluster's figure lies inside the school's 95% interval"
                    + " (where its true figure probably lies), so chance alone could give the"
                    + " difference. Ask again next year."
                : "Probably: the cluster's figure lies outside the school's 95% interval, so chance alone"
                    + " would rarely produce a gap this size for one school. With several schools"
                    + " compared, one can still sit outside by chance: check the cluster pack's"
                    + " funnel plot, then ask what lies behind it.",
            List.of()));
  }

  private static List<TrainingPage.GlossaryEntry> glossary(List<Integer> cohorts) {
    List<TrainingPage.GlossaryEntry> g = new ArrayList<>();
    g.add(
        new TrainingPage.GlossaryEntry(
            "Level 4+ and Level 5+",
            "The share of pupils who reached at least National Curriculum Level 4 (the level"
                + " expected at the end of Year 6), or Level 5 (above it)."));
    g.add(
        new TrainingPage.GlossaryEntry(
            "Average points (APS)",
            "Each level is turned into points (Level 4 is 27, Level 5 is 33; each step within a"
                + " level, c, b or a, is 2 points) and averaged over the pupils. It shows progress"
                + " that a threshold such as Level 4+ hides."));
    g.add(
        new TrainingPage.GlossaryEntry(
            "Expected progress",
            "Moving at least two whole levels between the end of Key Stage 1 (Year 2) and the end"
                + " of Key Stage 2 (Year 6), for example from Level 2 to Level 4."));
    g.add(
        new TrainingPage.GlossaryEntry(
            "Prior attainment",
            "What pupils had reached before, usually at the end of Year 2. Pupils who started"
                + " lower often finish lower, so compare progress, not only results."));
    g.add(
        new TrainingPage.GlossaryEntry(
            "95% interval",
            "Where the true figure probably lies: worked out so that 95 times in 100 it holds the"
                + " true figure. If two intervals overlap a lot, the figures may not really differ."));
    g.add(
        new TrainingPage.GlossaryEntry(
            "Test (how often chance alone would give this)",
            "A test says how often chance alone would give a result at least this large, for"
                + " example about 1 in 40 cohorts. The smaller that is, the less likely chance"
                + " explains it."));
    g.add(
        new TrainingPage.GlossaryEntry(
            "Funnel limits (the cluster range)",
            "The range a school of its size reaches by chance around the cluster's rate: 95 times"
                + " in 100 inside the dashed lines, 998 times in 1000 inside the dotted ones."));
    g.add(
        new TrainingPage.GlossaryEntry(
            "Strong, to probe, cannot tell yet",
            "The one judgement made on each headline question, the same in every pack, table and"
                + " brief. Strong or to probe: chance alone would rarely give it, even allowing for"
                + " the other questions asked. Cannot tell yet: chance could give it, or there are"
                + " too few pupils."));
    g.add(
        new TrainingPage.GlossaryEntry(
            "Headline questions and side questions",
            "Each school is asked a dozen or so headline questions (each subject against the"
                + " cluster, the change since last year, the main group gaps, progress). Side"
                + " questions (year groups, season of birth, …) are only ever worth a look: so"
                + " many are asked that some look unusual by chance."));
    g.add(
        new TrainingPage.GlossaryEntry(
            "Pooled over years",
            "Two or three years' Year 6 pupils counted together. A small school's single year"
                + " can rarely be told from chance; its pupils over three years often can."));
    String swing =
        "In a small cohort one pupil moves the figure a lot, so results jump from year to year"
            + " even when teaching has not changed.";
    if (!cohorts.isEmpty()) {
      int smallest = cohorts.stream().min(Integer::compare).orElseThrow();
      int largest = cohorts.stream().max(Integer::compare).orElseThrow();
      swing +=
          " In this cluster Year 6 runs from "
              + smallest
              + " to "
              + largest
              + " pupils, so one pupil is worth "
              + Numbers.points(100.0 / smallest)
              + " to "
              + Numbers.points(100.0 / largest)
              + " percentage points.";
    }
    g.add(new TrainingPage.GlossaryEntry("Why small cohorts swing", swing));
    g.add(
        new TrainingPage.GlossaryEntry(
            "Many comparisons",
            "Check enough figures and some will look unusual by chance. The packs allow for the"
                + " other questions in the same family before calling anything clear."));
    g.add(
        new TrainingPage.GlossaryEntry(
            "The cluster figure",
            "All the cluster's pupils counted together, so larger schools count for more."));
    // The letters a table shows in place of a figure, as the DfE's statistics use them.
    for (org.clusterlens.report.Blank b : org.clusterlens.report.Blank.values()) {
      g.add(
          new TrainingPage.GlossaryEntry(
              b.symbol() + " (in a table)",
              capitalised(b.meaning())
                  + ". It is never a zero: a table shows "
                  + b.symbol()
                  + " where there is no figure to show."));
    }
    return g;
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
