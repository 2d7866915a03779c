package org.clusterlens.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.clusterlens.metrics.Measures;
import org.clusterlens.model.Figure;
import org.clusterlens.model.FigureKey;
import org.clusterlens.model.PupilAssessment;
import org.clusterlens.model.Term;

/**
 * Looks figures up by their labels; built once per set of packs and shared by every school's pack
 * (building it for each of an LA's 300 schools, and scanning every figure for each, was most of the
 * pack stage's time).
 */
public final class FigureIndex {

  /** Whole-cohort figures in schemes other than levels, by school. */
  private final Map<String, List<Figure>> otherSchemesBySchool = new HashMap<>();

  /** The schools (not the cluster) with figures in each assessment, scheme and term. */
  private final Map<FigureKey, Set<String>> schoolsByScheme = new HashMap<>();

  /**
   * Every figure by its labels and scheme, whatever the scheme. A figure in levels is found by its
   * labels with the scheme of levels, a context figure (in no scheme) with none.
   */
  private final ByLabels byLabelsAndScheme;

  /**
   * Figures found by their {@link FigureKey}, holding the figures alone (open addressing over an
   * array): an LA's index of two and a half million figures, with a key and a map entry each, was
   * some 250 MB of a 2 GB heap.
   */
  private static final class ByLabels {
    private final Figure[] slots;
    private final int mask;

    ByLabels(int expected) {
      int capacity = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1;
      slots = new Figure[capacity];
      mask = capacity - 1;
    }

    private static int spread(int hash) {
      int h = hash * 0x9E3779B9;
      return h ^ (h >>> 16);
    }

    /** Adds {@code f}, replacing a figure with the same labels; gives back the one replaced. */
    Figure put(Figure f) {
      FigureKey key = FigureKey.of(f);
      for (int i = spread(key.hashCode()) & mask; ; i = (i + 1) & mask) {
        Figure there = slots[i];
        if (there == null) {
          slots[i] = f;
          return null;
        }
        if (key.matches(there)) {
          slots[i] = f;
          return there;
        }
      }
    }

    /** The figure with these labels, or null. */
    Figure get(FigureKey key) {
      for (int i = spread(key.hashCode()) & mask; ; i = (i + 1) & mask) {
        Figure there = slots[i];
        if (there == null || key.matches(there)) {
          return there;
        }
      }
    }

    boolean containsKey(FigureKey key) {
      return get(key) != null;
    }
  }

  /** Each school's (and the cluster's) headline questions: figures judged in a headline family. */
  private final Map<String, List<Figure>> questionsBySchool = new HashMap<>();

  /**
   * Each school's (and the cluster's) figures by measure and subject, in the order given: a pack
   * asks for one measure and subject of a school many times, and an LA's school has thousands of
   * figures to look through.
   */
  private final Map<String, Map<MeasureOf, List<Figure>>> bySchool = new HashMap<>();

  private record MeasureOf(String measure, String subject) {}

  /** A peer school's results as every pack of a run shows them (made once, not once a pack). */
  private final Map<PeerKey, SchoolResults> peers = new java.util.concurrent.ConcurrentHashMap<>();

  private record PeerKey(String label, String school, String ks2Year) {}

  // The run-wide answers every pack asks for, worked out once.
  private final List<String> ks2Years;
  private final Optional<Term> latestTerm;
  private final Optional<Term> latestTeacherTerm;

