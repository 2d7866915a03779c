package org.clusterlens.metrics;

import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Grade;
import org.clusterlens.model.PupilAssessment;
import org.clusterlens.scheme.Schemes;
import org.clusterlens.stats.ConfidenceLevel;
import org.clusterlens.stats.Proportion;
import org.clusterlens.stats.ProportionInterval;
import org.clusterlens.stats.ProportionIntervals;
import org.clusterlens.stats.SmallNumberRules;

/**
 * Attainment figures from pupil rows: % at Level 4+ and Level 5+ and average points, per subject
 * and for reading, writing and maths combined; per school and for the cluster pooled at pupil
 * level; over all pupils and (for teacher assessment) per year group; for every term held.
 *
 * <p>A pupil counts in a subject when the grade is counted (absent or disapplied pupils are left
 * out). In the combined measure a pupil counts only with counted grades in all three subjects, and
 * reaches a level only by reaching it in all three.
 */
public final class AttainmentMetrics {

  /** The view of warehouse rows the attainment query reads. */
  public static final String VIEW = "clusterlens_pupil_assessments";

  /**
   * The CTEs {@code counted} (one row per pupil, subject and counted grade) and {@code pupils}
   * (those rows plus one {@code rwm} row per pupil counted in all three subjects, at the lowest of
   * the three standards reached), over the warehouse rows in view %1$s, whose scheme columns are
   * filled in ({@link SchemeColumns}).
   */
  static final String PUPIL_GRADES =
      """
      counted AS (
        SELECT school_urn, academic_year, term, assessment, scheme, subject, year_group, upn,
               points, standard
        FROM %1$s
        WHERE standard IS NOT NULL
      ),
      combined AS (
        SELECT school_urn, academic_year, term, assessment, scheme, '%2$s' AS subject, year_group,
               upn, CAST(NULL AS DOUBLE) AS points, min(standard) AS standard
        FROM counted
        GROUP BY school_urn, academic_year, term, assessment, scheme, year_group, upn
        HAVING count(DISTINCT subject) = 3
      ),
      pupils AS (
        SELECT * FROM counted
        UNION ALL
        SELECT * FROM combined
      )
      """;

  private static final String QUERY =
      """
      WITH %8$s,
      %7$s
      SELECT
        %3$s,
        academic_year, term, assessment, scheme, subject, pupil_group, group_value,
        count(*) AS pupils,
        sum(CASE WHEN standard >= %5$d THEN 1 ELSE 0 END) AS at_first,
        sum(CASE WHEN standard >= %6$d THEN 1 ELSE 0 END) AS at_second,
        count(points) AS pupils_with_points,
        sum(points) AS total_points
      FROM labelled
      GROUP BY GROUPING SETS (
        (school_urn, academic_year, term, assessment, scheme, subject, pupil_group, group_value),
        (academic_year, term, assessment, scheme, subject, pupil_group, group_value))
      """
          .formatted(
              VIEW,
              Figure.RWM,
              PupilGroupsSql.schoolColumn(),
              Figure.ALL,
              Grade.FIRST_THRESHOLD,
              Grade.SECOND_THRESHOLD,
              PupilGroupsSql.ctes(VIEW, "pupils"),
              PUPIL_GRADES.formatted(VIEW, Figure.RWM));

  /** The order figures come out in, so exports and packs are stable from run to run. */
  public static final Comparator<Figure> ORDER = AttainmentMetrics::inOrder;

  /**
   * {@link #ORDER} written out: by assessment, scheme (none first), year, term, school, group,
   * value, subject and measure. A chain of {@code thenComparing} goes through nine lambdas a
   * comparison. A run's own figures are sorted into this order by {@link FigureSort}, by their
   * labels' ranks rather than their text (an LA's run sorts its two and a half million figures
   * twice).
   */
  private static int inOrder(Figure a, Figure b) {
    int c = compare(a.assessment(), b.assessment());
    if (c != 0) {
      return c;
    }
    String schemeA = a.scheme();
    String schemeB = b.scheme();
    if (schemeA == null || schemeB == null) {
      c = schemeA == null ? (schemeB == null ? 0 : -1) : 1;
    } else {
      c = compare(schemeA, schemeB);
    }
    if (c != 0) {
      return c;
    }
    c = compare(a.academicYear(), b.academicYear());
    if (c != 0) {
      return c;
    }
    c = compare(a.term(), b.term());
    if (c != 0) {
      return c;
    }
    c = compare(a.school(), b.school());
    if (c != 0) {
      return c;
    }
    c = compare(a.group(), b.group());
    if (c != 0) {
      return c;
    }
    c = compare(a.groupValue(), b.groupValue());
    if (c != 0) {
      return c;
    }
    c = compare(a.subject(), b.subject());
    return c != 0 ? c : compare(a.measure(), b.measure());
  }

  /**
   * {@link String#compareTo}, answered at once for the same string: a run's labels come from a few
   * shared strings (the pupil table's codes), so most labels compared are the very same string.
   */
  private static int compare(String a, String b) {
    return a == b ? 0 : a.compareTo(b);
  }

