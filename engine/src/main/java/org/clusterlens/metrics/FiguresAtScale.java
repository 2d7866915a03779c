package org.clusterlens.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusterlens.model.Figure;
import org.clusterlens.model.FunnelBand;
import org.clusterlens.model.Judgement;
import org.clusterlens.stats.SmallNumberRules;

/**
 * The attainment figures of a local authority or a whole country, computed and screened on Spark's
 * executors so that none passes through this process: the same counts (each partition's pupils
 * counted from their {@link PupilTable} by {@link AttainmentMetrics}' own code, then added up),
 * intervals, pupil weights, reporting threshold, primary and secondary suppression and funnel
 * limits as {@link AttainmentMetrics#compute}, table by table (the linked tables of one assessment,
 * scheme, year, term and subject, every group's schools × values with the all-pupil figures they
 * share, are screened on one executor, as the whole run's figures would screen them).
 *
 * <p>What it leaves to the run that makes packs: the false-discovery control (its adjusted p-values
 * are left empty and no figure is a selected finding), and every figure other than attainment
 * (shifts, gaps, progress, context). Its figures are the rows of the tidy metrics export for the
 * attainment measures, with the same columns as {@code metrics.csv}.
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

  /** The labels of a cell of attainment counts. */
  private static final Column[] LABELS = {
    col("school"),
    col("academic_year"),
    col("term"),
    col("assessment"),
    col("scheme"),
    col("subject"),
    col("pupil_group"),
    col("group_value")
  };

  private FiguresAtScale() {}

  /**
   * The figures of every school and of all the schools pooled (school {@link Figure#CLUSTER}),
   * every term, assessment, subject and pupil group in {@code assessments} (rows with the
   * warehouse's schema), screened with {@code rules}. Lazy: nothing runs until the result is
   * written or counted. Suppressed figures keep their counts here, for checking; write {@link
   * #publishable} of it.
   *
   * @return rows of {@link #SCHEMA}; never null
   */
  public static Dataset<Row> compute(Dataset<Row> assessments, SmallNumberRules rules) {
    // Each pupil's rows in one partition, so a partition's pupil table stands alone (a pupil's
    // KS1 result is found wherever it was held); each partition's counts, added up over the
    // partitions, are the counts of all the pupils.
    Dataset<Row> pupils = SchemeColumns.filledIn(assessments).selectExpr(PupilTable.COLUMNS);
    int partitions =
        Math.max(
            pupils.rdd().getNumPartitions(),
            Integer.parseInt(
                assessments.sparkSession().conf().get("spark.sql.shuffle.partitions")));
    Dataset<Row> counts =
        pupils
            .repartition(partitions, col("upn"))
            .mapPartitions(
                (MapPartitionsFunction<Row, Row>)
                    rows -> AttainmentMetrics.countRows(PupilTable.of(rows)),
                Encoders.row(AttainmentMetrics.COUNTS))
            .groupBy(LABELS)
            .agg(
                sum("pupils").as("pupils"),
                sum("at_first").as("at_first"),
                sum("at_second").as("at_second"),
                sum("pupils_with_points").as("pupils_with_points"),
                sum("total_points").as("total_points"));
    int reporting = rules.reportingThreshold();
    int suppression = rules.suppressionThreshold();
    return counts
        .groupByKey((MapFunction<Row, String>) FiguresAtScale::tableOf, Encoders.STRING())
        .flatMapGroups(
            (FlatMapGroupsFunction<String, Row, Row>)
                (table, rows) -> screened(rows, new SmallNumberRules(reporting, suppression)),
            Encoders.row(SCHEMA));
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
    figures.sort(AttainmentMetrics.ORDER);
    List<Row> out = new ArrayList<>(figures.size());
    for (Figure f : Screening.screenBeforeSelection(figures, rules)) {
      out.add(rowOf(f));
    }
    return out.iterator();
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
