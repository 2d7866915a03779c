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
        .contains("Not here, on purpose: context figures")
        .doesNotContain("LEFT OUT");
    // The figures made from the pupils' own rows are there, whatever the size: nothing is left
    // out for want of one task's heap.
    for (String measure :
        List.of("term_shift_pct_level4_plus", "gap_average_points", "progress_points_term")) {
      assertThat(back.where(back.col("measure").equalTo(measure)).count()).as(measure).isPositive();
    }
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
