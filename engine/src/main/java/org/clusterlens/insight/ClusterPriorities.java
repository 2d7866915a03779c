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
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Term;
import org.clusterlens.stats.FalseDiscoveryControl;
import org.clusterlens.stats.Finding;
import org.clusterlens.stats.ScreenedFinding;

/**
 * Finds the cluster's shared priorities in the latest figures of each assessment: measures where
 * more schools fall below (or above) the cluster's typical rate than chance would give, and single
 * schools clearly above the cluster that could lead others.
 *
 * <p>How a pattern is judged. For each percentage measure in reading, writing and maths (one
 * threshold, one pupil group, one period), the cluster's <em>rate across subjects</em> θ pools
 * every pupil's result in all three subjects. In each subject, every school's count x of n is set
 * against Binomial(n, θ): its one-sided mid-p value P(X &lt; x) + ½P(X = x) becomes a z-score, and
 * Stouffer's method combines the schools' z-scores with equal weight (so one large school cannot
 * make a pattern alone). A pattern is a priority only when that combined p-value survives
 * false-discovery control <em>and</em> most schools (more than half) lie on that side of θ. Beside
 * it, a sign test over schools says how often chance alone would put k or more schools on that
 * side: school i lands below θ with probability P(X &lt; nθ), and K follows the resulting
 * Poisson-binomial distribution.
 *
 * <p>A single school's strength is its exact binomial test (two-sided) against the cluster's pooled
 * rate on the same measure. Every p-value — each subject's two patterns and each school's test —
 * enters one Benjamini–Hochberg screen at q = {@value #Q}, and only findings that survive it become
 * priorities.
 *
 * <p>Measures plug in by their codes: any {@code pct_…} measure with counts in at least three
 * subjects is judged. Pupil groups other than year groups are compared only with at least {@value
 * #GROUP_REPORTING_THRESHOLD} pupils; figures without counts (suppressed) are left out.
 */
public final class ClusterPriorities {

  /** The false-discovery rate the screen keeps to. */
  public static final double Q = FalseDiscoveryControl.DEFAULT_Q;

  /** Pupil groups smaller than this are not compared (whole cohorts and year groups always are). */
  public static final int GROUP_REPORTING_THRESHOLD = 11;

  /** Fewer schools than this on a measure make no shared pattern. */
  public static final int MIN_SCHOOLS = 3;

  /** The subjects a pattern is judged in; combined RWM is not a subject of its own. */
  public static final List<String> SUBJECTS = List.of("reading", "writing", "maths");

  private static final int MAX_LEADERS = 2;

  /** The subject code of the cluster's rate across reading, writing and maths pooled. */
  public static final String ACROSS_SUBJECTS = "all_subjects";

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private final List<SharedPriority> priorities;
  private final int candidates;
  private final List<String> periods;

  private ClusterPriorities(List<SharedPriority> priorities, int candidates, List<String> periods) {
    this.priorities = List.copyOf(priorities);
    this.candidates = candidates;
    this.periods = List.copyOf(periods);
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
    return new ClusterPriorities(List.of(), 0, List.of());
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
    Map<Pattern, Double> adjustedOf = new HashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      ScreenedFinding s = screened.get(i);
      if (!s.isSelected()) {
        continue;
      }
      if (candidates.get(i) instanceof Pattern p) {
        if (p.isShared()) {
          selectedPatterns.add(p);
          adjustedOf.put(p, s.adjustedPValue());
        }
      } else if (candidates.get(i) instanceof SchoolTest t
          && t.school().value() > t.cluster().value()) {
        found.add(
            new SharedPriority(
                SharedPriority.Kind.STRENGTH_TO_SHARE,
                t.cluster(),
                t.cluster(),
                List.of(t.school()),
                List.of(t.school().school()),
                t.pValue(),
                null,
                s.adjustedPValue(),
                candidates.size(),
                List.of(t.school())));
      }
    }
    for (Pattern p : withoutMirrors(selectedPatterns)) {
      found.add(p.priority(adjustedOf.get(p), candidates.size(), standings));
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
    return new ClusterPriorities(oneEachPattern(found), candidates.size(), periods);
  }