  /**
   * Indexes the figures. Figures in levels (and context figures, in no scheme) are looked up by
   * their labels; figures in other schemes are kept apart, for {@link SchemeResults}.
   *
   * @param figures the metrics stage's figures; never null
   * @throws IllegalArgumentException if two figures share every label
   */
  public FigureIndex(List<Figure> figures) {
    Map<Boolean, List<Figure>> inLevels =
        figures.stream().collect(Collectors.partitioningBy(FigureIndex::byLabelsAlone));
    List<Figure> all = List.copyOf(inLevels.get(true));
    byLabelsAndScheme = new ByLabels(figures.size());
    for (Figure f : figures) {
      if (byLabelsAndScheme.put(f) != null && byLabelsAlone(f)) {
        throw new IllegalArgumentException(
            "Two figures carry the same labels: " + FigureKey.of(f).inScheme(null));
      }
      if (f.judgement() != null && f.judgement().headline()) {
        questionsBySchool.computeIfAbsent(f.school(), s -> new ArrayList<>()).add(f);
      }
    }
    for (Figure f : inLevels.get(false)) {
      if (!f.group().equals(Figure.ALL)) {
        continue;
      }
      otherSchemesBySchool.computeIfAbsent(f.school(), s -> new ArrayList<>()).add(f);
      if (!f.school().equals(Figure.CLUSTER)) {
        schoolsByScheme
            .computeIfAbsent(schemeKey(f, "", "", ""), k -> new HashSet<>())
            .add(f.school());
      }
    }
    // The terms and years figures report, each pair once: an LA's 2.7 million figures fall in a
    // few dozen terms, and making a term of each figure to find the latest was a fifth of this.
    Map<String, Set<String>> termsByYear = new HashMap<>();
    Map<String, Set<String>> teacherTermsByYear = new HashMap<>();
    Set<String> ks2YearsFound = new HashSet<>();
    for (Figure f : all) {
      bySchool
          .computeIfAbsent(f.school(), s -> new HashMap<>())
          .computeIfAbsent(new MeasureOf(f.measure(), f.subject()), k -> new ArrayList<>())
          .add(f);
      // Figures in levels and figures in no scheme are looked up by their labels alone: one in
      // no scheme must have no twin in levels (asked of the few figures in no scheme, not of the
      // millions in levels).
      if (f.scheme() == null
          && byLabelsAndScheme.containsKey(FigureKey.of(f).inScheme(PupilAssessment.NC_LEVELS))) {
        throw new IllegalArgumentException("Two figures carry the same labels: " + FigureKey.of(f));
      }
      termsByYear.computeIfAbsent(f.academicYear(), y -> new HashSet<>()).add(f.term());
      if (f.assessment().equals(Measures.TEACHER)) {
        teacherTermsByYear.computeIfAbsent(f.academicYear(), y -> new HashSet<>()).add(f.term());
      }
      if (f.assessment().equals(Measures.KS2) && f.measure().startsWith("pct_")) {
        ks2YearsFound.add(f.academicYear());
      }
    }
    this.ks2Years = ks2YearsFound.stream().sorted().toList();
    this.latestTerm = latest(termsByYear);
    this.latestTeacherTerm = latest(teacherTermsByYear);
  }

