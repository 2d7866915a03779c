package org.clusterlens.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.clusterlens.metrics.Measures;
import org.clusterlens.metrics.PooledYears;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Judgement;
import org.clusterlens.model.Term;
import org.clusterlens.stats.SmallNumberRules;

/**
 * The governor pack's later sections: trends (up to three years), context, data completeness,
 * progress and groups. A part is empty (or null) when the figures do not hold it yet, and the packs
 * say so.
 *
 * @param trends reading, writing and maths combined at Key Stage 2 in each year held (up to the
 *     last three), oldest first; never null
 * @param context the school's context in the latest term with context figures, or null
 * @param clusterContext the cluster's context beside it, or null
 * @param returns every term any school sent a return for, and whether this school did; never null
 * @param missingGrades per subject in the latest teacher-assessment term: pupils on the return and
 *     pupils with a grade; never null, empty when the figures cannot tell
 * @param progress progress and value-added rows; never null, empty when none are in the figures
 * @param gaps this school's group gaps at Level 4+ in RWM; never null, empty when none
 * @param notKnown beside the gaps, per pupil characteristic, the pupils left out of its groups
 *     because their value is not known; never null, empty when every pupil's is known
 * @param funnels the key measures' funnels over this school and its peers; never null
 * @param ks1 the latest Key Stage 1 (Year 2) results: average points per subject, this school and
 *     the cluster; never null, empty when the returns hold none
 * @param pooled the trend's years counted together (reading, writing and maths combined at Level 4+
 *     and 5+, the school's carrying its judgement against the cluster), or null when the figures
 *     hold fewer than two years
 */
