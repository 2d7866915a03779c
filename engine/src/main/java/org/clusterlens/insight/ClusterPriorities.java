package org.clusterlens.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Judgement;
import org.clusterlens.model.Term;
import org.clusterlens.stats.FalseDiscoveryControl;
import org.clusterlens.stats.Finding;
import org.clusterlens.stats.ScreenedFinding;

/**
 * Finds the cluster's shared priorities in the latest figures of each assessment: measures where
 * most schools fall below (or above) the cluster's rate across subjects by more than chance would
 * give, and single schools clearly above the cluster that could lead others.
 *
 * <p>How a pattern is judged: one test per subject. For each percentage measure in reading, writing
 * and maths (one threshold, one set of pupils, one period), the cluster's <em>rate across
 * subjects</em> θ pools every pupil's result in all three subjects. In each subject, every school's
 * count x of n is set against Binomial(n, θ): its mid-p value P(X &lt; x) + ½P(X = x) becomes a
 * z-score, and Stouffer's method combines the schools' z-scores with equal weight (so one large
 * school cannot make a pattern alone) into one two-sided p-value. That test is a row of {@code
 * metrics.csv} of its own ({@code shared_pattern_…}: the schools on the pattern's side of n
 * compared, its p-value and its adjusted p-value), so every number a priority states is a row. A
 * pattern is a priority only when its p-value survives false-discovery control <em>and</em> most
 * schools (more than half) lie on its side of θ.
 *
 * <p>A single school's strength is its funnel test: the exact binomial p-value of its count against
 * the schools' pooled rate on the same measure, which the metrics stage gives its row. Every
 * p-value — each subject's pattern and each school's test — enters one Benjamini–Hochberg screen at
 * q = {@value #Q} over the priorities' own comparisons only, and only findings that survive it
 * become priorities.
 *
 * <p>Which pupils: statutory results (Key Stage 1 and 2) are one year group already, so every pupil
 * group with at least {@value #GROUP_REPORTING_THRESHOLD} pupils is judged. Teacher assessment is
 * judged year group by year group, never pooled across year groups (a pooled figure depends on a
 * school's mix of year groups), and only in the year groups whose pupils can be held to Key Stage
 * 2's standards ({@link #TEACHER_YEAR_GROUPS}): Level 4 is the end-of-Key-Stage-2 expectation,
 * which pupils on track reach during Years 5 and 6 (about 3 points a year from 2B, 15 points, at
 * the end of Year 2), so in younger year groups most pupils cannot yet reach it. Figures without
 * counts (suppressed) are left out.
 */
public final class ClusterPriorities {

  /** The family of a shared priority's test: the priorities' own comparisons. */
  public static final String SHARED_PRIORITIES = "shared_priorities";

  /** The false-discovery rate the screen keeps to. */
  public static final double Q = FalseDiscoveryControl.DEFAULT_Q;

  /** Pupil groups smaller than this are not compared (whole cohorts and year groups always are). */
  public static final int GROUP_REPORTING_THRESHOLD = 11;

  /** Fewer schools than this on a measure make no shared pattern. */
  public static final int MIN_SCHOOLS = 3;

  /** The subjects a pattern is judged in; combined RWM is not a subject of its own. */
  public static final List<String> SUBJECTS = List.of("reading", "writing", "maths");

  private static final int MAX_LEADERS = 2;

  /**
   * The year groups whose teacher assessment is judged against Key Stage 2's thresholds (Level 4+,
   * Level 5+): the last two years of the key stage.
   */
  public static final Set<String> TEACHER_YEAR_GROUPS = Set.of("5", "6");

  /** The prefix of a shared pattern's measure code: {@code shared_pattern_pct_level4_plus}. */
  public static final String SHARED_PATTERN = "shared_pattern_";

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private final List<SharedPriority> priorities;
  private final int candidates;
  private final List<String> periods;
  private final List<Figure> patternRows;

