package org.clusterlens.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.CoGroupFunction;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.clusterlens.model.Figure;
import org.clusterlens.model.FunnelBand;
import org.clusterlens.model.Judgement;
import org.clusterlens.stats.FalseDiscoveryControl;
import org.clusterlens.stats.SmallNumberRules;

/**
 * The figures of a local authority or a whole country, computed, screened and judged on Spark's
 * executors so that none passes through this process, by the same code as the run that makes packs
 * ({@link AttainmentMetrics#compute}), in five steps, each on sets of figures that stand alone:
 *
 * <ol>
 *   <li>the attainment counts: each partition's pupils (each pupil's rows in one) counted from
 *       their {@link PupilTable} by {@link AttainmentMetrics}' own code, then added up per cell;
 *   <li>the figures made from the pupils' own rows: the same partitions' paired counts, counts,
 *       sums of points and their squares ({@link PupilSums}) added up per cell, then the paired
 *       term shifts ({@link TermShifts}) made cohort by cohort, and gaps within year groups and
 *       gaps in average points ({@link PupilGaps}), progress and value added ({@link
 *       ProgressMetrics}) school by school, by their own code;
 *   <li>table by table (the linked tables of one assessment, scheme, year, term and subject, every
 *       group's schools × values with the all-pupil figures they share): intervals, pupil weights,
 *       reporting threshold, primary and secondary suppression and funnel limits, for attainment
 *       and for each progress measure;
 *   <li>school by school (and the cluster's own figures): the KS2 year-on-year shifts ({@link
 *       ThresholdShifts}), each group's gap to the rest of its school and the disadvantaged gap's
 *       change ({@link GroupGaps}), and the KS2 results pooled over up to three years ({@link
 *       PooledYears}), with the term shifts and gaps of step 2, withheld with the attainment cells
 *       they are made from; the pooled figures are then placed on their funnels table by table;
 *   <li>the false-discovery control within the declared families of {@link QuestionFamilies}: each
 *       funnel, school and cluster family judged on one executor, and the side questions' one large
 *       family adjusted from a tally of its p-values ({@link
 *       FalseDiscoveryControl#adjustedPValues}).
 * </ol>
 *
 * <p>The cluster ({@link Figure#CLUSTER}) is every school the rows hold, pooled at pupil level, so
 * every funnel, gap to "the rest" and judgement compares a school with all of them. Every figure
 * the run that makes packs tests is made here, so each family holds the same questions and each
 * figure the same judgement, family size and adjusted p-value. What that run adds and this does
 * not, on purpose: context, not-known counts and cohort make-up, which are never tested; and value
 * added against a supplied reference. No task holds every pupil: every sum is a count or a sum of
 * whole points, which adds up to the same double in any order, and value added is worked out
 * exactly from its bands' sums ({@link ProgressMetrics#figures}), so the figures are the same to
 * the last digit however the pupils are partitioned. Its figures are the rows of the tidy metrics
 * export, with the same columns as {@code metrics.csv}.
 */
public final class FiguresAtScale {

  /** The export's columns, in {@code metrics.csv} order, typed. */
  public static final StructType SCHEMA =
      new StructType()
          .add("measure", DataTypes.StringType, false)
          .add("assessment", DataTypes.StringType, false)
          .add("scheme", DataTypes.StringType, true)
          .add("subject", DataTypes.StringType, false)
          .add("school", DataTypes.StringType, false)
          .add("group", DataTypes.StringType, false)
          .add("group_value", DataTypes.StringType, false)
          .add("academic_year", DataTypes.StringType, false)
          .add("term", DataTypes.StringType, false)
          .add("numerator", DataTypes.DoubleType, true)
          .add("denominator", DataTypes.LongType, true)
          .add("value", DataTypes.DoubleType, true)
          .add("lower", DataTypes.DoubleType, true)
          .add("upper", DataTypes.DoubleType, true)
          .add("method", DataTypes.StringType, true)
          .add("p_value", DataTypes.DoubleType, true)
          .add("adjusted_p_value", DataTypes.DoubleType, true)
          .add("pupil_weight", DataTypes.DoubleType, true)
          .add("below_reporting_threshold", DataTypes.BooleanType, false)
          .add("suppressed", DataTypes.BooleanType, false)
          .add("selected_finding", DataTypes.BooleanType, true)
          .add("judgement", DataTypes.StringType, true)
          .add("judgement_reason", DataTypes.StringType, true)
          .add("family", DataTypes.StringType, true)
          .add("family_size", DataTypes.IntegerType, true)
          .add("funnel_target", DataTypes.DoubleType, true)
          .add("funnel_lower_95", DataTypes.DoubleType, true)
          .add("funnel_upper_95", DataTypes.DoubleType, true)
          .add("funnel_lower_998", DataTypes.DoubleType, true)
          .add("funnel_upper_998", DataTypes.DoubleType, true)
          .add("funnel_position", DataTypes.StringType, true)
          .add("funnel_method", DataTypes.StringType, true);