  /**
   * One priority per kind, measure, subject and (for a single school's strength) school: the
   * all-pupils finding leads, else the clearest, and the pupil groups showing the same pattern go
   * with it, so that one pattern seen in many groups is not read as many priorities.
   */
  private static List<SharedPriority> oneEachPattern(List<SharedPriority> found) {
    Map<List<String>, List<SharedPriority>> byPattern = new LinkedHashMap<>();
    for (SharedPriority p : found) {
      Figure c = p.clusterFigure();
      String school =
          p.kind() == SharedPriority.Kind.STRENGTH_TO_SHARE ? String.join(",", p.onSide()) : "";
      byPattern
          .computeIfAbsent(
              List.of(p.kind().name(), c.assessment(), c.measure(), c.subject(), school),
              k -> new ArrayList<>())
          .add(p);
    }
    List<SharedPriority> out = new ArrayList<>();
    for (List<SharedPriority> same : byPattern.values()) {
      SharedPriority lead =
          same.stream()
              .filter(p -> p.clusterFigure().group().equals(Figure.ALL))
              .findFirst()
              .orElse(same.get(0));
      out.add(
          lead.withAlsoSeenIn(
              same.stream().filter(p -> p != lead).map(SharedPriority::clusterFigure).toList()));
    }
    return out;
  }