  private static Optional<Term> latest(Map<String, Set<String>> termsByYear) {
    return termsByYear.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(t -> termOf(e.getKey(), t)))
        .max(Term::compareTo);
  }

  /**
   * A school's (or, for {@link Figure#CLUSTER}, the cluster's) headline questions: every figure
   * judged within the school's own family or the cluster's schools' family on a key measure, in the
   * order given; never null.
   */
  public List<Figure> headlineQuestions(String school) {
    return questionsBySchool.getOrDefault(school, List.of());
  }

  /**
   * The figure of {@code measure} with the other labels and scheme of {@code like}, in {@code
   * academicYear} and for {@code groupValue}, if there is one.
   */
  public Optional<Figure> alongside(
      Figure like, String measure, String academicYear, String groupValue) {
    return Optional.ofNullable(
        byLabelsAndScheme.get(
            FigureKey.like(like, measure, like.school(), groupValue, academicYear, like.term())));
  }

  /** The same figure for another school (or the cluster), if there is one. */
  public Optional<Figure> forSchool(Figure like, String school) {
    return Optional.ofNullable(
        byLabelsAndScheme.get(
            FigureKey.like(
                like,
                like.measure(),
                school,
                like.groupValue(),
                like.academicYear(),
                like.term())));
  }

  private List<Figure> ofSchool(String school, String measure, String subject) {
    return bySchool
        .getOrDefault(school, Map.of())
        .getOrDefault(new MeasureOf(measure, subject), List.of());
  }

  /** A whole-cohort Key Stage 2 figure of a school (or the cluster) in a year's summer term. */
  public Optional<Figure> ks2(String measure, String subject, String school, String academicYear) {
    if (academicYear == null) {
      return Optional.empty();
    }
    return find(
        measure,
        Measures.KS2,
        subject,
        school,
        Figure.ALL,
        Figure.ALL,
        academicYear,
        Measures.SUMMER);
  }

  /** A teacher-assessment figure of a school (or the cluster) for a year group in a term. */
  public Optional<Figure> teacher(
      String measure, String subject, String school, String yearGroup, Term term) {
    String group = yearGroup.equals(Figure.ALL) ? Figure.ALL : Measures.YEAR_GROUP;
    return find(
        measure,
        Measures.TEACHER,
        subject,
        school,
        group,
        yearGroup,
        term.academicYear(),
        term.season().word());
  }

  /** Any figure by all its labels. */
  public Optional<Figure> find(
      String measure,
      String assessment,
      String subject,
      String school,
      String group,
      String groupValue,
      String academicYear,
      String term) {
    FigureKey levels =
        new FigureKey(
            measure,
            assessment,
            PupilAssessment.NC_LEVELS,
            subject,
            school,
            group,
            groupValue,
            academicYear,
            term);
    Figure found = byLabelsAndScheme.get(levels);
    return Optional.ofNullable(
        found != null ? found : byLabelsAndScheme.get(levels.inScheme(null)));
  }

  /** The latest-term figure of a measure for a school and subject over all pupils. */
  public Optional<Figure> latest(String measure, String subject, String school) {
    return ofSchool(school, measure, subject).stream()
        .filter(f -> f.group().equals(Figure.ALL))
        .max(java.util.Comparator.comparing(FigureIndex::termOf));
  }

  /**
   * Every group figure (group other than {@code all} and year group) of a measure for a school in
   * one assessment, subject, year and term, in the order the metrics emitted them.
   */
  public List<Figure> groups(
      String measure, String assessment, String subject, String school, Term term) {
    return ofSchool(school, measure, subject).stream()
        .filter(f -> f.assessment().equals(assessment))
        .filter(f -> !f.group().equals(Figure.ALL) && !f.group().equals(Measures.YEAR_GROUP))
        .filter(f -> termOf(f).equals(term))
        .toList();
  }

  /** Academic years with Key Stage 2 percentages, oldest first. */
  public List<String> ks2Years() {
    return ks2Years;
  }

  /** A school's (or the cluster's) whole-cohort figures in schemes other than levels. */
  List<Figure> otherSchemesOf(String school) {
    return otherSchemesBySchool.getOrDefault(school, List.of());
  }

  /** The whole-cohort figure of a measure in the same assessment, scheme and term as {@code at}. */
  Optional<Figure> inScheme(Figure at, String measure, String subject, String school) {
    return Optional.ofNullable(byLabelsAndScheme.get(schemeKey(at, measure, subject, school)));
  }

  /** How many schools have figures in the same assessment, scheme and term as {@code at}. */
  int schoolsInScheme(Figure at) {
    return schoolsByScheme.getOrDefault(schemeKey(at, "", "", ""), Set.of()).size();
  }

  /** The labels of a figure in the assessment, scheme, year and term of {@code at}. */
  private static FigureKey schemeKey(Figure at, String measure, String subject, String school) {
    return new FigureKey(
        measure,
        at.assessment(),
        at.scheme(),
        subject,
        school,
        Figure.ALL,
        Figure.ALL,
        at.academicYear(),
        at.term());
  }

  /** The latest term any figure reports, or empty when there are no figures. */
  public Optional<Term> latestTerm() {
    return latestTerm;
  }

  /** The latest term with teacher assessment figures. */
  public Optional<Term> latestTeacherTerm() {
    return latestTeacherTerm;
  }

  /** The latest academic year with Key Stage 2 percentages. */
  public Optional<String> latestKs2Year() {
    return ks2Years.isEmpty() ? Optional.empty() : Optional.of(ks2Years.get(ks2Years.size() - 1));
  }

  /** A figure in levels, or in no scheme (context): found by its labels alone. */
  private static boolean byLabelsAlone(Figure f) {
    return f.scheme() == null || f.scheme().equals(PupilAssessment.NC_LEVELS);
  }

  /** The term a figure reports. */
  static Term termOf(Figure f) {
    return termOf(f.academicYear(), f.term());
  }

  private static Term termOf(String academicYear, String term) {
    return new Term(academicYear, Term.Season.valueOf(term.toUpperCase(Locale.ROOT)));
  }

  /**
   * A peer school's Key Stage 2 results under {@code label}: the same in every governor pack of a
   * run, so an LA's 300 packs make each school's once rather than 299 times.
   */
  SchoolResults peerResults(String label, String school, String ks2Year) {
    return peers.computeIfAbsent(
        new PeerKey(label, school, ks2Year),
        k -> SchoolResults.of(label, school, this, ks2Year, null));
  }
}
