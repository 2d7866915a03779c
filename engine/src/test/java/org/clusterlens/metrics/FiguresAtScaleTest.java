package org.clusterlens.metrics;

import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.clusterlens.generate.GeneratedTermlyReturn;
import org.clusterlens.generate.ScaleClusterGenerator;
import org.clusterlens.generate.ScaleSize;
import org.clusterlens.model.Figure;
import org.clusterlens.model.FunnelBand;
import org.clusterlens.model.Judgement;
import org.clusterlens.stats.SmallNumberRules;
import org.clusterlens.testing.SharedSpark;
import org.clusterlens.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures made on the executors, table by table and school by school, are the figures the run that
 * makes packs makes from the same pupils: same counts, intervals, pupil weights, suppression,
 * funnel positions, shifts (KS2 and term), gaps (within year groups, in average points), pooled
 * years, progress, value added and judgements, in families of the same size; only context,
 * not-known counts and cohort make-up are the packs' run's alone.
 */
class FiguresAtScaleTest {

  private static final Set<String> ATTAINMENT =
      Set.of(Measures.PCT_LEVEL4_PLUS, Measures.PCT_LEVEL5_PLUS, Measures.AVERAGE_POINTS);

  @TempDir static Path warehouseDir;

  private static List<Figure> inDriver;
  private static List<Row> atScale;
  private static List<Row> inOnePartition;
  private static List<Row> published;

  @BeforeAll
  static void compute() {
    ScaleClusterGenerator generator =
        new ScaleClusterGenerator(ScaleSize.LOCAL_AUTHORITY.withSchools(6).withYears(2), 20261205L);
    Warehouse warehouse = new Warehouse(SharedSpark.session(), warehouseDir.toString());
    warehouse.loadGenerated(
        6, i -> generator.returnsOf(i).stream().map(GeneratedTermlyReturn::of).toList());
    Dataset<Row> generated = warehouse.assessments();
    // A generated LA covers at most three years, so no KS2 pupil's KS1 result is held: each KS2
    // pupil is given one on the same return (as a return may carry it), one to three levels below
    // the KS2 level, so expected progress and value added are made too.
    Dataset<Row> ks1 =
        generated
            .filter("assessment = 'ks2' AND level IS NOT NULL")
            .withColumn("assessment", lit(Measures.KS1))
            .withColumn("level", expr("greatest(1, level - 1 - pmod(hash(upn, subject), 3))"))
            .withColumn("points", expr("CAST(level * 6 + 3 AS DOUBLE)"))
            .withColumn("standard", lit(null).cast(DataTypes.IntegerType));
    Dataset<Row> rows = generated.unionByName(ks1);
    inDriver = AttainmentMetrics.compute(rows, SmallNumberRules.DEFAULT);
    // Counted in seven tables of pupils, each on its own, and in one; held, so the published view
    // below is not computed again from the start.
    Dataset<Row> pupils = SchemeColumns.filledIn(rows).selectExpr(PupilTable.COLUMNS);
    Dataset<Row> figures = FiguresAtScale.compute(pupils, SmallNumberRules.DEFAULT, 7).persist();
    atScale = figures.collectAsList();
    inOnePartition = FiguresAtScale.compute(pupils, SmallNumberRules.DEFAULT, 1).collectAsList();
    published = FiguresAtScale.publishable(figures).collectAsList();
  }

  private static String key(
      Object measure,
      Object assessment,
      Object subject,
      Object school,
      Object group,
      Object value,
      Object year,
      Object term) {
    return String.join(
        "|",
        String.valueOf(measure),
        String.valueOf(assessment),
        String.valueOf(subject),
        String.valueOf(school),
        String.valueOf(group),
        String.valueOf(value),
        String.valueOf(year),
        String.valueOf(term));
  }

  private static String keyOf(Figure f) {
    return key(
        f.measure(),
        f.assessment(),
        f.subject(),
        f.school(),
        f.group(),
        f.groupValue(),
        f.academicYear(),
        f.term());
  }