public record GovernorDetails(
    List<TrendYear> trends,
    Context context,
    Context clusterContext,
    List<TermReturn> returns,
    List<MissingGrades> missingGrades,
    List<ProgressRow> progress,
    List<GapRow> gaps,
    List<NotKnownRow> notKnown,
    List<MeasureFunnel> funnels,
    List<Ks1Row> ks1,
    TrendYear pooled) {

  /** How many academic years the trends section shows at most. */
  public static final int TREND_YEARS = 3;

  public GovernorDetails {
    trends = List.copyOf(trends);
    returns = List.copyOf(returns);
    missingGrades = List.copyOf(missingGrades);
    progress = List.copyOf(progress);
    gaps = List.copyOf(gaps);
    notKnown = List.copyOf(notKnown);
    funnels = List.copyOf(funnels);
    ks1 = List.copyOf(ks1);
  }

  /**
   * One subject's Key Stage 1 average points at the end of Year 2.
   *
   * @param subject the subject code; never null
   * @param academicYear the year of the results; never null
   * @param self this school's average points, or null when withheld or absent
   * @param cluster the cluster's, or null
   * @param withheld which of {@code self} and {@code cluster} the metrics hold but withheld
   */
  public record Ks1Row(
      String subject,
      String academicYear,
      AveragePoints self,
      AveragePoints cluster,
      Set<String> withheld) {

    public Ks1Row {
      withheld = Set.copyOf(withheld);
    }

    /** Why {@code self} or {@code cluster} shows no figure, or null when it has one. */
    public Blank blank(String part) {
      return Blank.why(part.equals("self") ? self : cluster, withheld, part);
    }
  }

  /**
   * One year of the trend; a part is null when the figures hold none.
   *
   * @param academicYear e.g. 2024-25; never null
   * @param withheld the names of the parts the metrics hold but withheld; never null
   */
  public record TrendYear(
      String academicYear,
      Proportion level4,
      Proportion level5,
      Proportion clusterLevel4,
      Proportion clusterLevel5,
      Set<String> withheld) {

    public TrendYear {
      withheld = Set.copyOf(withheld);
    }

    /**
     * Why the part ({@code level4}, {@code level5}, {@code clusterLevel4}, {@code clusterLevel5})
     * shows no figure, or null when it has one.
     */
    public Blank blank(String part) {
      Object value =
          switch (part) {
            case "level4" -> level4;
            case "level5" -> level5;
            case "clusterLevel4" -> clusterLevel4;
            case "clusterLevel5" -> clusterLevel5;
            default -> throw new IllegalArgumentException("A trend year has no part " + part);
          };
      return Blank.why(value, withheld, part);
    }
  }

  /**
   * Who the school's pupils are; a part is null when the figures hold none.
   *
   * @param term the term the figures describe; never null
   * @param pupils pupils on the return
   * @param withheld the names of the parts the metrics hold but withheld; never null
   */
  public record Context(
      Term term,
      Long pupils,
      Proportion fsm,
      Proportion disadvantaged,
      Proportion sen,
      Proportion eal,
      Set<String> withheld) {

    public Context {
      withheld = Set.copyOf(withheld);
    }

    /**
     * The part named {@code part} ({@code fsm}, {@code disadvantaged}, {@code sen}, {@code eal}).
     */
    public static Proportion part(Context c, String part) {
      return switch (part) {
        case "fsm" -> c.fsm();
        case "disadvantaged" -> c.disadvantaged();
        case "sen" -> c.sen();
        case "eal" -> c.eal();
        default -> throw new IllegalArgumentException("Context has no part " + part);
      };
    }

    /**
     * Why the part ({@code fsm}, {@code disadvantaged}, {@code sen}, {@code eal}) shows no figure,
     * or null when it has one.
     */
    public Blank blank(String part) {
      return Blank.why(part(this, part), withheld, part);
    }
  }

  /**
   * One term's return from this school.
   *
   * @param term the term; never null
   * @param received whether the school's return for it is in the warehouse
   * @param warehouseVersion the version holding it, or 0 when not received
   */
  public record TermReturn(Term term, boolean received, long warehouseVersion) {}

  /**
   * Pupils without a grade in one subject.
   *
   * @param subject the subject code; never null
   * @param onReturn pupils on the return
   * @param graded pupils with a grade in the subject
   */
  public record MissingGrades(String subject, long onReturn, long graded) {

    /** Pupils on the return without a grade. */
    public long missing() {
      return Math.max(0, onReturn - graded);
    }
  }

  /**
   * One progress measure in one subject, for the school and the cluster.
   *
   * @param measure the measure code, e.g. {@code value_added}; never null
   * @param subject the subject code; never null
   * @param period e.g. "2024-25" or "Autumn 2025-26"; never null
   * @param self the school's figure, or null
   * @param cluster the cluster's figure, or null
   * @param selfPercent the school's percentage with n when the measure is a percentage, or null
   * @param clusterPercent the cluster's likewise, or null
   * @param withheld which of {@code self} and {@code cluster} the metrics hold but withheld
   */
  public record ProgressRow(
      String measure,
      String subject,
      String period,
      Estimate self,
      Estimate cluster,
      Proportion selfPercent,
      Proportion clusterPercent,
      Set<String> withheld) {

    public ProgressRow {
      withheld = Set.copyOf(withheld);
    }

    /** Why {@code self} or {@code cluster} shows no figure, or null when it has one. */
    public Blank blank(String part) {
      return Blank.why(part.equals("self") ? self : cluster, withheld, part);
    }
  }

  /**
   * A group's gap against the rest of the school at Level 4+ in reading, writing and maths.
   *
   * @param group the group code; never null
   * @param value the group value; never null
   * @param period e.g. "2024-25"; never null
   * @param gap the gap in percentage points, the pupils in the group as its n; never null
   * @param judgement the one judgement on the gap, or null when it was not compared
   */
  public record GapRow(
      String group, String value, String period, Estimate gap, Judgement judgement) {

    /** Tells whether the group is too small to compare (below the reporting threshold). */
    public boolean tooFewToCompare() {
      return gap.pupils() == null || gap.pupils() < SmallNumberRules.DEFAULT.reportingThreshold();
    }
  }

  /** Builds the sections from the figures and the returns held. */
  static GovernorDetails of(
      String urn,
      FigureIndex index,
      Term teacherTerm,
      String ks2Year,
      Provenance provenance,
      List<SchoolResults> schools) {
    List<TrendYear> trends = new ArrayList<>();
    List<String> years = index.ks2Years();
    for (String y : years.subList(Math.max(0, years.size() - TREND_YEARS), years.size())) {
      Set<String> withheld = new HashSet<>();
      trends.add(
          new TrendYear(
              y,
              pct(
                  held(
                      index.ks2(Measures.PCT_LEVEL4_PLUS, Figure.RWM, urn, y), "level4", withheld)),
              pct(
                  held(
                      index.ks2(Measures.PCT_LEVEL5_PLUS, Figure.RWM, urn, y), "level5", withheld)),
              pct(
                  held(
                      index.ks2(Measures.PCT_LEVEL4_PLUS, Figure.RWM, Figure.CLUSTER, y),
                      "clusterLevel4",
                      withheld)),
              pct(
                  held(
                      index.ks2(Measures.PCT_LEVEL5_PLUS, Figure.RWM, Figure.CLUSTER, y),
                      "clusterLevel5",
                      withheld)),
              withheld));
    }

    Context context = context(index, urn);
    Context clusterContext = context(index, Figure.CLUSTER);

    TreeSet<Term> terms = new TreeSet<>();
    provenance.returns().forEach(r -> terms.add(r.term()));
    List<TermReturn> returns = new ArrayList<>();
    for (Term t : terms) {
      Optional<ReturnVersion> own =
          provenance.returns().stream()
              .filter(r -> r.schoolUrn().equals(urn) && r.term().equals(t))
              .findFirst();
      returns.add(
          new TermReturn(t, own.isPresent(), own.map(ReturnVersion::warehouseVersion).orElse(0L)));
    }

    List<MissingGrades> missing = new ArrayList<>();
    if (teacherTerm != null
        && context != null
        && context.term().equals(teacherTerm)
        && context.pupils() != null) {
      for (String subject : List.of("reading", "writing", "maths")) {
        index
            .teacher(Measures.AVERAGE_POINTS, subject, urn, Figure.ALL, teacherTerm)
            // A suppressed figure is published without its counts: nothing to compare.
            .filter(f -> f.denominator() != null)
            .ifPresent(
                f -> missing.add(new MissingGrades(subject, context.pupils(), f.denominator())));
      }
    }

    List<ProgressRow> progress = new ArrayList<>();
    for (String subject : List.of("reading", "writing", "maths")) {
      if (teacherTerm != null) {
        for (String m : List.of(Measures.PROGRESS_POINTS_TERM, Measures.PROGRESS_POINTS_YEAR)) {
          Optional<Figure> self =
              index.find(
                  m,
                  Measures.TEACHER,
                  subject,
                  urn,
                  Figure.ALL,
                  Figure.ALL,
                  teacherTerm.academicYear(),
                  teacherTerm.season().word());
          Optional<Figure> cluster =
              index.find(
                  m,
                  Measures.TEACHER,
                  subject,
                  Figure.CLUSTER,
                  Figure.ALL,
                  Figure.ALL,
                  teacherTerm.academicYear(),
                  teacherTerm.season().word());
          if (self.isPresent() || cluster.isPresent()) {
            Set<String> withheld = new HashSet<>();
            progress.add(
                new ProgressRow(
                    m,
                    subject,
                    teacherTerm.label(),
                    held(self, "self", withheld).map(Estimate::of).orElse(null),
                    held(cluster, "cluster", withheld).map(Estimate::of).orElse(null),
                    null,
                    null,
                    withheld));
          }
        }
      }
      if (ks2Year != null) {
        for (String m :
            List.of(
                Measures.PCT_EXPECTED_PROGRESS,
                Measures.VALUE_ADDED,
                Measures.VALUE_ADDED_NATIONAL)) {
          Optional<Figure> self = index.ks2(m, subject, urn, ks2Year);
          Optional<Figure> cluster = index.ks2(m, subject, Figure.CLUSTER, ks2Year);
          if (self.isPresent() || cluster.isPresent()) {
            boolean percent = m.equals(Measures.PCT_EXPECTED_PROGRESS);
            Set<String> withheld = new HashSet<>();
            self = held(self, "self", withheld);
            cluster = held(cluster, "cluster", withheld);
            progress.add(
                new ProgressRow(
                    m,
                    subject,
                    ks2Year,
                    self.map(Estimate::of).orElse(null),
                    cluster.map(Estimate::of).orElse(null),
                    percent ? pct(self) : null,
                    percent ? pct(cluster) : null,
                    withheld));
          }
        }
      }
    }

    return new GovernorDetails(
        trends,
        context,
        clusterContext,
        returns,
        missing,
        progress,
        gaps(index, urn, ks2Year),
        notKnown(index, urn, ks2Year),
        MeasureFunnel.keyMeasures(schools),
        ks1(index, urn),
        pooled(index, urn, ks2Year));
  }

  /** The latest year's Key Stage 1 average points per subject that either side has. */
  private static List<Ks1Row> ks1(FigureIndex index, String urn) {
    List<String> years = new ArrayList<>(index.ks2Years());
    java.util.Collections.reverse(years);
    for (String year : years) {
      List<Ks1Row> rows = new ArrayList<>();
      for (String subject : List.of("reading", "writing", "maths")) {
        Set<String> withheld = new HashSet<>();
        AveragePoints self = ks1Points(index, subject, urn, year, "self", withheld);
        AveragePoints cluster =
            ks1Points(index, subject, Figure.CLUSTER, year, "cluster", withheld);
        if (self != null || cluster != null || !withheld.isEmpty()) {
          rows.add(new Ks1Row(subject, year, self, cluster, withheld));
        }
      }
      if (rows.stream().anyMatch(r -> r.self() != null)) {
        return rows;
      }
    }
    return List.of();
  }

  private static AveragePoints ks1Points(
      FigureIndex index,
      String subject,
      String school,
      String year,
      String part,
      Set<String> withheld) {
    return held(
            index.find(
                Measures.AVERAGE_POINTS,
                Measures.KS1,
                subject,
                school,
                Figure.ALL,
                Figure.ALL,
                year,
                Measures.SUMMER),
            part,
            withheld)
        .filter(f -> f.numerator() != null)
        .map(AveragePoints::of)
        .orElse(null);
  }

  /**
   * The latest year's results pooled with the years before it (up to three), as a trend row
   * labelled with the years it holds, or null when there is no pooled figure.
   */
  private static TrendYear pooled(FigureIndex index, String urn, String ks2Year) {
    if (ks2Year == null) {
      return null;
    }
    Optional<Figure> level4 =
        index.ks2(PooledYears.POOLED_PCT_LEVEL4_PLUS, Figure.RWM, urn, ks2Year);
    Optional<Figure> cluster4 =
        index.ks2(PooledYears.POOLED_PCT_LEVEL4_PLUS, Figure.RWM, Figure.CLUSTER, ks2Year);
    Figure any = level4.or(() -> cluster4).orElse(null);
    if (any == null) {
      return null;
    }
    Set<String> withheld = new HashSet<>();
    return new TrendYear(
        PooledYears.firstYear(any) + " to " + ks2Year + " together",
        pct(held(level4, "level4", withheld)),
        pct(
            held(
                index.ks2(PooledYears.POOLED_PCT_LEVEL5_PLUS, Figure.RWM, urn, ks2Year),
                "level5",
                withheld)),
        pct(held(cluster4, "clusterLevel4", withheld)),
        pct(
            held(
                index.ks2(PooledYears.POOLED_PCT_LEVEL5_PLUS, Figure.RWM, Figure.CLUSTER, ks2Year),
                "clusterLevel5",
                withheld)),
        withheld);
  }

  /**
   * A school's (or, for {@link Figure#CLUSTER}, the cluster's pooled) group gaps at Level 4+ in
   * reading, writing and maths combined at Key Stage 2 in {@code ks2Year}: each group against the
   * rest; empty when there are no results that year.
   */
  static List<GapRow> gaps(FigureIndex index, String school, String ks2Year) {
    List<GapRow> gaps = new ArrayList<>();
    if (ks2Year == null) {
      return gaps;
    }
    for (Figure f :
        index.groups(
            Measures.GAP_PCT_LEVEL4_PLUS,
            Measures.KS2,
            Figure.RWM,
            school,
            new Term(ks2Year, Term.Season.SUMMER))) {
      if (!f.groupValue().equals("N")) {
        gaps.add(new GapRow(f.group(), f.groupValue(), ks2Year, Estimate.of(f), f.judgement()));
      }
    }
    return gaps;
  }

  /**
   * Pupils of the gaps' year whose value of a characteristic is not known, so they are in none of
   * its groups.
   *
   * @param group the group code (fsm, gender, …); never null
   * @param pupils how many, or null when the count is withheld to protect pupils
   */
  public record NotKnownRow(String group, Long pupils) {}

  /** The characteristics a return may leave out, in the order the line names them. */
  private static final List<String> NOT_KNOWN_SHOWN =
      List.of(
          Measures.SEASON_OF_BIRTH,
          Measures.GENDER,
          Measures.FSM,
          Measures.DISADVANTAGED,
          Measures.SEN,
          Measures.EAL);

  /**
   * Beside {@link #gaps}: per characteristic, the pupils counted in reading, writing and maths
   * combined at Key Stage 2 in {@code ks2Year} whose value is not known ({@code pupils_not_known});
   * empty when every pupil's value is known.
   */
  static List<NotKnownRow> notKnown(FigureIndex index, String school, String ks2Year) {
    if (ks2Year == null) {
      return List.of();
    }
    Map<String, NotKnownRow> byGroup = new java.util.LinkedHashMap<>();
    for (Figure f :
        index.groups(
            Measures.PUPILS_NOT_KNOWN,
            Measures.KS2,
            Figure.RWM,
            school,
            new Term(ks2Year, Term.Season.SUMMER))) {
      byGroup.putIfAbsent(
          f.group(), new NotKnownRow(f.group(), f.suppressed() ? null : f.denominator()));
    }
    List<NotKnownRow> rows = new ArrayList<>();
    for (String group : NOT_KNOWN_SHOWN) {
      if (byGroup.containsKey(group)) {
        rows.add(byGroup.get(group));
      }
    }
    return rows;
  }

  /**
   * The one line a group table carries about pupils whose value is not known, e.g. "FSM not
   * recorded for 12 pupils. They are left out of these groups."; empty when there are none.
   */
  public static Optional<String> notKnownLine(List<NotKnownRow> rows) {
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    // Characteristics with the same count are named together: a return that leaves several out
    // gives one clause.
    Map<Long, List<String>> byCount = new java.util.LinkedHashMap<>();
    for (NotKnownRow row : rows) {
      byCount
          .computeIfAbsent(row.pupils() == null ? -1L : row.pupils(), k -> new ArrayList<>())
          .add(characteristic(row.group()));
    }
    List<String> clauses = new ArrayList<>();
    byCount.forEach(
        (count, names) -> {
          String what = joined(names);
          String whom =
              count < 0
                  ? "some pupils (how many is withheld to protect pupils)"
                  : count == 1 ? "1 pupil" : count + " pupils";
          clauses.add(what + " not recorded for " + whom);
        });
    String first = clauses.get(0);
    clauses.set(0, Character.toUpperCase(first.charAt(0)) + first.substring(1));
    return Optional.of(String.join("; ", clauses) + ". They are left out of these groups.");
  }

  private static String characteristic(String group) {
    return switch (group) {
      case Measures.SEASON_OF_BIRTH -> "date of birth (season of birth)";
      case Measures.GENDER -> "gender";
      case Measures.FSM -> "FSM";
      case Measures.DISADVANTAGED -> "disadvantaged (pupil premium)";
      case Measures.SEN -> "SEN";
      case Measures.EAL -> "EAL";
      default -> group;
    };
  }

  private static String joined(List<String> words) {
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " and "
        + words.get(words.size() - 1);
  }

  private static Context context(FigureIndex index, String school) {
    Optional<Figure> pupils = index.latest(Measures.CONTEXT_PUPILS, Measures.CONTEXT, school);
    // A withheld count of pupils (a return of 1 to 5, or the school protecting one) has no context.
    if (pupils.isEmpty() || pupils.get().suppressed()) {
      return null;
    }
    Figure p = pupils.get();
    Term term = FigureIndex.termOf(p);
    Set<String> withheld = new HashSet<>();
    return new Context(
        term,
        p.denominator() != null ? p.denominator() : Math.round(p.value()),
        contextPct(index, Measures.CONTEXT_PCT_FSM, school, term, "fsm", withheld),
        contextPct(
            index, Measures.CONTEXT_PCT_DISADVANTAGED, school, term, "disadvantaged", withheld),
        contextPct(index, Measures.CONTEXT_PCT_SEN, school, term, "sen", withheld),
        contextPct(index, Measures.CONTEXT_PCT_EAL, school, term, "eal", withheld),
        withheld);
  }

  private static Proportion contextPct(
      FigureIndex index,
      String measure,
      String school,
      Term term,
      String part,
      Set<String> withheld) {
    return SchoolResults.held(
            index
                .latest(measure, Measures.CONTEXT, school)
                .filter(f -> FigureIndex.termOf(f).equals(term)),
            part,
            withheld)
        .filter(f -> f.numerator() != null && f.denominator() != null && f.denominator() > 0)
        .map(Proportion::of)
        .orElse(null);
  }

  private static Optional<Figure> held(Optional<Figure> f, String part, Set<String> withheld) {
    return SchoolResults.held(f, part, withheld);
  }

  private static Proportion pct(Optional<Figure> f) {
    return f.filter(x -> x.numerator() != null && x.denominator() != null && x.denominator() > 0)
        .map(Proportion::of)
        .orElse(null);
  }
}