  /** The columns a suppressed figure does not show: everything but its labels and flags. */
  private static final List<String> WITHHELD =
      List.of(
          "numerator",
          "denominator",
          "value",
          "lower",
          "upper",
          "method",
          "p_value",
          "adjusted_p_value",
          "pupil_weight",
          "selected_finding",
          "funnel_target",
          "funnel_lower_95",
          "funnel_upper_95",
          "funnel_lower_998",
          "funnel_upper_998",
          "funnel_position",
          "funnel_method");

  private FiguresAtScale() {}

  /**
   * The figures of every school and of all the schools pooled (school {@link Figure#CLUSTER}),
   * every term, assessment, subject and pupil group in {@code assessments} (rows with the
   * warehouse's schema), screened with {@code rules} and judged. The attainment figures are
   * counted, screened and held in Spark's cache (memory, then disk) when this is called, as the
   * false-discovery control needs the latest KS2 year and every side question's p-value first; the
   * rest runs when the result is written or counted. Suppressed figures keep their counts here, for
   * checking; write {@link #publishable} of it.
   *
   * @return rows of {@link #SCHEMA}; never null
   */
  public static Dataset<Row> compute(Dataset<Row> assessments, SmallNumberRules rules) {
    Dataset<Row> pupils = SchemeColumns.filledIn(assessments).selectExpr(PupilTable.COLUMNS);
    return compute(pupils, rules, partitionsFor(pupils));
  }

  /**
   * As {@link #compute(Dataset, SmallNumberRules)}, the pupil rows {@code pupils} (of {@link
   * PupilTable#COLUMNS}) counted in {@code partitions} tables of pupils: the figures are the same
   * for any number.
   */
  static Dataset<Row> compute(Dataset<Row> pupils, SmallNumberRules rules, int partitions) {
    SparkSession spark = pupils.sparkSession();
    // Each pupil's rows in one partition, so a partition's pupil table stands alone (a pupil's
    // earlier terms and KS1 result are found wherever they were held); each partition's counts and
    // sums, added up over the partitions, are those of all the pupils. A pupil goes with their
    // first school (by URN), so a partition holds whole schools but for pupils who moved, and
    // gives the cells of its own schools rather than a few pupils' cells of every school (the rows
    // are shuffled twice: by pupil to find that school, then to its partition). Each partition's
    // pupil table is built once and gives both its attainment counts and its sums, as rows of one
    // schema added up in one aggregation.
    JavaRDD<Row> byPupil =
        pupils
            .withColumn("home_school", min("school_urn").over(Window.partitionBy("upn")))
            .repartition(partitions, col("home_school"))
            .selectExpr(PupilTable.COLUMNS)
            .javaRDD();
    Dataset<Row> cells =
        spark
            .createDataFrame(
                byPupil.mapPartitions(
                    (FlatMapFunction<Iterator<Row>, Row>) rows -> cellRows(PupilTable.of(rows))),
                CELLS)
            .groupBy(CELL_LABELS)
            .agg(sum("s0").as("s0"), SUMS_AFTER_FIRST)
            // Read five times: the counts twice (the year-group cohorts the term shifts start
            // from, and the screening) and the sums three times (term shifts, gaps and progress,
            // and value added's band means).
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> counts = countsOf(cells);
    Dataset<Row> sums =
        cells
            .filter(col("kind").notEqual(lit(ATTAINMENT)))
            .select(Arrays.stream(PUPIL_SUMS.fieldNames()).map(c -> col(c)).toArray(Column[]::new));
    int reporting = rules.reportingThreshold();
    int suppression = rules.suppressionThreshold();
    Dataset<Row> fromPupils = madeFromPupils(sums, counts, rules);
    Dataset<Row> progress =
        fromPupils
            .filter((FilterFunction<Row>) FiguresAtScale::isProgress)
            .groupByKey((MapFunction<Row, String>) FiguresAtScale::tableOf, Encoders.STRING())
            .flatMapGroups(
                (FlatMapGroupsFunction<String, Row, Row>)
                    (table, rows) ->
                        progressScreened(rows, new SmallNumberRules(reporting, suppression)),
                Encoders.row(SCHEMA));
    Dataset<Row> attainment =
        counts
            .groupByKey((MapFunction<Row, String>) FiguresAtScale::tableOf, Encoders.STRING())
            .flatMapGroups(
                (FlatMapGroupsFunction<String, Row, Row>)
                    (table, rows) -> screened(rows, new SmallNumberRules(reporting, suppression)),
                Encoders.row(SCHEMA))
            .persist(StorageLevel.MEMORY_AND_DISK());
    String headline = headlineYear(attainment);
    Dataset<Row> derived =
        attainment
            .filter((FilterFunction<Row>) FiguresAtScale::derivesOthers)
            .union(fromPupils.filter((FilterFunction<Row>) r -> !isProgress(r)))
            .groupByKey((MapFunction<Row, String>) r -> r.getAs("school"), Encoders.STRING())
            .flatMapGroups(
                (FlatMapGroupsFunction<String, Row, Row>)
                    (school, rows) ->
                        derived(rows, headline, new SmallNumberRules(reporting, suppression)),
                Encoders.row(SCHEMA))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> pooledOnFunnels =
        derived
            .filter((FilterFunction<Row>) FiguresAtScale::isPooled)
            .groupByKey((MapFunction<Row, String>) FiguresAtScale::tableOf, Encoders.STRING())
            .flatMapGroups(
                (FlatMapGroupsFunction<String, Row, Row>)
                    (table, rows) -> onFunnels(rows, new SmallNumberRules(reporting, suppression)),
                Encoders.row(SCHEMA));
    Dataset<Row> figures =
        attainment
            .union(derived.filter((FilterFunction<Row>) r -> !isPooled(r)))
            .union(pooledOnFunnels)
            .union(progress);
    return judged(figures, headline);
  }