  private static String keyOf(Row r) {
    return key(
        r.getAs("measure"),
        r.getAs("assessment"),
        r.getAs("subject"),
        r.getAs("school"),
        r.getAs("group"),
        r.getAs("group_value"),
        r.getAs("academic_year"),
        r.getAs("term"));
  }

  @Test
  void everyAttainmentFigureIsTheSameAsInTheRunThatMakesPacks() {
    Map<String, Row> byKey = new HashMap<>();
    atScale.stream()
        .filter(r -> ATTAINMENT.contains(r.<String>getAs("measure")))
        .forEach(r -> byKey.put(keyOf(r), r));
    List<Figure> expected =
        inDriver.stream().filter(f -> ATTAINMENT.contains(f.measure())).toList();

    assertThat(expected).hasSizeGreaterThan(1_000);
    assertThat(byKey).hasSize(expected.size());
    for (Figure f : expected) {
      Row r = byKey.get(keyOf(f));
      assertThat(r).as(keyOf(f)).isNotNull();
      FunnelBand band = f.funnel();
      assertThat(
              List.of(
                  String.valueOf(r.<Double>getAs("numerator")),
                  String.valueOf(r.<Long>getAs("denominator")),
                  String.valueOf(r.<Double>getAs("value")),
                  String.valueOf(r.<Double>getAs("lower")),
                  String.valueOf(r.<Double>getAs("upper")),
                  String.valueOf(r.<String>getAs("method")),
                  String.valueOf(r.<Double>getAs("p_value")),
                  String.valueOf(r.<Double>getAs("pupil_weight")),
                  String.valueOf(r.<Boolean>getAs("below_reporting_threshold")),
                  String.valueOf(r.<Boolean>getAs("suppressed")),
                  String.valueOf(r.<Double>getAs("funnel_lower_95")),
                  String.valueOf(r.<Double>getAs("funnel_upper_998")),
                  String.valueOf(r.<String>getAs("funnel_position")),
                  String.valueOf(r.<String>getAs("funnel_method"))))
          .as(keyOf(f))
          .containsExactly(
              String.valueOf(f.numerator()),
              String.valueOf(f.denominator()),
              String.valueOf(f.value()),
              String.valueOf(f.lower()),
              String.valueOf(f.upper()),
              String.valueOf(f.method()),
              String.valueOf(f.pValue()),
              String.valueOf(f.pupilWeight()),
              String.valueOf(f.belowReportingThreshold()),
              String.valueOf(f.suppressed()),
              String.valueOf(band == null ? null : band.lower95()),
              String.valueOf(band == null ? null : band.upper998()),
              String.valueOf(band == null ? null : band.position()),
              String.valueOf(band == null ? null : band.method()));
    }
  }

  @Test
  void figuresCountedInSevenPartitionsAreTheOnePartitionsToTheLastDigit() {
    Map<String, Row> whole = new HashMap<>();
    inOnePartition.forEach(r -> whole.put(keyOf(r), r));

    assertThat(whole).hasSize(inOnePartition.size());
    assertThat(atScale).hasSize(inOnePartition.size());
    // Value added (a mean of KS2 points less a band's mean, a fraction) is among them.
    assertThat(atScale)
        .filteredOn(
            r ->
                Measures.VALUE_ADDED.equals(r.getAs("measure"))
                    && r.<Double>getAs("value") != null
                    && r.<Double>getAs("value") != Math.rint(r.<Double>getAs("value")))
        .hasSizeGreaterThan(50);
    for (Row r : atScale) {
      Row one = whole.get(keyOf(r));
      assertThat(one).as(keyOf(r)).isNotNull();
      // Every column, doubles compared by their exact text.
      assertThat(r.toString()).as(keyOf(r)).isEqualTo(one.toString());
    }
  }

