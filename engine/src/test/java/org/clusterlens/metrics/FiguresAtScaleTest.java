package org.clusterlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
 * funnel positions, shifts, gaps, pooled years and judgements.
 */
class FiguresAtScaleTest {

  private static final Set<String> ATTAINMENT =
      Set.of(Measures.PCT_LEVEL4_PLUS, Measures.PCT_LEVEL5_PLUS, Measures.AVERAGE_POINTS);

  @TempDir static Path warehouseDir;

  private static List<Figure> inDriver;
  private static List<Row> atScale;
  private static List<Row> published;

  @BeforeAll
  static void compute() {
    ScaleClusterGenerator generator =
        new ScaleClusterGenerator(ScaleSize.LOCAL_AUTHORITY.withSchools(6).withYears(2), 20261205L);
    Warehouse warehouse = new Warehouse(SharedSpark.session(), warehouseDir.toString());
    warehouse.loadGenerated(
        6, i -> generator.returnsOf(i).stream().map(GeneratedTermlyReturn::of).toList());
    Dataset<Row> rows = warehouse.assessments();
    inDriver = AttainmentMetrics.compute(rows, SmallNumberRules.DEFAULT);
    // Held, so the published view below is not computed again from the start.
    Dataset<Row> figures = FiguresAtScale.compute(rows, SmallNumberRules.DEFAULT).persist();
    atScale = figures.collectAsList();
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

  /** The figures made from a school's attainment shares, at scale as in the packs' run. */
  private static boolean derivedAtScale(Figure f) {
    return (f.measure().startsWith("shift_pct_")
            || f.measure().startsWith("gap_change_pct_")
            || PooledYears.isPooled(f.measure())
            || f.measure().startsWith("gap_pct_"))
        && !f.assessment().equals(Measures.TEACHER);
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

  @Test
  void everyShiftGapAndPooledFigureIsTheSameAsInTheRunThatMakesPacks() {
    Map<String, Row> byKey = new HashMap<>();
    atScale.forEach(r -> byKey.put(keyOf(r), r));
    List<Figure> expected = inDriver.stream().filter(FiguresAtScaleTest::derivedAtScale).toList();

    assertThat(expected)
        .extracting(Figure::measure)
        .contains(
            Measures.SHIFT_PCT_LEVEL4_PLUS,
            Measures.GAP_PCT_LEVEL5_PLUS,
            Measures.GAP_CHANGE_PCT_LEVEL4_PLUS,
            PooledYears.POOLED_PCT_LEVEL4_PLUS);
    assertThat(expected).filteredOn(Figure::suppressed).isNotEmpty();
    assertThat(expected).filteredOn(f -> f.funnel() != null).isNotEmpty();
    for (Figure f : expected) {
      Row r = byKey.get(keyOf(f));
      assertThat(r).as(keyOf(f)).isNotNull();
      assertThat(shown(r)).as(keyOf(f)).isEqualTo(shown(f));
    }
    assertThat(atScale.stream().filter(r -> !ATTAINMENT.contains(r.<String>getAs("measure"))))
        .hasSize(expected.size());
  }

  @Test
  void everyHeadlineFamilyAndEverySideQuestionIsJudgedAsInTheRunThatMakesPacks() {
    Map<String, Figure> reported = new HashMap<>();
    inDriver.forEach(f -> reported.put(keyOf(f), f));
    // The packs' run's own judgements of the questions made at scale, alone: its families lose
    // the questions not made at scale (value added, term shifts, gaps within year groups).
    List<Figure> madeAtScale = new ArrayList<>();
    for (Row r : atScale) {
      madeAtScale.add(reported.get(keyOf(r)));
    }
    Map<String, Figure> rejudged = new HashMap<>();
    Screening.selectFindings(madeAtScale, QuestionFamilies.headlineYear(inDriver))
        .forEach(f -> rejudged.put(keyOf(f), f));

    int funnel = 0;
    int headline = 0;
    int side = 0;
    for (Row r : atScale) {
      Figure packs = reported.get(keyOf(r));
      String family = r.getAs("family");
      if (family == null) {
        assertThat(packs.judgement()).as(keyOf(r)).isNull();
        continue;
      }
      assertThat(judgementOf(r)).as(keyOf(r)).isEqualTo(judgementOf(rejudged.get(keyOf(r))));
      if (family.startsWith("funnel:")) {
        // Every question of a funnel family is made at scale: the packs' judgement exactly.
        assertThat(judgementOf(r)).as(keyOf(r)).isEqualTo(judgementOf(packs));
        funnel++;
      } else if (family.equals(Judgement.EXPLORATORY)) {
        // A side question's verdict rests on its own test, whatever its family's size.
        assertThat(judgementOf(r).subList(2, 5))
            .as(keyOf(r))
            .isEqualTo(judgementOf(packs).subList(2, 5));
        side++;
      } else {
        assertThat(packs.judgement().family()).isEqualTo(family);
        headline++;
      }
    }
    assertThat(funnel).isGreaterThan(10);
    assertThat(headline).isGreaterThan(10);
    assertThat(side).isGreaterThan(1_000);
    assertThat(atScale)
        .filteredOn(
            r -> "strong".equals(r.getAs("judgement")) || "to_probe".equals(r.getAs("judgement")))
        .isNotEmpty();
  }
}