  private static final String[] PUPIL_SUM_LABEL_NAMES = {
    "kind",
    "school",
    "academic_year",
    "term",
    "assessment",
    "subject",
    "pupil_group",
    "group_value",
    "measure",
    "part"
  };

  /** The sums of a table of pupils ({@link PupilSums}), labelled by text. */
  private static final StructType PUPIL_SUMS = withSums(PUPIL_SUM_LABEL_NAMES);

  /**
   * The kind of a partition's cell ({@link #CELLS}) that holds attainment counts ({@link
   * AttainmentMetrics#attainmentCells}) rather than {@link PupilSums}.
   */
  private static final String ATTAINMENT = "attainment";

  private static final String[] CELL_LABEL_NAMES = {
    "kind",
    "school",
    "academic_year",
    "term",
    "assessment",
    "scheme",
    "subject",
    "pupil_group",
    "group_value",
    "measure",
    "part"
  };

  /**
   * A partition's cells, both kinds under one set of labels so they are added up in one
   * aggregation: its attainment counts (kind {@link #ATTAINMENT}; measure and part "") with pupils,
   * pupils at the first and second threshold, pupils with points and their points as sums 0 to 4;
   * and its {@link PupilSums} (scheme ""). Counts and whole points add up to the same doubles in
   * any order, exactly, far beyond any country's pupils.
   */
  private static final StructType CELLS = withSums(CELL_LABEL_NAMES);

  private static final Column[] CELL_LABELS =
      Arrays.stream(CELL_LABEL_NAMES).map(c -> col(c)).toArray(Column[]::new);

  private static final Column[] SUMS_AFTER_FIRST = sumsAfterFirst();

  private static StructType withSums(String[] labels) {
    StructType schema = new StructType();
    for (String label : labels) {
      schema = schema.add(label, DataTypes.StringType, false);
    }
    for (int i = 0; i < PupilSums.SUMS; i++) {
      schema = schema.add("s" + i, DataTypes.DoubleType, false);
    }
    return schema;
  }

  private static Column[] sumsAfterFirst() {
    Column[] out = new Column[PupilSums.SUMS - 1];
    for (int i = 1; i < PupilSums.SUMS; i++) {
      out[i - 1] = sum("s" + i).as("s" + i);
    }
    return out;
  }

  /**
   * The cells of a table of pupils as rows of {@link #CELLS}: its attainment counts ({@link
   * AttainmentMetrics#attainmentCells}), then its sums of term shifts, gaps and progress ({@link
   * TermShifts#sums}, {@link PupilGaps#sums}, {@link ProgressMetrics#sums}).
   */
  private static Iterator<Row> cellRows(PupilTable t) {
    Long2ObjectOpenHashMap<AttainmentMetrics.Counts> counts = AttainmentMetrics.attainmentCells(t);
    List<PupilSums> all = new ArrayList<>(TermShifts.sums(t));
    all.addAll(PupilGaps.sums(t));
    all.addAll(ProgressMetrics.sums(t, ValueAddedReference.NONE));
    // Made one at a time as Spark reads them: a partition's rows need not all be held at once.
    return Stream.concat(
            counts.long2ObjectEntrySet().stream()
                .map(e -> cellOfCounts(t, e.getLongKey(), e.getValue())),
            all.stream().map(FiguresAtScale::cellOf))
        .iterator();
  }