  private ClusterPriorities(
      List<SharedPriority> priorities,
      int candidates,
      List<String> periods,
      List<Figure> patternRows) {
    this.priorities = List.copyOf(priorities);
    this.candidates = candidates;
    this.periods = List.copyOf(periods);
    this.patternRows = List.copyOf(patternRows);
  }

  /**
   * Each subject's pattern test as a row of {@code metrics.csv} (measure {@code shared_pattern_…},
   * school {@code CLUSTER}): numerator the schools on the side most evidence points to, denominator
   * the schools compared, value the cluster's figure in the subject minus its rate across subjects
   * (percentage points), the test's p-value and its adjusted p-value within the priorities'
   * comparisons, selected when it is a priority; never null.
   */
  public List<Figure> patternRows() {
    return patternRows;
  }

  /** The priorities found, shared weaknesses first, then shared strengths, then strengths. */
  public List<SharedPriority> all() {
    return priorities;
  }

  /** How many comparisons the false-discovery screen allowed for. */
  public int candidates() {
    return candidates;
  }

  /** The periods looked at, e.g. "Key Stage 2, 2024-25"; empty when there were no figures. */
  public List<String> periods() {
    return periods;
  }

  /** The priorities that name this school, on their side or as a school that could lead. */
  public List<SharedPriority> touching(String urn) {
    return priorities.stream().filter(p -> p.touches(urn)).toList();
  }

  /** No priorities (for packs built without figures). */
  public static ClusterPriorities none() {
    return new ClusterPriorities(List.of(), 0, List.of(), List.of());
  }

  /**
   * Judges the latest figures of each assessment.
   *
   * @param figures the metrics stage's figures; never null
   * @param schoolUrns the member schools; figures of other schools are ignored; never null
   */
  public static ClusterPriorities find(List<Figure> figures, List<String> schoolUrns) {
    Objects.requireNonNull(figures, "figures");
    Set<String> members = Set.copyOf(schoolUrns);
    List<Figure> usable =
        figures.stream()
            .filter(f -> !f.suppressed() && !f.belowReportingThreshold())
            .filter(f -> f.measure().startsWith("pct_"))
            .filter(f -> SUBJECTS.contains(f.subject()))
            .filter(f -> f.numerator() != null && f.denominator() != null && f.denominator() > 0)
            .filter(f -> f.school().equals(Figure.CLUSTER) || members.contains(f.school()))
            .filter(ClusterPriorities::judgedPupils)
            .toList();
    Map<String, Term> latest = new HashMap<>();
    for (Figure f : usable) {
      latest.merge(f.assessment(), termOf(f), (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
    Map<Family, List<Figure>> families = new LinkedHashMap<>();
    usable.stream()
        .filter(f -> termOf(f).equals(latest.get(f.assessment())))
        .sorted(Comparator.comparing(Figure::assessment).thenComparing(Figure::measure))
        .forEach(f -> families.computeIfAbsent(Family.of(f), k -> new ArrayList<>()).add(f));

    List<Candidate> candidates = new ArrayList<>();
    for (List<Figure> family : families.values()) {
      judge(family, schoolUrns, candidates);
    }
    List<ScreenedFinding> screened =
        FalseDiscoveryControl.benjaminiHochberg(
            candidates.stream().map(c -> new Finding(c.label(), c.pValue())).toList(), Q);
    List<SharedPriority> found = new ArrayList<>();
    List<SchoolStanding> standings = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (candidates.get(i) instanceof SchoolTest t) {
        standings.add(
            new SchoolStanding(
                t.school(), t.cluster(), t.pValue(), screened.get(i).adjustedPValue()));
      }
    }
    List<Pattern> selectedPatterns = new ArrayList<>();
    Map<Pattern, Figure> rowOf = new LinkedHashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      ScreenedFinding s = screened.get(i);
      if (candidates.get(i) instanceof Pattern p) {
        rowOf.put(p, p.row(s.adjustedPValue()));
        if (s.isSelected() && p.isShared()) {
          selectedPatterns.add(p);
        }
      } else if (s.isSelected()
          && candidates.get(i) instanceof SchoolTest t
          && t.school().value() > t.cluster().value()) {
        found.add(
            new SharedPriority(
                SharedPriority.Kind.STRENGTH_TO_SHARE,
                t.cluster(),
                t.school(),
                s.adjustedPValue(),
                List.of(t.cluster()),
                List.of(t.school()),
                List.of(t.school().school()),
                candidates.size(),
                List.of(t.school())));
      }
    }
    for (Pattern p : withoutMirrors(selectedPatterns)) {
      Figure found0 = rowOf.get(p);
      Figure row =
          found0.withJudgement(
              new Judgement(
                  found0.value() < 0 ? Judgement.Verdict.TO_PROBE : Judgement.Verdict.STRONG,
                  Judgement.Reason.CLEAR_OF_CHANCE,
                  SHARED_PRIORITIES,
                  candidates.size()));
      rowOf.put(p, row);
      found.add(p.priority(row, candidates.size(), standings));
    }
    found.sort(
        Comparator.comparing(SharedPriority::kind)
            .thenComparingDouble(SharedPriority::adjustedPValue)
            .thenComparing(p -> p.clusterFigure().subject()));
    List<String> periods =
        latest.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> PriorityWording.period(e.getKey(), e.getValue()))
            .toList();
    return new ClusterPriorities(
        oneEachPattern(found), candidates.size(), periods, List.copyOf(rowOf.values()));
  }

