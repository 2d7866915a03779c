package org.clusterlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.clusterlens.ingest.ReturnCase;
import org.clusterlens.ingest.ReturnCorpus;
import org.clusterlens.ingest.ReturnLimits;
import org.clusterlens.ingest.ReturnReader;
import org.clusterlens.metrics.AttainmentMetrics;
import org.clusterlens.metrics.Measures;
import org.clusterlens.model.Figure;
import org.clusterlens.stats.ConfidenceLevel;
import org.clusterlens.stats.Proportion;
import org.clusterlens.stats.ProportionDifference;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.SharedSpark;
import org.clusterlens.warehouse.StoreOutcome;
import org.clusterlens.warehouse.StoredReturn;
import org.clusterlens.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Returns through the Delta warehouse to figures, on one shared local SparkSession. */
class IngestAndMeasureTest {

  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    spark = SharedSpark.session();
  }

  private Warehouse warehouse() {
    return new Warehouse(spark, dir.resolve("warehouse").toString());
  }

  private static List<IngestRun.FileOutcome> ingest(Warehouse warehouse, String fixtureFolder) {
    return new IngestRun(Fixtures.cluster(), () -> warehouse)
        .run(
            List.of(Fixtures.path("cluster/" + fixtureFolder)), Optional.empty(), Optional.empty());
  }

  private static Figure figure(
      List<Figure> figures, String measure, String assessment, String subject, String school) {
    return figures.stream()
        .filter(f -> f.measure().equals(measure))
        .filter(f -> f.assessment().equals(assessment))
        .filter(f -> f.subject().equals(subject))
        .filter(f -> f.school().equals(school))
        .filter(f -> f.group().equals(Figure.ALL))
        .filter(f -> f.academicYear().equals("2024-25"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No " + measure + " " + subject + " " + school));
  }

  @Test
  void handCountedKeyStageTwoFiguresMatchTheEngine() {
    Warehouse warehouse = warehouse();
    ingest(warehouse, "year6-2024-25");

    List<Figure> figures = AttainmentMetrics.compute(warehouse.assessments());

    // Reading: pupil 9 was absent, so 9 pupils count; 7 reached Level 4, 2 reached Level 5.
    Figure readingL4 = figure(figures, Measures.PCT_LEVEL4_PLUS, "ks2", "reading", "100001");
    assertThat(readingL4.numerator()).isEqualTo(7.0);
    assertThat(readingL4.denominator()).isEqualTo(9L);
    assertThat(readingL4.value()).isCloseTo(77.78, within(0.01));
    assertThat(figure(figures, Measures.PCT_LEVEL5_PLUS, "ks2", "reading", "100001").numerator())
        .isEqualTo(2.0);
    assertThat(figure(figures, Measures.PCT_LEVEL4_PLUS, "ks2", "writing", "100001").value())
        .isEqualTo(70.0);
    // Reading, writing and maths combined: 5 of the 9 with all three counted reached Level 4 in
    // all.
    Figure rwm = figure(figures, Measures.PCT_LEVEL4_PLUS, "ks2", Figure.RWM, "100001");
    assertThat(rwm.numerator()).isEqualTo(5.0);
    assertThat(rwm.denominator()).isEqualTo(9L);
    assertThat(figure(figures, Measures.PCT_LEVEL5_PLUS, "ks2", Figure.RWM, "100001").numerator())
        .isEqualTo(1.0);
    // Average points in reading: 237 points over 9 pupils.
    assertThat(figure(figures, Measures.AVERAGE_POINTS, "ks2", "reading", "100001").value())
        .isCloseTo(237.0 / 9, within(1e-9));
    // One school alone: the cluster pooled at pupil level is the same. Nine pupils is a small
    // cohort, so the interval is exact (Clopper–Pearson); 21.20%–86.30% was worked independently by
    // bisection on the binomial distribution.
    assertThat(figure(figures, Measures.PCT_LEVEL4_PLUS, "ks2", Figure.RWM, Figure.CLUSTER))
        .usingRecursiveComparison()
        .ignoringFields("lower", "upper")
        .isEqualTo(
            new Figure(
                    Measures.PCT_LEVEL4_PLUS,
                    "ks2",
                    Figure.RWM,
                    Figure.CLUSTER,
                    Figure.ALL,
                    Figure.ALL,
                    "2024-25",
                    "summer",
                    5.0,
                    9L,
                    500.0 / 9,
                    0.0,
                    0.0,
                    "Clopper–Pearson exact, 95%",
                    null,
                    null)
                // One pupil of nine is worth 11.1 points, and nine is below the reporting
                // threshold of 11: no comparison or flag may rest on it.
                .withPupilWeight(100.0 / 9)
                .asBelowReportingThreshold());
    assertThat(rwm.lower()).isCloseTo(21.2009, within(1e-3));
    assertThat(rwm.upper()).isCloseTo(86.3004, within(1e-3));
    // Teacher assessment by year group: all ten are in Year 6; in reading all but the pupils at 3b
    // and 3c are at 4c or above, so 8 of 10.
    assertThat(figures)
        .filteredOn(f -> f.assessment().equals("teacher") && f.group().equals("year_group"))
        .filteredOn(f -> f.measure().equals(Measures.PCT_LEVEL4_PLUS))
        .filteredOn(f -> f.subject().equals("reading") && f.school().equals("100001"))
        .singleElement()
        .satisfies(f -> assertThat(f.groupValue()).isEqualTo("6"))
        .satisfies(f -> assertThat(f.denominator()).isEqualTo(10L))
        .satisfies(f -> assertThat(f.numerator()).isEqualTo(8.0));
  }

  @Test
  void theYearOnYearShiftIsTheChangeInPercentagePoints() {
    Warehouse warehouse = warehouse();
    ingest(warehouse, "year6-2023-24");
    ingest(warehouse, "year6-2024-25");

    List<Figure> figures = AttainmentMetrics.compute(warehouse.assessments());

    // RWM Level 4+: 4 of 10 (40%) in 2023-24, 5 of 9 (55.6%) in 2024-25.
    Figure shift = figure(figures, Measures.SHIFT_PCT_LEVEL4_PLUS, "ks2", Figure.RWM, "100001");
    assertThat(shift.value()).isCloseTo(500.0 / 9 - 40.0, within(1e-9));
    assertThat(shift.numerator()).isNull();
    // Two cohorts of ten: a rise of 16 points is well within what chance alone could produce.
    ProportionDifference expected =
        ProportionDifference.newcombe(
            new Proportion(4, 10), new Proportion(5, 9), ConfidenceLevel.NINETY_FIVE);
    assertThat(shift.lower()).isCloseTo(100 * expected.interval().lower(), within(1e-9));
    assertThat(shift.upper()).isCloseTo(100 * expected.interval().upper(), within(1e-9));
    assertThat(shift.lower()).isNegative();
    assertThat(shift.method()).isEqualTo("Newcombe hybrid score, 95%");
    // Reading Level 5+: nobody in 2023-24, 2 of 9 in 2024-25.
    assertThat(figure(figures, Measures.SHIFT_PCT_LEVEL5_PLUS, "ks2", "reading", "100001").value())
        .isCloseTo(200.0 / 9, within(1e-9));
  }

  @Test
  void anAcceptedCorrectionReplacesTheEarlierReturn() {
    Warehouse warehouse = warehouse();
    ingest(warehouse, "year6-2024-25");

    List<IngestRun.FileOutcome> outcomes = ingest(warehouse, "corrected");

    assertThat(outcomes.get(0).stored().orElseThrow().action())
        .isEqualTo(StoreOutcome.Action.REPLACED);
    List<Figure> figures = AttainmentMetrics.compute(warehouse.assessments());
    Figure rwm = figure(figures, Measures.PCT_LEVEL4_PLUS, "ks2", Figure.RWM, "100001");
    assertThat(rwm.numerator()).isEqualTo(6.0);
    assertThat(rwm.denominator()).isEqualTo(9L);
    assertThat(warehouse.assessments().select("upn").distinct().count()).isEqualTo(10);
    List<StoredReturn> held = warehouse.currentReturns();
    assertThat(held).singleElement().satisfies(r -> assertThat(r.version()).isEqualTo(1L));
  }

  @Test
  void restoringAnEarlierVersionBringsBackTheOriginalReturnAsANewVersion() {
    Warehouse warehouse = warehouse();
    String original = ingest(warehouse, "year6-2024-25").get(0).check().identity().sha256();
    ingest(warehouse, "corrected");

    long version = warehouse.restoreSchoolTerm("100001", "2024-25-summer", 0);

    assertThat(version).isEqualTo(2L);
    Figure rwm =
        figure(
            AttainmentMetrics.compute(warehouse.assessments()),
            Measures.PCT_LEVEL4_PLUS,
            "ks2",
            Figure.RWM,
            "100001");
    assertThat(rwm.numerator()).isEqualTo(5.0);
    assertThat(warehouse.currentReturns())
        .singleElement()
        .satisfies(r -> assertThat(r.sha256()).isEqualTo(original))
        .satisfies(r -> assertThat(r.version()).isEqualTo(2L));
    assertThat(warehouse.history()).hasSize(3);
  }

  @Test
  void restoringAVersionThatNeverExistedSaysWhichDo() {
    Warehouse warehouse = warehouse();
    ingest(warehouse, "year6-2024-25");

    assertThatThrownBy(() -> warehouse.restoreSchoolTerm("100001", "2024-25-summer", 7))
        .hasMessage("The warehouse has versions 0 to 0; there is no version 7");
    assertThatThrownBy(() -> warehouse.restoreSchoolTerm("100002", "2024-25-summer", 0))
        .hasMessage("Version 0 held no return for school 100002 in 2024-25-summer");
  }

  @Test
  void handingInTheSameFileAgainChangesNothing() throws IOException {
    Warehouse warehouse = warehouse();
    ingest(warehouse, "year6-2024-25");
    Map<String, String> before = checksums(dir.resolve("warehouse"));

    List<IngestRun.FileOutcome> again = ingest(warehouse, "year6-2024-25");

    assertThat(again.get(0).stored().orElseThrow().action())
        .isEqualTo(StoreOutcome.Action.UNCHANGED);
    assertThat(checksums(dir.resolve("warehouse"))).isEqualTo(before);
  }

  @Test
  void aRejectedReturnLeavesTheWarehouseExactlyAsItWas() throws IOException {
    Warehouse warehouse = warehouse();
    ingest(warehouse, "year6-2024-25");
    Map<String, String> before = checksums(dir.resolve("warehouse"));

    List<IngestRun.FileOutcome> outcomes = ingest(warehouse, "bad");

    assertThat(outcomes.get(0).check().accepted()).isFalse();
    assertThat(outcomes.get(0).stored()).isEmpty();
    assertThat(checksums(dir.resolve("warehouse"))).isEqualTo(before);
    assertThat(warehouse.history()).hasSize(1);
  }

  @Test
  void everyRejectedReturnInTheCorpusLeavesTheWarehouseByteForByteUnchanged() throws IOException {
    Warehouse warehouse = warehouse();
    ingest(warehouse, "year6-2024-25");
    Map<String, String> before = checksums(dir.resolve("warehouse"));
    IngestRun run = new IngestRun(Fixtures.cluster(), () -> warehouse);
    List<ReturnCase> rejected =
        ReturnCorpus.rejected().stream()
            .filter(c -> c.limits().equals(ReturnLimits.DEFAULT))
            .toList();
    assertThat(rejected).hasSizeGreaterThan(25);

    for (ReturnCase c : rejected) {
      List<IngestRun.FileOutcome> outcomes =
          run.run(List.of(c.path()), Optional.of(c.school()), Optional.of(c.term()));

      assertThat(outcomes).as(c.id()).singleElement();
      assertThat(outcomes.get(0).stored()).as(c.id()).isEmpty();
      assertThat(checksums(dir.resolve("warehouse"))).as(c.id()).isEqualTo(before);
    }
  }

  @Test
  void twoFilesForOneSchoolTermAreBothRejectedAndNothingIsStored() throws IOException {
    Path good = Fixtures.path("cluster/year6-2024-25/2024-25/summer/100001.csv");
    for (String copy : List.of("first", "second")) {
      Path target = dir.resolve(copy + "/2024-25/summer/100001.csv");
      Files.createDirectories(target.getParent());
      Files.copy(good, target);
    }
    Warehouse warehouse = warehouse();

    List<IngestRun.FileOutcome> outcomes =
        new IngestRun(Fixtures.cluster(), () -> warehouse)
            .run(
                List.of(dir.resolve("first"), dir.resolve("second")),
                Optional.empty(),
                Optional.empty());

    assertThat(outcomes)
        .hasSize(2)
        .allSatisfy(o -> assertThat(o.stored()).isEmpty())
        .allSatisfy(
            o ->
                assertThat(o.check().errors())
                    .extracting(p -> p.problem())
                    .containsExactly(
                        "is one of 2 files for school 100001 in 2024-25-summer (100001.csv,"
                            + " 100001.csv)"));
    assertThat(warehouse.isEmpty()).isTrue();
  }

  /** Every file under the folder with its SHA-256, to compare a warehouse byte for byte. */
  private static Map<String, String> checksums(Path root) throws IOException {
    Map<String, String> sums = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        sums.put(root.relativize(f).toString(), ReturnReader.sha256(Files.readAllBytes(f)));
      }
    }
    return sums;
  }

  @Test
  void aPupilOnTwoSchoolsReturnsInOneTermIsAWarningAndBothReturnsAreStored() throws IOException {
    Path first = dir.resolve("first/2024-25/summer/100001.csv");
    Files.createDirectories(first.getParent());
    Files.copy(Fixtures.path("cluster/year6-2024-25/2024-25/summer/100001.csv"), first);
    Path second = dir.resolve("second/2024-25/summer/100002.csv");
    Files.createDirectories(second.getParent());
    Files.writeString(
        second,
        "UPN,Date of birth,Gender,Year group,FSM,Disadvantaged,SEN,EAL,Reading,Writing,Maths\n"
            + "B850210011599,05/12/2013,M,6,N,Y,N,N,4c,3a,4b\n"
            + "W850210011501,14/09/2013,F,6,N,N,N,N,5b,5c,5b\n");
    Warehouse warehouse = warehouse();
    ingest(warehouse, dir.resolve("first"));

    List<IngestRun.FileOutcome> later =
        new IngestRun(Fixtures.cluster(), () -> warehouse)
            .withFeedback(dir.resolve("feedback"))
            .run(List.of(dir.resolve("second")), Optional.empty(), Optional.empty());

    String warning =
        "100002.csv, row 3, column 'UPN': 'W850210011501' is also listed by school 100001 in"
            + " 2024-25-summer, so the pupil may have moved school. If the pupil moved, nothing needs"
            + " changing (both returns are kept); if not, check the UPN against the MIS.";
    assertThat(later).singleElement().satisfies(o -> assertThat(o.stored()).isPresent());
    assertThat(later.get(0).check().warnings())
        .extracting(p -> p.sentence())
        .containsExactly(warning);
    assertThat(later.get(0).check().summary()).endsWith("accepted, 2 pupils, 1 warning(s)");
    assertThat(Files.readString(later.get(0).feedback().get(0)))
        .contains("Warnings (the return was still accepted)")
        .contains("is also listed by school 100001 in 2024-25-summer");
    assertThat(warehouse.currentReturns())
        .extracting(StoredReturn::schoolUrn)
        .containsExactly("100001", "100002");

    // Handed in together to an empty warehouse, each return warns about the other.
    Warehouse fresh = new Warehouse(spark, dir.resolve("fresh").toString());
    List<IngestRun.FileOutcome> together =
        new IngestRun(Fixtures.cluster(), () -> fresh)
            .run(
                List.of(dir.resolve("first"), dir.resolve("second")),
                Optional.empty(),
                Optional.empty());
    assertThat(together).allSatisfy(o -> assertThat(o.check().accepted()).isTrue());
    assertThat(together.get(0).check().warnings())
        .extracting(p -> p.sentence())
        .containsExactly(
            "100001.csv, row 2, column 'UPN': 'W850210011501' is also listed by school 100002 in"
                + " 2024-25-summer, so the pupil may have moved school. If the pupil moved, nothing needs"
                + " changing (both returns are kept); if not, check the UPN against the MIS.");
    assertThat(together.get(1).check().warnings())
        .extracting(p -> p.sentence())
        .containsExactly(warning);
  }

  @Test
  void aReturnMadeFromTheTemplateSaysItsOwnSchoolAndTerm() throws IOException {
    Path file = dir.resolve("beacon autumn return.xlsx");
    try (var wb =
            org.clusterlens.report.excel.ReturnTemplate.render(
                Fixtures.cluster().school("100002").orElseThrow(),
                org.clusterlens.model.Term.parse("2024-25-autumn"));
        var out = Files.newOutputStream(file)) {
      var pupils = wb.getSheet(org.clusterlens.report.excel.ReturnTemplate.PUPILS_SHEET);
      String[] cells = "W850210011501,,,2013-09-14,F,6,N,N,N,N,,,5b,5c,5b".split(",", -1);
      var row = pupils.createRow(1);
      for (int c = 0; c < cells.length; c++) {
        row.createCell(c).setCellValue(cells[c]);
      }
      wb.write(out);
    }

    List<IngestRun.FileOutcome> outcomes =
        new IngestRun(Fixtures.cluster(), this::warehouse)
            .run(List.of(file), Optional.empty(), Optional.empty());

    assertThat(outcomes.get(0).check().summary())
        .isEqualTo("100002 2024-25-autumn beacon autumn return.xlsx: accepted, 1 pupils");
    List<IngestRun.FileOutcome> wrongTerm =
        new IngestRun(Fixtures.cluster(), this::warehouse)
            .run(
                List.of(file),
                Optional.empty(),
                Optional.of(org.clusterlens.model.Term.parse("2024-25-spring")));
    assertThat(wrongTerm.get(0).check().errors())
        .extracting(p -> p.sentence())
        .containsExactly(
            "beacon autumn return.xlsx: the term given on the command line (2024-25-spring)"
                + " differs from the term named in the 'About this return' sheet (2024-25-autumn)."
                + " Make the two agree: correct the wrong one, or move the file.");
  }

  private static List<IngestRun.FileOutcome> ingest(Warehouse warehouse, Path folder) {
    return new IngestRun(Fixtures.cluster(), () -> warehouse)
        .run(List.of(folder), Optional.empty(), Optional.empty());
  }
}