  /**
   * The attainment counts {@code c} of the cell {@code key} of {@code t} as a row of {@link
   * #CELLS}.
   */
  private static Row cellOfCounts(PupilTable t, long key, AttainmentMetrics.Counts c) {
    PupilTable.Cell cell = t.cell(key);
    Object[] values = new Object[CELL_LABEL_NAMES.length + PupilSums.SUMS];
    values[0] = ATTAINMENT;
    values[1] = t.schoolLabel(cell.school());
    values[2] = t.years.name(cell.year());
    values[3] = t.terms.name(cell.term());
    values[4] = t.assessments.name(cell.assessment());
    values[5] = t.schemes.name(cell.scheme());
    values[6] = t.subjects.name(cell.subject());
    values[7] = cell.group();
    values[8] = cell.value();
    values[9] = "";
    values[10] = "";
    int sums = CELL_LABEL_NAMES.length;
    values[sums] = (double) c.pupils;
    values[sums + 1] = (double) c.atFirst;
    values[sums + 2] = (double) c.atSecond;
    values[sums + 3] = (double) c.withPoints;
    // No points is no sum: 0 adds nothing, and the total is read only where pupils had points.
    values[sums + 4] = c.withPoints > 0 ? c.points : 0.0;
    values[sums + 5] = 0.0;
    values[sums + 6] = 0.0;
    return RowFactory.create(values);
  }

  /**
   * The attainment counts of the partitions' cells added up, as rows of the attainment query's
   * columns ({@link AttainmentMetrics#query()}): its eight labels, pupils, pupils at the first and
   * second threshold, pupils with points and their total points (null where none had points).
   */
  private static Dataset<Row> countsOf(Dataset<Row> cells) {
    return cells
        .filter(col("kind").equalTo(lit(ATTAINMENT)))
        .select(
            col("school"),
            col("academic_year"),
            col("term"),
            col("assessment"),
            col("scheme"),
            col("subject"),
            col("pupil_group"),
            col("group_value"),
            col("s0").cast(DataTypes.LongType).as("pupils"),
            col("s1").cast(DataTypes.LongType).as("at_first"),
            col("s2").cast(DataTypes.LongType).as("at_second"),
            col("s3").cast(DataTypes.LongType).as("pupils_with_points"),
            when(col("s3").gt(lit(0.0)), col("s4")).as("total_points"));
  }

  /** A table of pupils' sums as a row of {@link #CELLS}. */
  private static Row cellOf(PupilSums s) {
    Object[] values = new Object[CELL_LABEL_NAMES.length + PupilSums.SUMS];
    values[0] = s.kind();
    values[1] = s.school();
    values[2] = s.academicYear();
    values[3] = s.term();
    values[4] = s.assessment();
    values[5] = "";
    values[6] = s.subject();
    values[7] = s.group();
    values[8] = s.value();
    values[9] = s.measure();
    values[10] = s.part();
    for (int i = 0; i < PupilSums.SUMS; i++) {
      values[CELL_LABEL_NAMES.length + i] = i < s.sums().length ? s.sums()[i] : 0.0;
    }
    return RowFactory.create(values);
  }

  /** A row of {@link #PUPIL_SUMS} as the sums it holds. */
  private static PupilSums sumsOf(Row r) {
    double[] sums = new double[PupilSums.SUMS];
    for (int i = 0; i < sums.length; i++) {
      sums[i] = r.getDouble(PUPIL_SUM_LABEL_NAMES.length + i);
    }
    return new PupilSums(
        r.getString(0),
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        r.getString(6),
        r.getString(7),
        r.getString(8),
        r.getString(9),
        sums);
  }

  private static List<PupilSums> sumsOf(Iterator<Row> rows) {
    List<PupilSums> out = new ArrayList<>();
    rows.forEachRemaining(r -> out.add(sumsOf(r)));
    return out;
  }