  private AttainmentMetrics() {}

  /**
   * The attainment query's SQL text (Spark's dialect) over the warehouse rows in view {@link
   * #VIEW}: one row per school or cluster, term, assessment, subject and pupil group, with pupils,
   * pupils at Level 4+ and 5+ and total points. The packs' figures are counted from a {@link
   * PupilTable} instead ({@link #attainment}), and so are the figures at scale ({@link
   * #attainmentCells} on the executors); the benchmark runs this text in Spark and DuckDB and
   * checks both against every percentage figure the engine made.
   */
  public static String query() {
    return QUERY;
  }

  /**
   * Computes the figures with the default small-number rules; see {@link #compute(Dataset,
   * SmallNumberRules)}.
   */
  public static List<Figure> compute(Dataset<Row> assessments) {
    return compute(assessments, SmallNumberRules.DEFAULT);
  }

  /**
   * Computes the figures for every school, term, assessment, subject and pupil group in {@code
   * assessments} (rows with the warehouse's schema), the year-on-year KS2 shifts and each group's
   * gap to the rest, then screens them all (pupil weight, reporting threshold, suppression,
   * false-discovery control, funnel limits). The rows are read in one scan ({@link
   * PupilTable#scan}); no aggregation runs in Spark.
   *
   * @return the figures in {@link #ORDER}; never null
   */
  public static List<Figure> compute(Dataset<Row> assessments, SmallNumberRules rules) {
    return compute(assessments, rules, ValueAddedReference.NONE);
  }

  /**
   * Computes the figures as {@link #compute(Dataset, SmallNumberRules)} does, with value added
   * against {@code reference} as well as against the cluster's own pupils.
   */
  public static List<Figure> compute(
      Dataset<Row> assessments, SmallNumberRules rules, ValueAddedReference reference) {
    return compute(PupilTable.scan(assessments), rules, reference);
  }

  /**
   * The figures of the pupils in {@code table}, as {@link #compute(Dataset, SmallNumberRules,
   * ValueAddedReference)} makes them: the same figures from the table of any set of schools that
   * stands alone, wherever it is held.
   */
  public static List<Figure> compute(
      PupilTable table, SmallNumberRules rules, ValueAddedReference reference) {
    List<Figure> figures = new ArrayList<>(attainment(table));
    figures.addAll(ProgressMetrics.compute(table, reference));
    figures.addAll(ContextMetrics.compute(table));
    figures.addAll(NotKnownMetrics.compute(table));
    // Secondary suppression settles ties by order, so fix the order first.
    FigureSort.sort(figures);
    List<Figure> derived = new ArrayList<>(ThresholdShifts.of(figures, rules));
    derived.addAll(TermShifts.of(table, figures, rules));
    derived.addAll(GroupGaps.of(figures, rules));
    derived.addAll(PooledYears.of(figures));
    derived.addAll(PupilGaps.of(table, rules));
    figures.addAll(derived);
    List<Figure> screened = new ArrayList<>(Screening.screen(figures, rules));
    screened.addAll(CohortMakeup.beside(screened, table, rules));
    FigureSort.sort(screened);
    return screened;
  }

  /** Pupils, pupils at the first and second threshold, pupils with points and their points. */
  static final class Counts {
    long pupils;
    long atFirst;
    long atSecond;
    long withPoints;
    double points;

    void add(Counts o) {
      pupils += o.pupils;
      atFirst += o.atFirst;
      atSecond += o.atSecond;
      withPoints += o.withPoints;
      points += o.points;
    }
  }

  /**
   * The attainment figures of {@code table}: per school and the cluster pooled, term, assessment,
   * scheme, subject (and reading, writing and maths combined) and pupil group, as the query {@link
   * #query()} counts them; unordered.
   */
  static List<Figure> attainment(PupilTable t) {
    Long2ObjectOpenHashMap<Counts> cells = attainmentCells(t);
    List<Figure> figures = new ArrayList<>(cells.size() * 3);
    for (Long2ObjectMap.Entry<Counts> e : cells.long2ObjectEntrySet()) {
      PupilTable.Cell cell = t.cell(e.getLongKey());
      Counts c = e.getValue();
      figures.addAll(
          figuresOf(
              t.labels(cell).inScheme(t.schemes.name(cell.scheme())),
              c.pupils,
              c.atFirst,
              c.atSecond,
              c.withPoints,
              c.points));
    }
    return figures;
  }

