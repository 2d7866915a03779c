package org.clusterlens.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;
import org.clusterlens.pipeline.PackWriter;
import org.clusterlens.report.Provenance;
import org.clusterlens.report.ReturnVersion;
import org.clusterlens.report.SampleCluster;
import org.clusterlens.report.check.WorkbookCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from returns and cluster settings that a spreadsheet would run as a formula (a file named
 * {@code =HYPERLINK(...)}, a school named {@code +Brook}) stays text in every Excel pack.
 */
class FormulaLookalikeTextTest {

  private static final String HOSTILE_FILE = "=HYPERLINK(\"http://x.invalid\",\"open\").xlsx";

  @TempDir Path dir;

  @Test
  void textThatLooksLikeAFormulaIsStoredAsQuotedText() throws Exception {
    Cluster cluster =
        new Cluster(
            "-Vale Cluster",
            List.of(
                new School(SampleCluster.ASHBY, "@Ashby Primary"),
                new School(SampleCluster.BROOK, "+Brook Lane School"),
                new School(SampleCluster.CEDAR, "=1+1")),
            true);
    Provenance provenance =
        new Provenance(
            Instant.parse("2025-11-03T09:30:00Z"),
            List.of(
                new ReturnVersion(
                    SampleCluster.ASHBY,
                    Term.parse("2025-26-autumn"),
                    HOSTILE_FILE,
                    "ab".repeat(32),
                    7)));

    PackWriter.writeAll(cluster, SampleCluster.figures(), provenance, dir);

    for (String pack :
        List.of("governor-100001.xlsx", "governor-100003.xlsx", "cluster-pack.xlsx")) {
      Path xlsx = dir.resolve(pack);
      assertThat(WorkbookCheck.problems(xlsx)).as(pack).isEmpty();
      try (XSSFWorkbook wb = new XSSFWorkbook(OPCPackage.open(xlsx.toFile(), PackageAccess.READ))) {
        assertThat(stringCells(wb)).as(pack).contains("=1+1");
      }
    }
    try (XSSFWorkbook wb =
        new XSSFWorkbook(
            OPCPackage.open(dir.resolve("governor-100001.xlsx").toFile(), PackageAccess.READ))) {
      assertThat(stringCells(wb)).contains(HOSTILE_FILE, "@Ashby Primary");
    }
  }

  private static List<String> stringCells(XSSFWorkbook wb) {
    List<String> text = new java.util.ArrayList<>();
    for (Sheet sheet : wb) {
      for (Row row : sheet) {
        for (Cell cell : row) {
          if (cell.getCellType() == CellType.STRING) {
            text.add(cell.getStringCellValue());
          }
        }
      }
    }
    return text;
  }
}