  /**
   * Statutory results of any pupil group; teacher assessment only year group by year group, in the
   * year groups held to Key Stage 2's thresholds.
   */
  private static boolean judgedPupils(Figure f) {
    if (!f.assessment().equals("teacher")) {
      return true;
    }
    return f.group().equals("year_group") && TEACHER_YEAR_GROUPS.contains(f.groupValue());
  }

  /**
   * One priority per shared pattern (kind, assessment, measure and subject) and one per school's
   * strength in a subject (whatever the threshold or assessment): the all-pupils finding leads (for
   * a school's strength, its statutory result first), else the clearest, and the other sets of
   * pupils showing the same go with it, so that one pattern seen in many places is not read as many
   * priorities.
   */
  private static List<SharedPriority> oneEachPattern(List<SharedPriority> found) {
    Map<List<String>, List<SharedPriority>> byPattern = new LinkedHashMap<>();
    for (SharedPriority p : found) {
      Figure c = p.clusterFigure();
      List<String> key =
          p.kind() == SharedPriority.Kind.STRENGTH_TO_SHARE
              ? List.of(p.kind().name(), c.subject(), String.join(",", p.onSide()))
              : List.of(p.kind().name(), c.assessment(), c.measure(), c.subject());
      byPattern.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
    }
    List<SharedPriority> out = new ArrayList<>();
    for (List<SharedPriority> same : byPattern.values()) {
      SharedPriority lead =
          same.stream()
              .filter(p -> p.clusterFigure().group().equals(Figure.ALL))
              .filter(p -> !p.clusterFigure().assessment().equals("teacher"))
              .findFirst()
              .or(
                  () ->
                      same.stream()
                          .filter(p -> p.clusterFigure().group().equals(Figure.ALL))
                          .findFirst())
              .orElse(same.get(0));
      out.add(
          lead.withAlsoSeenIn(
              same.stream().filter(p -> p != lead).map(SharedPriority::clusterFigure).toList()));
    }
    return out;
  }