  /**
   * Per school and the cluster, term, assessment, scheme, subject (and reading, writing and maths
   * combined) and pupil group of {@code t}, keyed by {@link CellKey}: the counts the attainment
   * query {@link #query()} gives. Counts of different tables of pupils (each pupil in one) add up
   * to the counts of all their pupils.
   */
  static Long2ObjectOpenHashMap<Counts> attainmentCells(PupilTable t) {
    GroupCells<Counts> cells = new GroupCells<>(Counts::new);
    int[] groups = new int[PupilTable.MAX_GROUPS];
    for (int g = 0; g < t.graded; g++) {
      int n = t.groupsOf(t.gAssessment[g], t.gYearGroup[g], t.gPupilTerm[g], groups);
      int standard = t.gStandard[g];
      double points = t.gPoints[g];
      GroupCells.Dimension<Counts> dimension =
          cells.dimension(
              t.gradedKey(g, t.gSchool[g], t.gScheme[g], PupilTable.UNKNOWN, PupilTable.UNKNOWN));
      for (int k = 0; k < n; k++) {
        Counts c = dimension.at(groups[k]);
        c.pupils++;
        if (standard >= Grade.FIRST_THRESHOLD) {
          c.atFirst++;
        }
        if (standard >= Grade.SECOND_THRESHOLD) {
          c.atSecond++;
        }
        if (!Double.isNaN(points)) {
          c.withPoints++;
          c.points += points;
        }
      }
    }
    cells.poolSchools(Counts::add);
    return cells.cells();
  }

  /** The figures of a row of the attainment query {@link #query()}. */
  static List<Figure> figuresOf(Row r) {
    Figure labels =
        labelledBy(r, Measures.PCT_LEVEL4_PLUS, 0, 0, 0).inScheme(r.<String>getAs("scheme"));
    long pointed = r.<Long>getAs("pupils_with_points");
    return figuresOf(
        labels,
        r.<Long>getAs("pupils"),
        r.<Long>getAs("at_first"),
        r.<Long>getAs("at_second"),
        pointed,
        pointed > 0 ? r.<Double>getAs("total_points") : 0);
  }

  /**
   * The figures of one cell with the labels of {@code labels}: % at the first and second threshold
   * and, outside the combined subject, the average points.
   */
  private static List<Figure> figuresOf(
      Figure labels, long pupils, long atFirst, long atSecond, long pointed, double totalPoints) {
    String scheme = labels.scheme();
    boolean levels = scheme.equals(PupilAssessment.NC_LEVELS);
    List<Figure> out = new ArrayList<>(3);
    double first = atFirst;
    double second = atSecond;
    String firstMeasure = levels ? Measures.PCT_LEVEL4_PLUS : Measures.PCT_EXPECTED_PLUS;
    String secondMeasure = levels ? Measures.PCT_LEVEL5_PLUS : Measures.PCT_HIGHER_PLUS;
    out.add(share(labels, firstMeasure, first, pupils));
    out.add(share(labels, secondMeasure, second, pupils));
    // The average is over the pupils with points: every counted pupil in levels; in KS2 from
    // 2016 those with a scaled score, as the DfE's average scaled score is.
    if (!labels.subject().equals(Figure.RWM) && pointed > 0) {
      String measure =
          scheme.equals(Schemes.KS2_2016) ? Measures.AVERAGE_SCALED_SCORE : Measures.AVERAGE_POINTS;
      out.add(Derived.like(labels, measure, totalPoints, pointed, totalPoints / pointed));
    }
    return out;
  }

  /**
   * The percentage with its 95% interval: exact (Clopper–Pearson) for cohorts under 30, Wilson's
   * score interval above, as METHODOLOGY recommends for small schools.
   */
  static Figure withInterval(Figure percentage) {
    ProportionInterval interval = interval(proportionOf(percentage));
    return percentage.withInterval(
        100 * interval.interval().lower(), 100 * interval.interval().upper(), methodOf(interval));
  }

  /**
   * The percentage of {@code pupils} meeting {@code measure} with its 95% interval, as {@link
   * #withInterval} gives it, made as one figure.
   */
  private static Figure share(Figure labels, String measure, double met, long pupils) {
    ProportionInterval interval =
        interval(new Proportion((int) Math.round(met), Math.toIntExact(pupils)));
    return Derived.like(
        labels,
        measure,
        met,
        pupils,
        100.0 * met / pupils,
        100 * interval.interval().lower(),
        100 * interval.interval().upper(),
        methodOf(interval));
  }

  /** A share's 95% interval by the method METHODOLOGY recommends for its cohort. */
  private static ProportionInterval interval(Proportion share) {
    return ProportionIntervals.recommended(share, ConfidenceLevel.NINETY_FIVE);
  }

  /** How an interval was made, as a figure's method says it. */
  private static String methodOf(ProportionInterval interval) {
    // One string per method for the run's millions of figures, not one each.
    return (interval.method().label() + ", " + interval.confidence().label()).intern();
  }

  /** The pupils behind a percentage figure. */
  static Proportion proportionOf(Figure percentage) {
    return new Proportion(
        (int) Math.round(percentage.numerator()), Math.toIntExact(percentage.denominatorCount()));
  }

  /**
   * A figure labelled by a query row with the columns {@code assessment, subject, school,
   * pupil_group, group_value, academic_year, term}; in levels.
   */
  static Figure labelledBy(
      Row r, String measure, double numerator, long denominator, double value) {
    return new Figure(
        measure,
        r.getAs("assessment"),
        r.getAs("subject"),
        r.getAs("school"),
        r.getAs("pupil_group"),
        r.getAs("group_value"),
        r.getAs("academic_year"),
        r.getAs("term"),
        numerator,
        denominator,
        value);
  }
}