  /**
   * The figures the run that makes packs makes from the pupils' own rows rather than from the
   * attainment counts, by its own code from the sums of every pupil ({@code sums}, added up over
   * the tables of pupils), not yet screened: paired term shifts ({@link TermShifts}), cohort by
   * cohort, with the teacher-assessment year-group figures of {@code counts} they start from; gaps
   * within year groups and gaps in average points ({@link PupilGaps}) and progress and value added
   * against the pooled schools' own pupils ({@link ProgressMetrics}), school by school (and the
   * pooled schools'), with value added's band means and spread worked out first from the pooled
   * schools' sums, collected and broadcast.
   */
  private static Dataset<Row> madeFromPupils(
      Dataset<Row> sums, Dataset<Row> counts, SmallNumberRules rules) {
    int reporting = rules.reportingThreshold();
    int suppression = rules.suppressionThreshold();
    // Value added's band means and spread come from the pooled schools' sums alone: few rows.
    List<PupilSums> pooled =
        sumsOf(
            sums.filter((FilterFunction<Row>) r -> ProgressMetrics.forBandPoints(sumsOf(r)))
                .collectAsList()
                .iterator());
    Map<String, double[]> bandPoints = ProgressMetrics.bandPoints(pooled);
    Map<String, Double> spread = ProgressMetrics.clusterSpread(pooled, bandPoints);
    JavaSparkContext context =
        JavaSparkContext.fromSparkContext(sums.sparkSession().sparkContext());
    Broadcast<Map<String, double[]>> bands = context.broadcast(new HashMap<>(bandPoints));
    Broadcast<Map<String, Double>> clusterSpread = context.broadcast(new HashMap<>(spread));
    Dataset<Row> gapsAndProgress =
        sums.filter(col("kind").notEqual(lit(PupilSums.TERM_SHIFT)))
            .groupByKey((MapFunction<Row, String>) r -> r.getAs("school"), Encoders.STRING())
            .flatMapGroups(
                (FlatMapGroupsFunction<String, Row, Row>)
                    (school, rows) ->
                        gapsAndProgress(
                            sumsOf(rows),
                            bands.value(),
                            clusterSpread.value(),
                            new SmallNumberRules(reporting, suppression)),
                Encoders.row(SCHEMA));
    Dataset<Row> shifts =
        counts
            .filter(
                col("assessment")
                    .equalTo(lit(Measures.TEACHER))
                    .and(col("pupil_group").equalTo(lit(Measures.YEAR_GROUP))))
            .groupByKey((MapFunction<Row, String>) FiguresAtScale::cohortOf, Encoders.STRING())
            .cogroup(
                sums.filter(col("kind").equalTo(lit(PupilSums.TERM_SHIFT)))
                    .groupByKey(
                        (MapFunction<Row, String>) FiguresAtScale::cohortOf, Encoders.STRING()),
                (CoGroupFunction<String, Row, Row, Row>)
                    (cohort, cohortCounts, paired) ->
                        termShifts(
                            cohortCounts,
                            sumsOf(paired),
                            new SmallNumberRules(reporting, suppression)),
                Encoders.row(SCHEMA));
    // Read twice: progress is screened table by table, the rest school by school.
    return shifts.union(gapsAndProgress).persist(StorageLevel.MEMORY_AND_DISK());
  }

  /**
   * The cohort ({@link TermShifts#cohortOf}) of a teacher-assessment year-group count or a paired
   * count's sums: both have its subject, academic year and year group (the group's value).
   */
  private static String cohortOf(Row r) {
    return TermShifts.cohortOf(
        r.getAs("subject"), r.getAs("academic_year"), r.getAs("group_value"));
  }

  /** One cohort's term shifts, from its year-group figures and its pupils' paired counts. */
  private static Iterator<Row> termShifts(
      Iterator<Row> cohortCounts, List<PupilSums> paired, SmallNumberRules rules) {
    List<Figure> cohorts = new ArrayList<>();
    cohortCounts.forEachRemaining(r -> cohorts.addAll(AttainmentMetrics.figuresOf(r)));
    FigureSort.sort(cohorts);
    List<Row> out = new ArrayList<>();
    for (Figure f : TermShifts.of(TermShifts.pairedCounts(paired), cohorts, rules)) {
      out.add(rowOf(f));
    }
    return out.iterator();
  }

  /** One school's (or the pooled schools') gaps, progress and value added, from its sums. */
  private static Iterator<Row> gapsAndProgress(
      List<PupilSums> sums,
      Map<String, double[]> bandPoints,
      Map<String, Double> clusterSpread,
      SmallNumberRules rules) {
    List<PupilSums> gaps = new ArrayList<>();
    List<PupilSums> progress = new ArrayList<>();
    for (PupilSums s : sums) {
      (s.kind().equals(PupilSums.GAP) ? gaps : progress).add(s);
    }
    List<Figure> made = new ArrayList<>(PupilGaps.of(gaps, rules));
    made.addAll(ProgressMetrics.figures(progress, bandPoints, clusterSpread));
    List<Row> out = new ArrayList<>(made.size());
    for (Figure f : made) {
      out.add(rowOf(f));
    }
    return out.iterator();
  }