  /** Adds one family's candidates: each subject's two patterns, then each school's test. */
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
      Figure typical = acrossSubjects(cluster.values());
      for (String subject : SUBJECTS) {
        List<Figure> compared = schools.get(subject);
        if (compared.size() < MIN_SCHOOLS) {
          continue;
        }
        List<Figure> subjects = List.copyOf(cluster.values());
        out.add(
            Pattern.of(
                SharedPriority.Kind.SHARED_WEAKNESS,
                cluster.get(subject),
                typical,
                subjects,
                compared));
        out.add(
            Pattern.of(
                SharedPriority.Kind.SHARED_STRENGTH,
                cluster.get(subject),
                typical,
                subjects,
                compared));
      }
    }
    for (Map.Entry<String, List<Figure>> e : schools.entrySet()) {
      Figure pooled = cluster.get(e.getKey());
      if (pooled == null) {
        continue;
      }
      for (Figure school : e.getValue()) {
        out.add(SchoolTest.of(school, pooled));
      }
    }
  }

  /**
   * The cluster's rate across the subjects: every pupil's result in every subject pooled, so no
   * subject is chosen by its own figure (choosing, say, the middle subject would push the others
   * away from it by construction). Its subject is {@value #ACROSS_SUBJECTS}.
   */
  private static Figure acrossSubjects(java.util.Collection<Figure> cluster) {
    Figure first = cluster.iterator().next();
    double met = cluster.stream().mapToDouble(Figure::numerator).sum();
    long results = cluster.stream().mapToLong(Figure::denominator).sum();
    return new Figure(
        first.measure(),
        first.assessment(),
        ACROSS_SUBJECTS,
        Figure.CLUSTER,
        first.group(),
        first.groupValue(),
        first.academicYear(),
        first.term(),
        met,
        results,
        100.0 * met / results);
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
      double across = p.typical().value();
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

  /** How many schools lie on one side of the cluster's typical rate, and how unusual that is. */
  private record Pattern(
      SharedPriority.Kind kind,
      Figure cluster,
      Figure typical,
      List<Figure> subjects,
      List<Figure> compared,
      List<String> onSide,
      double pValue,
      double schoolsPValue)
      implements Candidate {

    static Pattern of(
        SharedPriority.Kind kind,
        Figure cluster,
        Figure typical,
        List<Figure> subjects,
        List<Figure> compared) {
      double theta = typical.value() / 100.0;
      boolean below = kind == SharedPriority.Kind.SHARED_WEAKNESS;
      List<String> side = new ArrayList<>();
      double[] chance = new double[compared.size()];
      double sumOfZ = 0;
      for (int i = 0; i < compared.size(); i++) {
        Figure f = compared.get(i);
        int n = Math.toIntExact(f.denominator());
        double rate = (double) count(f) / n;
        if (below ? rate < theta : rate > theta) {
          side.add(f.school());
        }
        chance[i] = sideProbability(n, theta, below);
        sumOfZ += midPZ(count(f), n, theta);
      }
      double z = sumOfZ / Math.sqrt(compared.size());
      double combined =
          below ? NORMAL.cumulativeProbability(z) : 1 - NORMAL.cumulativeProbability(z);
      return new Pattern(
          kind, cluster, typical, subjects, compared, side, combined, atLeast(side.size(), chance));
    }

    /** Most schools compared lie on this side. */
    boolean isShared() {
      return onSide.size() >= 2 && 2 * onSide.size() > compared.size();
    }

    @Override
    public String label() {
      return kind + " " + cluster.measure() + " " + cluster.subject() + " " + Family.of(cluster);
    }

    SharedPriority priority(double adjusted, int candidates, List<SchoolStanding> standings) {
      List<Figure> leaders;
      if (kind == SharedPriority.Kind.SHARED_WEAKNESS) {
        double theta = typical.value();
        leaders =
            compared.stream()
                .filter(f -> f.value() > theta)
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
          typical,
          compared,
          onSide,
          pValue,
          schoolsPValue,
          adjusted,
          candidates,
          leaders);
    }

    private static boolean clearlyAbove(Figure f, List<SchoolStanding> standings) {
      return standings.stream().anyMatch(s -> s.figure().equals(f) && s.clearlyAbove());
    }
  }

  /** One school's count against the cluster's pooled rate on the same measure. */
  private record SchoolTest(Figure school, Figure cluster, double pValue) implements Candidate {

    static SchoolTest of(Figure school, Figure cluster) {
      int n = Math.toIntExact(school.denominator());
      double theta = cluster.value() / 100.0;
      double p =
          theta <= 0 || theta >= 1
              ? 1
              : new BinomialTest()
                  .binomialTest(n, count(school), theta, AlternativeHypothesis.TWO_SIDED);
      return new SchoolTest(school, cluster, Math.min(1, p));
    }

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
   * P(X &lt; nθ) (below) or P(X &gt; nθ) (above) for X ~ Binomial(n, θ): the chance a school of n
   * pupils lands on that side of θ by chance alone.
   */
  static double sideProbability(int n, double theta, boolean below) {
    if (theta <= 0 || theta >= 1) {
      return 0;
    }
    BinomialDistribution x = new BinomialDistribution(null, n, theta);
    double expected = n * theta;
    if (below) {
      int highestBelow = (int) Math.ceil(expected) - 1;
      return highestBelow < 0 ? 0 : x.cumulativeProbability(highestBelow);
    }
    int highestNotAbove = (int) Math.floor(expected);
    return 1 - x.cumulativeProbability(highestNotAbove);
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

  /**
   * P(K ≥ k) where K counts successes of independent trials with the given probabilities (the
   * Poisson-binomial distribution), by dynamic programming.
   */
  static double atLeast(int k, double[] probabilities) {
    double[] dist = new double[probabilities.length + 1];
    dist[0] = 1;
    for (int i = 0; i < probabilities.length; i++) {
      double p = probabilities[i];
      for (int j = i + 1; j >= 1; j--) {
        dist[j] = dist[j] * (1 - p) + dist[j - 1] * p;
      }
      dist[0] *= 1 - p;
    }
    double tail = 0;
    for (int j = k; j < dist.length; j++) {
      tail += dist[j];
    }
    return Math.max(0, Math.min(1, tail));
  }
}