  @Test
  void theCountsOfBothKindsOfSuppressionAndTheFunnelsAreReallyExercised() {
    assertThat(atScale).filteredOn(r -> r.<Boolean>getAs("suppressed")).hasSizeGreaterThan(100);
    // Some suppressed cells are shown counts of six or more: secondary suppression.
    assertThat(atScale)
        .filteredOn(
            r ->
                r.<Boolean>getAs("suppressed")
                    && ATTAINMENT.contains(r.<String>getAs("measure"))
                    && r.<Long>getAs("denominator") >= 6)
        .isNotEmpty();
    assertThat(atScale).filteredOn(r -> r.getAs("funnel_position") != null).hasSizeGreaterThan(100);
  }

  @Test
  void aSuppressedFigureIsPublishedWithItsLabelsAndFlagsOnly() {
    List<Row> suppressed = published.stream().filter(r -> r.<Boolean>getAs("suppressed")).toList();
    assertThat(suppressed).isNotEmpty();
    for (Row r : suppressed) {
      assertThat(List.of("numerator", "denominator", "value", "lower", "pupil_weight", "p_value"))
          .as(keyOf(r))
          .allSatisfy(column -> assertThat(r.<Object>getAs(column)).isNull());
      assertThat(r.<String>getAs("school")).isNotNull();
    }
    assertThat(published)
        .filteredOn(
            r -> !r.<Boolean>getAs("suppressed") && ATTAINMENT.contains(r.<String>getAs("measure")))
        .allSatisfy(r -> assertThat(r.<Long>getAs("denominator")).isNotNull());
  }

  private static List<String> shown(Row r) {
    return Arrays.asList(
        String.valueOf(r.<Double>getAs("numerator")),
        String.valueOf(r.<Long>getAs("denominator")),
        String.valueOf(r.<Double>getAs("value")),
        String.valueOf(r.<Double>getAs("lower")),
        String.valueOf(r.<Double>getAs("upper")),
        String.valueOf(r.<String>getAs("method")),
        String.valueOf(r.<Double>getAs("p_value")),
        String.valueOf(r.<Double>getAs("pupil_weight")),
        String.valueOf(r.<Boolean>getAs("below_reporting_threshold")),
        String.valueOf(r.<Boolean>getAs("suppressed")),
        String.valueOf(r.<String>getAs("funnel_position")),
        String.valueOf(r.<Double>getAs("funnel_lower_95")));
  }

  private static List<String> shown(Figure f) {
    FunnelBand band = f.funnel();
    return Arrays.asList(
        String.valueOf(f.numerator()),
        String.valueOf(f.denominator()),
        String.valueOf(f.value()),
        String.valueOf(f.lower()),
        String.valueOf(f.upper()),
        String.valueOf(f.method()),
        String.valueOf(f.pValue()),
        String.valueOf(f.pupilWeight()),
        String.valueOf(f.belowReportingThreshold()),
        String.valueOf(f.suppressed()),
        String.valueOf(band == null ? null : band.position()),
        String.valueOf(band == null ? null : band.lower95()));
  }

  private static List<String> judgementOf(Row r) {
    return Arrays.asList(
        String.valueOf(r.<Double>getAs("adjusted_p_value")),
        String.valueOf(r.<Boolean>getAs("selected_finding")),
        String.valueOf(r.<String>getAs("judgement")),
        String.valueOf(r.<String>getAs("judgement_reason")),
        String.valueOf(r.<String>getAs("family")),
        String.valueOf(r.<Integer>getAs("family_size")));
  }

  private static List<String> judgementOf(Figure f) {
    Judgement j = f.judgement();
    return Arrays.asList(
        String.valueOf(f.adjustedPValue()),
        String.valueOf(f.adjustedPValue() == null ? null : f.selectedFinding()),
        String.valueOf(j == null ? null : j.verdict().code()),
        String.valueOf(j == null ? null : j.reason().code()),
        String.valueOf(j == null ? null : j.family()),
        String.valueOf(j == null ? null : j.familySize()));
  }

  /**
   * What only the run that makes packs makes, on purpose: context figures, the counts of pupils
   * whose characteristic is not known, and the cohort's make-up beside a shift (which describe the
   * returns and each cohort, and are not tested).
   */
  private static boolean packsOnly(Figure f) {
    return f.assessment().equals(Measures.CONTEXT)
        || f.measure().equals(Measures.PUPILS_NOT_KNOWN)
        || f.measure().startsWith("cohort_change_");
  }