  /** A progress or value-added figure: screened in its own suppression tables. */
  private static boolean isProgress(Row r) {
    return ProgressMetrics.measures(r.getAs("measure"));
  }

  /**
   * One table's progress figures screened as the packs' run screens them among all its figures:
   * each progress measure is a suppression table of its own, and its shares go on their funnels.
   */
  private static Iterator<Row> progressScreened(Iterator<Row> rows, SmallNumberRules rules) {
    return throughPacksCode(
        rows,
        figures -> {
          // Secondary suppression settles ties by order: the same order as the packs' run.
          FigureSort.sort(figures);
          return Screening.screenBeforeSelection(figures, rules);
        });
  }

  /**
   * How many partitions the pupils are counted in: as many as their rows are read in, and at least
   * one per core and one per shuffle partition ({@link #shufflePartitions}: some 100,000 rows each
   * as {@code clusterlens figures} sets it), so each partition's pupil table and the sums it gives
   * are small beside a task's heap.
   */
  private static int partitionsFor(Dataset<Row> pupils) {
    SparkSession spark = pupils.sparkSession();
    return Math.max(
        Math.max(pupils.rdd().getNumPartitions(), spark.sparkContext().defaultParallelism()),
        Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions")));
  }

  /**
   * The {@code spark.sql.shuffle.partitions} to compute the figures of {@code rows} pupil rows
   * with: one per {@value #ROWS_PER_SHUFFLE_PARTITION} rows, at least 4 (local mode's setting) and
   * at most 2,000, so a country's cells are added up in partitions of some hundred thousand keys
   * each rather than in local mode's 4 of millions, which spill to disk. Spark's adaptive execution
   * merges the partitions again where they turn out small.
   */
  public static int shufflePartitions(long rows) {
    return (int) Math.max(4, Math.min(2_000, rows / ROWS_PER_SHUFFLE_PARTITION));
  }

  /** Pupil rows per shuffle partition ({@link #shufflePartitions}). */
  private static final long ROWS_PER_SHUFFLE_PARTITION = 100_000;

  /**
   * The latest academic year with KS2 figures, as {@link QuestionFamilies#headlineYear}; or null.
   */
  private static String headlineYear(Dataset<Row> figures) {
    Row latest =
        figures
            .filter(
                col("assessment")
                    .equalTo(lit(Measures.KS2))
                    .and(col("group").equalTo(lit(Figure.ALL))))
            .agg(max("academic_year"))
            .head();
    return latest.isNullAt(0) ? null : latest.getString(0);
  }

  /**
   * The attainment figures other figures are made from or withheld with: statutory shares (shifts,
   * pooled years and gaps of KS1 and KS2) and teacher assessment's Level 4+ shares, whose cells
   * withhold the term shifts and gaps within year groups made from pupil rows.
   */
  private static boolean derivesOthers(Row r) {
    String measure = r.getAs("measure");
    if (Measures.TEACHER.equals(r.getAs("assessment"))) {
      // A term shift or gap within year groups is withheld with its cohort's or group's cell.
      return measure.equals(Measures.PCT_LEVEL4_PLUS);
    }
    return (measure.equals(Measures.PCT_LEVEL4_PLUS)
        || measure.equals(Measures.PCT_LEVEL5_PLUS)
        || measure.equals(Measures.PCT_EXPECTED_PLUS)
        || measure.equals(Measures.PCT_HIGHER_PLUS));
  }

  private static boolean isPooled(Row r) {
    return PooledYears.isPooled(r.getAs("measure"));
  }

  /**
   * One school's (or the cluster's) shifts, gaps and pooled years from its screened attainment
   * shares, and its term shifts and gaps made from its pupils' rows, screened as the run that makes
   * packs screens them.
   */
  private static Iterator<Row> derived(
      Iterator<Row> rows, String headline, SmallNumberRules rules) {
    return throughPacksCode(
        rows,
        figures -> {
          List<Figure> shares = new ArrayList<>();
          List<Figure> made = new ArrayList<>();
          for (Figure f : figures) {
            (f.measure().startsWith("pct_") ? shares : made).add(f);
          }
          FigureSort.sort(shares);
          made.addAll(ThresholdShifts.of(shares, rules));
          made.addAll(GroupGaps.of(shares, rules));
          made.addAll(PooledYears.of(shares, headline));
          return Screening.screenDerived(made, shares, rules);
        });
  }

  /** One table's pooled figures placed on their funnels. */
  private static Iterator<Row> onFunnels(Iterator<Row> rows, SmallNumberRules rules) {
    return throughPacksCode(rows, pooled -> Screening.placeOnFunnels(pooled, rules));
  }

  /**
   * The rows of one group read back as figures, passed through a step of the packs' own code, and
   * written as rows again.
   */
  private static Iterator<Row> throughPacksCode(
      Iterator<Row> rows, Function<List<Figure>, List<Figure>> step) {
    List<Figure> figures = new ArrayList<>();
    rows.forEachRemaining(r -> figures.add(figureOf(r)));
    List<Row> out = new ArrayList<>(figures.size());
    for (Figure f : step.apply(figures)) {
      out.add(rowOf(f));
    }
    return out.iterator();
  }

  /**
   * The figures with the one judgement on each tested figure's question: the funnel, school and
   * cluster families each judged whole on one executor ({@link Screening#selectFindings(List,
   * String)}); the side questions against their one family's size and each p-value adjusted in it,
   * from a tally of the family's p-values made first.
   */
  private static Dataset<Row> judged(Dataset<Row> figures, String headline) {
    Dataset<Row> tally =
        figures
            .filter((FilterFunction<Row>) r -> isSideQuestionTested(r, headline))
            .groupBy(col("p_value"))
            .count()
            .orderBy(col("p_value"))
            // One job reads the tally back in order, not one job per partition.
            .coalesce(1);
    double[] pValues = new double[1024];
    long[] counts = new long[1024];
    int distinct = 0;
    long familySize = 0;
    for (Iterator<Row> it = tally.toLocalIterator(); it.hasNext(); distinct++) {
      Row r = it.next();
      if (distinct == pValues.length) {
        pValues = Arrays.copyOf(pValues, 2 * distinct);
        counts = Arrays.copyOf(counts, 2 * distinct);
      }
      pValues[distinct] = r.getDouble(0);
      counts[distinct] = r.getLong(1);
      familySize += counts[distinct];
    }
    pValues = Arrays.copyOf(pValues, distinct);
    double[] adjusted =
        FalseDiscoveryControl.adjustedPValues(pValues, Arrays.copyOf(counts, distinct));
    int size = Math.toIntExact(familySize);
    Broadcast<double[][]> sideFamily =
        JavaSparkContext.fromSparkContext(figures.sparkSession().sparkContext())
            .broadcast(new double[][] {pValues, adjusted});
    Dataset<Row> headlineFamilies =
        figures
            .filter((FilterFunction<Row>) r -> headlineFamilyOf(r, headline) != null)
            .groupByKey(
                (MapFunction<Row, String>) r -> headlineFamilyOf(r, headline), Encoders.STRING())
            .flatMapGroups(
                (FlatMapGroupsFunction<String, Row, Row>)
                    (family, rows) ->
                        throughPacksCode(
                            rows, members -> Screening.selectFindings(members, headline)),
                Encoders.row(SCHEMA));
    Dataset<Row> others =
        figures
            .filter((FilterFunction<Row>) r -> headlineFamilyOf(r, headline) == null)
            .map(
                (MapFunction<Row, Row>) r -> sideJudged(r, headline, size, sideFamily.value()),
                Encoders.row(SCHEMA));
    return headlineFamilies.union(others);
  }

  /** The family of a figure's question when it is a headline one (funnel, school, cluster). */
  private static String headlineFamilyOf(Row r, String headline) {
    if (r.isNullAt(r.fieldIndex("p_value"))) {
      return null;
    }
    String family = QuestionFamilies.familyOf(labelsOf(r), headline);
    return family.equals(Judgement.EXPLORATORY) ? null : family;
  }

  /**
   * Tells whether a row is a side question tested in its family, by the same rule ({@link
   * Screening#isTested}) that {@link #sideJudged} judges it by, so every p-value it looks up is in
   * the tally.
   */
  private static boolean isSideQuestionTested(Row r, String headline) {
    if (r.isNullAt(r.fieldIndex("p_value"))) {
      return false;
    }
    Figure f = figureOf(r);
    return Screening.isTested(f)
        && QuestionFamilies.familyOf(f, headline).equals(Judgement.EXPLORATORY);
  }

  /** A figure outside the headline families, judged as a side question if it has a test. */
  private static Row sideJudged(Row r, String headline, int familySize, double[][] family) {
    if (r.isNullAt(r.fieldIndex("p_value"))) {
      return r;
    }
    Figure f = figureOf(r);
    if (!Screening.isTested(f)) {
      return rowOf(Screening.judgedUntested(f, Judgement.EXPLORATORY));
    }
    int at = Arrays.binarySearch(family[0], f.pValue());
    if (at < 0) {
      throw new IllegalStateException(
          "The p-value " + f.pValue() + " of " + f + " was not in its family's tally");
    }
    return rowOf(Screening.judgedSideQuestion(f, familySize, family[1][at]));
  }

  /** A row's labels as a figure with no counts: what its family is decided from. */
  private static Figure labelsOf(Row r) {
    return new Figure(
        r.getAs("measure"),
        r.getAs("assessment"),
        r.getAs("subject"),
        r.getAs("school"),
        r.getAs("group"),
        r.getAs("group_value"),
        r.getAs("academic_year"),
        r.getAs("term"),
        null,
        null,
        0);
  }

  /**
   * The figures as the export shows them: a suppressed figure with its labels and flags only, as in
   * {@code metrics.csv}.
   */
  public static Dataset<Row> publishable(Dataset<Row> figures) {
    Dataset<Row> shown = figures;
    for (String column : WITHHELD) {
      Column kept = when(col("suppressed"), lit(null)).otherwise(col(column));
      shown = shown.withColumn(column, kept.cast(SCHEMA.apply(column).dataType()));
    }
    return shown;
  }

  /**
   * The linked tables a query row's figures are screened in: all but its school, pupil group and
   * group value, since every group's table is suppressed with the others that share its all-pupil
   * figures.
   */
  private static String tableOf(Row r) {
    return String.join(
        "|",
        r.<String>getAs("assessment"),
        r.<String>getAs("scheme"),
        r.<String>getAs("academic_year"),
        r.<String>getAs("term"),
        r.<String>getAs("subject"));
  }

  private static Iterator<Row> screened(Iterator<Row> rows, SmallNumberRules rules) {
    List<Figure> figures = new ArrayList<>();
    while (rows.hasNext()) {
      figures.addAll(AttainmentMetrics.figuresOf(rows.next()));
    }
    // Secondary suppression settles ties by order: the same order as the run that makes packs.
    FigureSort.sort(figures);
    List<Row> out = new ArrayList<>(figures.size());
    for (Figure f : Screening.screenBeforeSelection(figures, rules)) {
      out.add(rowOf(f));
    }
    return out.iterator();
  }

  /** The figure a row of {@link #SCHEMA} holds (its judgement is not read back). */
  private static Figure figureOf(Row r) {
    FunnelBand band =
        r.isNullAt(r.fieldIndex("funnel_position"))
            ? null
            : new FunnelBand(
                r.getAs("funnel_target"),
                r.getAs("funnel_lower_95"),
                r.getAs("funnel_upper_95"),
                r.getAs("funnel_lower_998"),
                r.getAs("funnel_upper_998"),
                r.getAs("funnel_position"),
                r.getAs("funnel_method"));
    return new Figure(
        r.getAs("measure"),
        r.getAs("assessment"),
        r.getAs("subject"),
        r.getAs("school"),
        r.getAs("group"),
        r.getAs("group_value"),
        r.getAs("academic_year"),
        r.getAs("term"),
        r.getAs("numerator"),
        r.getAs("denominator"),
        r.<Double>getAs("value"),
        r.getAs("lower"),
        r.getAs("upper"),
        r.getAs("method"),
        r.getAs("p_value"),
        r.getAs("adjusted_p_value"),
        r.getAs("pupil_weight"),
        r.<Boolean>getAs("below_reporting_threshold"),
        r.<Boolean>getAs("suppressed"),
        null,
        band,
        r.getAs("scheme"));
  }

  private static Row rowOf(Figure f) {
    FunnelBand band = f.funnel();
    Judgement judgement = f.judgement();
    return RowFactory.create(
        f.measure(),
        f.assessment(),
        f.scheme(),
        f.subject(),
        f.school(),
        f.group(),
        f.groupValue(),
        f.academicYear(),
        f.term(),
        f.numerator(),
        f.denominator(),
        f.value(),
        f.lower(),
        f.upper(),
        f.method(),
        f.pValue(),
        f.adjustedPValue(),
        f.pupilWeight(),
        f.belowReportingThreshold(),
        f.suppressed(),
        f.adjustedPValue() == null ? null : f.selectedFinding(),
        judgement == null ? null : judgement.verdict().code(),
        judgement == null ? null : judgement.reason().code(),
        judgement == null ? null : judgement.family(),
        judgement == null ? null : judgement.familySize(),
        band == null ? null : band.target(),
        band == null ? null : band.lower95(),
        band == null ? null : band.upper95(),
        band == null ? null : band.lower998(),
        band == null ? null : band.upper998(),
        band == null ? null : band.position(),
        band == null ? null : band.method());
  }
}