  /** Adds one family's candidates: each subject's pattern test, then each school's test. */
  private static void judge(List<Figure> family, List<String> schoolUrns, List<Candidate> out) {
    Map<String, Figure> cluster = new LinkedHashMap<>();
    Map<String, List<Figure>> schools = new LinkedHashMap<>();
    for (String subject : SUBJECTS) {
      schools.put(subject, new ArrayList<>());
    }
    for (Figure f : family) {
      if (f.school().equals(Figure.CLUSTER)) {
        cluster.put(f.subject(), f);
      } else if (f.denominator() >= minimumPupils(f)) {
        schools.get(f.subject()).add(f);
      }
    }
    for (List<Figure> list : schools.values()) {
      list.sort(Comparator.comparingInt(f -> schoolUrns.indexOf(f.school())));
    }
    if (cluster.size() == SUBJECTS.size()) {
      List<Figure> subjects = SUBJECTS.stream().map(cluster::get).toList();
      double theta = acrossSubjects(subjects);
      for (String subject : SUBJECTS) {
        List<Figure> compared = schools.get(subject);
        if (compared.size() >= MIN_SCHOOLS) {
          out.add(Pattern.of(cluster.get(subject), theta, subjects, compared));
        }
      }
    }
    for (Map.Entry<String, List<Figure>> e : schools.entrySet()) {
      Figure pooled = cluster.get(e.getKey());
      if (pooled == null) {
        continue;
      }
      for (Figure school : e.getValue()) {
        if (school.pValue() != null && !school.belowReportingThreshold()) {
          out.add(new SchoolTest(school, pooled, school.pValue()));
        }
      }
    }
  }

  /**
   * The cluster's rate across the subjects, as a proportion: every pupil's result in every subject
   * pooled, so no subject is chosen by its own figure (choosing, say, the middle subject would push
   * the others away from it by construction).
   */
  private static double acrossSubjects(List<Figure> cluster) {
    double met = cluster.stream().mapToDouble(Figure::numerator).sum();
    long results = cluster.stream().mapToLong(Figure::denominator).sum();
    return met / results;
  }

  /**
   * Drops the mirror image of a pattern: when one subject is far below the others, the rest sit
   * above the rate across subjects only because it pulls that rate down (and the other way round).
   * The subject in the middle tells which side is the mirror: if its cluster figure is above the
   * rate across subjects, the odd one out is below, so shared strengths in that family are mirrors;
   * if below, shared weaknesses are.
   */
  private static List<Pattern> withoutMirrors(List<Pattern> selected) {
    List<Pattern> kept = new ArrayList<>();
    for (Pattern p : selected) {
      List<Figure> bySize =
          p.subjects().stream().sorted(Comparator.comparingDouble(Figure::value)).toList();
      double middle = bySize.get(bySize.size() / 2).value();
      double across = 100 * p.theta();
      SharedPriority.Kind mirror =
          middle > across
              ? SharedPriority.Kind.SHARED_STRENGTH
              : middle < across ? SharedPriority.Kind.SHARED_WEAKNESS : null;
      if (p.kind() != mirror) {
        kept.add(p);
      }
    }
    return kept;
  }

  private static int minimumPupils(Figure f) {
    boolean wholeCohort = f.group().equals(Figure.ALL) || f.group().equals("year_group");
    return wholeCohort ? 1 : GROUP_REPORTING_THRESHOLD;
  }

  private static Term termOf(Figure f) {
    return new Term(f.academicYear(), Term.Season.valueOf(f.term().toUpperCase(Locale.ROOT)));
  }

  private static int count(Figure f) {
    return (int) Math.round(f.numerator());
  }

  /** One comparison the false-discovery screen allows for. */
  private sealed interface Candidate permits Pattern, SchoolTest {
    String label();

    double pValue();
  }

