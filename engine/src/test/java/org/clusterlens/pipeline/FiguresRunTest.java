package org.clusterlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusterlens.generate.GeneratedTermlyReturn;
import org.clusterlens.generate.ScaleClusterGenerator;
import org.clusterlens.generate.ScaleSize;
import org.clusterlens.report.MetricsCsv;
import org.clusterlens.testing.SharedSpark;
import org.clusterlens.warehouse.FiguresExport;
import org.clusterlens.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an LA analyst gets from {@code clusterlens figures}: the export, readable and safe. */
class FiguresRunTest {

  @TempDir static Path dir;

  private static Warehouse warehouse;

  @BeforeAll
  static void fill() {
    ScaleClusterGenerator generator =
        new ScaleClusterGenerator(ScaleSize.LOCAL_AUTHORITY.withSchools(4).withYears(2), 7L);
    warehouse = new Warehouse(SharedSpark.session(), dir.resolve("warehouse").toString());
    warehouse.loadGenerated(
        4, i -> generator.returnsOf(i).stream().map(GeneratedTermlyReturn::of).toList());
  }

  @Test
  void theCsvExportHasMetricsCsvsColumnsAPartitionPerTermAndANoteOfItsSource() throws Exception {
    Path out = dir.resolve("figures-csv");
    FiguresRun.Outcome outcome =
        FiguresRun.run(warehouse, out.toString(), FiguresExport.Format.CSV);

    SparkSession spark = SharedSpark.session();
    Dataset<Row> back = spark.read().option("header", "true").csv(out.toString());
    assertThat(back.columns()).containsExactlyInAnyOrderElementsOf(MetricsCsv.HEADER);
    assertThat(back.count()).isEqualTo(outcome.figures()).isGreaterThan(1_000);
    try (Stream<Path> terms = Files.list(out.resolve("academic_year=2024-25"))) {
      assertThat(terms.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("term=autumn", "term=spring", "term=summer");
    }
    assertThat(Files.readString(out.resolve(FiguresExport.ABOUT)))
        .contains("from warehouse version " + outcome.warehouseVersion())
        .contains("false-discovery control")
        .contains("paired term shifts of teacher assessment")
        .contains("progress and\nvalue added;")
        .contains("Not here, on purpose: context figures");
  }

  @Test
  void rowsMoreThanOneTaskHoldsLeaveOutTheFiguresMadeFromEveryPupilAndTheExportSaysSo()
      throws Exception {
    Path whole = dir.resolve("figures-whole");
    Path partial = dir.resolve("figures-partial");
    FiguresRun.Outcome everything =
        FiguresRun.run(warehouse, whole.toString(), FiguresExport.Format.CSV, Long.MAX_VALUE);
    FiguresRun.Outcome attainment =
        FiguresRun.run(warehouse, partial.toString(), FiguresExport.Format.CSV, 1_000);

    assertThat(everything.fromEveryPupil()).isTrue();
    assertThat(attainment.fromEveryPupil()).isFalse();
    SparkSession spark = SharedSpark.session();
    Dataset<Row> all = spark.read().option("header", "true").csv(whole.toString());
    Dataset<Row> some = spark.read().option("header", "true").csv(partial.toString());
    String fromEveryPupil = "measure LIKE 'progress%' OR measure LIKE '%term_shift%'";
    assertThat(all.where(fromEveryPupil).count()).isPositive();
    assertThat(some.where(fromEveryPupil).count()).isZero();
    // The attainment figures, their intervals and their suppression are the same either way.
    String attainmentOnly = "measure IN ('pct_level4_plus', 'pct_level5_plus', 'average_points')";
    String[] shown = {
      "measure", "assessment", "subject", "school", "group", "group_value", "academic_year",
      "term", "numerator", "denominator", "value", "lower", "upper", "suppressed"
    };
    Dataset<Row> left = some.where(attainmentOnly).selectExpr(shown);
    Dataset<Row> right = all.where(attainmentOnly).selectExpr(shown);
    assertThat(left.count()).isEqualTo(right.count()).isGreaterThan(1_000);
    assertThat(left.except(right).count()).isZero();
    assertThat(Files.readString(partial.resolve(FiguresExport.ABOUT)))
        .contains("LEFT OUT OF THIS EXPORT: paired term shifts")
        .contains("more than one task's heap holds (about 1,000)")
        .contains("CLUSTERLENS_JAVA_OPTS=-Xmx");
    assertThat(Files.readString(whole.resolve(FiguresExport.ABOUT))).doesNotContain("LEFT OUT");
  }

  @Test
  void aFolderOfOtherFilesIsNotReplacedButAnEarlierExportIs() throws Exception {
    Path notes = Files.createDirectories(dir.resolve("governors-notes"));
    Files.writeString(notes.resolve("minutes.docx"), "autumn minutes");

    assertThatThrownBy(() -> FiguresRun.run(warehouse, notes.toString(), FiguresExport.Format.CSV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(notes.toString())
        .hasMessageContaining("nothing was written");
    try (Stream<Path> left = Files.list(notes)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("minutes.docx");
    }

    Path export = dir.resolve("figures-again");
    FiguresRun.Outcome first =
        FiguresRun.run(warehouse, export.toString(), FiguresExport.Format.CSV);
    FiguresRun.Outcome second =
        FiguresRun.run(warehouse, export.toString(), FiguresExport.Format.CSV);
    assertThat(second.figures()).isEqualTo(first.figures());
  }

  @Test
  void anEarlierExportWithAnAnalystsFileInItIsNotReplaced() throws Exception {
    Path export = dir.resolve("figures-with-analysis");
    FiguresRun.run(warehouse, export.toString(), FiguresExport.Format.CSV);
    Path analysis = export.resolve("academic_year=2024-25").resolve("analysis.xlsx");
    Files.writeString(analysis, "an analyst's workbook");

    assertThatThrownBy(() -> FiguresRun.run(warehouse, export.toString(), FiguresExport.Format.CSV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("analysis.xlsx")
        .hasMessageContaining("nothing was written");
    assertThat(Files.readString(analysis)).isEqualTo("an analyst's workbook");
    assertThat(Files.readString(export.resolve(FiguresExport.ABOUT))).contains("warehouse version");
  }

  @Test
  void anExportWhoseWritingStoppedSaysSoAndIsReplacedByTheNextRun() throws Exception {
    Path export = dir.resolve("figures-stopped");
    FiguresRun.Outcome whole =
        FiguresRun.run(warehouse, export.toString(), FiguresExport.Format.CSV);
    // As a failed write leaves it: the unfinished note, Spark's work folder, part of the figures.
    Files.writeString(export.resolve(FiguresExport.ABOUT), FiguresExport.UNFINISHED);
    Files.createDirectories(export.resolve("_temporary").resolve("0"));
    Path summer = export.resolve("academic_year=2024-25").resolve("term=summer");
    try (Stream<Path> parts = Files.walk(summer)) {
      for (Path part : parts.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(part);
      }
    }

    FiguresRun.Outcome again =
        FiguresRun.run(warehouse, export.toString(), FiguresExport.Format.CSV);
    assertThat(again.figures()).isEqualTo(whole.figures());
    assertThat(Files.readString(export.resolve(FiguresExport.ABOUT)))
        .contains("warehouse version")
        .doesNotContain("not finished");
    assertThat(export.resolve("_temporary")).doesNotExist();
  }

  @Test
  void aWithheldFigureShowsNoCountAndNoPupilIsNamedOrNumbered() {
    Path out = dir.resolve("figures-parquet");
    FiguresRun.run(warehouse, out.toString(), FiguresExport.Format.PARQUET);

    Dataset<Row> back = SharedSpark.session().read().parquet(out.toString());
    List<Row> withheld = back.where("suppressed").collectAsList();
    assertThat(withheld).isNotEmpty();
    assertThat(withheld)
        .allSatisfy(
            r -> {
              assertThat(r.<Object>getAs("numerator")).isNull();
              assertThat(r.<Object>getAs("denominator")).isNull();
              assertThat(r.<Object>getAs("value")).isNull();
            });
    List<String> upns =
        warehouse
            .assessments()
            .select("upn")
            .distinct()
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    String text = String.join("\n", back.toJSON().collectAsList());
    assertThat(upns).isNotEmpty().noneMatch(text::contains);
  }
}