  @Test
  void everyFigureOfTheRunThatMakesPacksIsMadeAtScaleTheSame() {
    Map<String, Row> byKey = new HashMap<>();
    atScale.forEach(r -> byKey.put(keyOf(r), r));
    List<Figure> expected = inDriver.stream().filter(f -> !packsOnly(f)).toList();

    assertThat(expected)
        .extracting(Figure::measure)
        .contains(
            Measures.SHIFT_PCT_LEVEL4_PLUS,
            Measures.GAP_PCT_LEVEL5_PLUS,
            Measures.GAP_CHANGE_PCT_LEVEL4_PLUS,
            PooledYears.POOLED_PCT_LEVEL4_PLUS,
            Measures.TERM_SHIFT_PCT_LEVEL4_PLUS,
            Measures.TERM_SHIFT_PCT_LEVEL5_PLUS,
            Measures.GAP_AVERAGE_POINTS,
            Measures.PROGRESS_POINTS_TERM,
            Measures.PROGRESS_POINTS_YEAR,
            Measures.PCT_EXPECTED_PROGRESS,
            Measures.VALUE_ADDED);
    // Gaps within year groups of teacher assessment, and paired term shifts, are there.
    assertThat(expected)
        .filteredOn(
            f ->
                f.assessment().equals(Measures.TEACHER)
                    && f.measure().equals(Measures.GAP_PCT_LEVEL4_PLUS)
                    && f.method() != null
                    && f.method().startsWith("Mantel"))
        .isNotEmpty();
    assertThat(expected)
        .filteredOn(f -> f.method() != null && f.method().contains("pupils assessed in both terms"))
        .isNotEmpty();
    assertThat(expected).filteredOn(Figure::suppressed).isNotEmpty();
    assertThat(expected).filteredOn(f -> f.funnel() != null).isNotEmpty();
    assertThat(expected)
        .filteredOn(f -> f.measure().equals(Measures.PCT_EXPECTED_PROGRESS) && f.funnel() != null)
        .isNotEmpty();
    for (Figure f : expected) {
      Row r = byKey.get(keyOf(f));
      assertThat(r).as("made at scale: " + keyOf(f)).isNotNull();
      assertThat(shown(r)).as(keyOf(f)).isEqualTo(shown(f));
    }
    assertThat(atScale).hasSize(expected.size());
  }

  @Test
  void everyQuestionIsJudgedInTheSameFamilyOfTheSameSizeAsInTheRunThatMakesPacks() {
    Map<String, Figure> reported = new HashMap<>();
    inDriver.forEach(f -> reported.put(keyOf(f), f));

    int funnel = 0;
    int school = 0;
    int cluster = 0;
    int side = 0;
    for (Row r : atScale) {
      Figure packs = reported.get(keyOf(r));
      assertThat(packs).as("in the packs' run: " + keyOf(r)).isNotNull();
      assertThat(judgementOf(r)).as(keyOf(r)).isEqualTo(judgementOf(packs));
      String family = r.getAs("family");
      if (family == null) {
        continue;
      }
      if (family.startsWith("funnel:")) {
        funnel++;
      } else if (family.startsWith("school:")) {
        school++;
      } else if (family.startsWith("cluster:")) {
        cluster++;
      } else {
        side++;
      }
    }
    assertThat(funnel).isGreaterThan(10);
    assertThat(school).isGreaterThan(10);
    assertThat(cluster).isGreaterThan(5);
    assertThat(side).isGreaterThan(1_000);
    // Value added is a question of each school's headline family.
    assertThat(atScale)
        .filteredOn(
            r ->
                Measures.VALUE_ADDED.equals(r.getAs("measure"))
                    && String.valueOf(r.<String>getAs("family")).startsWith("school:"))
        .isNotEmpty();
    assertThat(atScale)
        .filteredOn(
            r -> "strong".equals(r.getAs("judgement")) || "to_probe".equals(r.getAs("judgement")))
        .isNotEmpty();
  }
}