  /** One subject's test: how far the schools lie from the cluster's rate across subjects. */
  private record Pattern(
      SharedPriority.Kind kind,
      Figure cluster,
      double theta,
      List<Figure> subjects,
      List<Figure> compared,
      List<String> onSide,
      double pValue)
      implements Candidate {

    /**
     * The subject's test: the schools' z-scores combined (Stouffer), two-sided; its kind is the
     * side the combined evidence points to.
     */
    static Pattern of(Figure cluster, double theta, List<Figure> subjects, List<Figure> compared) {
      double sumOfZ = 0;
      for (Figure f : compared) {
        sumOfZ += midPZ(count(f), Math.toIntExact(f.denominator()), theta);
      }
      double z = sumOfZ / Math.sqrt(compared.size());
      boolean below = z < 0;
      List<String> side = new ArrayList<>();
      for (Figure f : compared) {
        double rate = (double) count(f) / f.denominator();
        if (below ? rate < theta : rate > theta) {
          side.add(f.school());
        }
      }
      double p = Math.min(1, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
      return new Pattern(
          below ? SharedPriority.Kind.SHARED_WEAKNESS : SharedPriority.Kind.SHARED_STRENGTH,
          cluster,
          theta,
          subjects,
          compared,
          side,
          p);
    }

    /** Most schools compared lie on this side. */
    boolean isShared() {
      return onSide.size() >= 2 && 2 * onSide.size() > compared.size();
    }

    @Override
    public String label() {
      return "pattern " + cluster.measure() + " " + cluster.subject() + " " + Family.of(cluster);
    }

    /** The test as a row of metrics.csv (not yet marked selected). */
    Figure row(double adjusted) {
      return new Figure(
              SHARED_PATTERN + cluster.measure(),
              cluster.assessment(),
              cluster.subject(),
              Figure.CLUSTER,
              cluster.group(),
              cluster.groupValue(),
              cluster.academicYear(),
              cluster.term(),
              (double) onSide.size(),
              (long) compared.size(),
              cluster.value() - 100 * theta,
              null,
              null,
              null,
              pValue,
              adjusted)
          .inScheme(cluster.scheme());
    }

    SharedPriority priority(Figure row, int candidates, List<SchoolStanding> standings) {
      List<Figure> leaders;
      if (kind == SharedPriority.Kind.SHARED_WEAKNESS) {
        double across = 100 * theta;
        leaders =
            compared.stream()
                .filter(f -> f.value() > across)
                .sorted(
                    Comparator.comparing((Figure f) -> !clearlyAbove(f, standings))
                        .thenComparing(Comparator.comparingDouble(Figure::value).reversed()))
                .limit(MAX_LEADERS)
                .toList();
      } else {
        leaders =
            compared.stream()
                .filter(f -> onSide.contains(f.school()))
                .sorted(Comparator.comparingDouble(Figure::value).reversed())
                .limit(MAX_LEADERS)
                .toList();
      }
      return new SharedPriority(
          kind,
          cluster,
          row,
          row.adjustedPValue(),
          subjects,
          compared,
          onSide,
          candidates,
          leaders);
    }

    private static boolean clearlyAbove(Figure f, List<SchoolStanding> standings) {
      return standings.stream().anyMatch(s -> s.figure().equals(f) && s.clearlyAbove());
    }
  }

  /**
   * One school's count against the schools' pooled rate on the same measure: the exact binomial
   * p-value its row carries from the funnel.
   */
  private record SchoolTest(Figure school, Figure cluster, double pValue) implements Candidate {

    @Override
    public String label() {
      return school.school()
          + " "
          + school.measure()
          + " "
          + school.subject()
          + " "
          + Family.of(school);
    }
  }

  /** The labels every figure of one family shares; subject and school vary within it. */
  private record Family(
      String measure,
      String assessment,
      String group,
      String groupValue,
      String academicYear,
      String term) {

    static Family of(Figure f) {
      return new Family(
          f.measure(), f.assessment(), f.group(), f.groupValue(), f.academicYear(), f.term());
    }
  }

  /**
   * The z-score of a count x of n under Binomial(n, θ) from its lower mid-p value P(X &lt; x) +
   * ½P(X = x): negative below nθ, positive above, about 0 at it.
   */
  static double midPZ(int x, int n, double theta) {
    if (theta <= 0 || theta >= 1) {
      return 0;
    }
    BinomialDistribution d = new BinomialDistribution(null, n, theta);
    double below = x == 0 ? 0 : d.cumulativeProbability(x - 1);
    double midP = below + 0.5 * d.probability(x);
    double clamped = Math.max(1e-300, Math.min(1 - 1e-16, midP));
    return NORMAL.inverseCumulativeProbability(clamped);
  }
}
