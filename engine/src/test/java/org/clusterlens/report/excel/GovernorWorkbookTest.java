package org.clusterlens.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.report.GovernorPack;
import org.clusterlens.report.SampleCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernorWorkbookTest {

  @TempDir Path dir;

  private XSSFWorkbook saveAndReadBack() throws Exception {
    GovernorPack pack =
        GovernorPack.assemble(
            SampleCluster.cluster(false),
            SampleCluster.ASHBY,
            SampleCluster.figures(),
            SampleCluster.provenance());
    Path file = WorkbookSaver.save(GovernorWorkbook.render(pack), dir.resolve("g.xlsx"));
    return new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ));
  }

  @Test
  void hasASummaryFirstThenOneSheetPerTopic() throws Exception {
    try (XSSFWorkbook wb = saveAndReadBack()) {
      List<String> names = new ArrayList<>();
      wb.forEach(s -> names.add(s.getSheetName()));

      assertThat(names)
          .containsExactly("Summary", "Key Stage 2", "Shift", "Schools", "This term", "About");
    }
  }

  @Test
  void tableSheetsFreezeTheirHeaderAndPrintLandscapeToOnePageWide() throws Exception {
    try (XSSFWorkbook wb = saveAndReadBack()) {
      for (String name : List.of("Key Stage 2", "Shift", "Schools", "This term", "About")) {
        Sheet sheet = wb.getSheet(name);
        assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition())
            .as(name)
            .isEqualTo((short) (TableSheet.HEADER_ROW + 1));
        assertThat(sheet.getPrintSetup().getLandscape()).as(name).isTrue();
        assertThat(sheet.getPrintSetup().getFitWidth()).as(name).isEqualTo((short) 1);
      }
    }
  }

  @Test
  void storesPercentagesAndCountsAsNumbers() throws Exception {
    try (XSSFWorkbook wb = saveAndReadBack()) {
      Sheet schools = wb.getSheet("Schools");
      Row header = schools.getRow(TableSheet.HEADER_ROW);
      Row ashby = schools.getRow(TableSheet.HEADER_ROW + 1);

      assertThat(header.getCell(1).getStringCellValue()).isEqualTo("% at Level 4+");
      assertThat(ashby.getCell(0).getStringCellValue()).isEqualTo("Ashby Primary");
      assertThat(ashby.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(ashby.getCell(1).getNumericCellValue()).isEqualTo(0.72);
      assertThat(ashby.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0%");
      assertThat(ashby.getCell(2).getNumericCellValue()).isEqualTo(36);
      assertThat(ashby.getCell(3).getNumericCellValue()).isEqualTo(50);
      assertThat(ashby.getCell(4).getNumericCellValue()).isEqualTo(8);
      assertThat(schools.getRow(TableSheet.HEADER_ROW + 2).getCell(0).getStringCellValue())
          .isEqualTo("School A");
    }
  }

  @Test
  void namesNoOtherSchoolAnywhere() throws Exception {
    try (XSSFWorkbook wb = saveAndReadBack()) {
      StringBuilder all = new StringBuilder();
      wb.forEach(s -> s.forEach(r -> r.forEach(c -> all.append(c.toString()).append('\n'))));

      assertThat(all).doesNotContain("Brook").doesNotContain("Cedar");
      assertThat(all).contains("ashby-autumn.xlsx");
    }
  }

  @Test
  void theSamePackSavesToTheSameBytes() throws Exception {
    GovernorPack pack =
        GovernorPack.assemble(
            SampleCluster.cluster(false),
            SampleCluster.ASHBY,
            SampleCluster.figures(),
            SampleCluster.provenance());
    Path first = WorkbookSaver.save(GovernorWorkbook.render(pack), dir.resolve("1.xlsx"));
    Thread.sleep(2100); // zip entry times have a two-second resolution
    Path second = WorkbookSaver.save(GovernorWorkbook.render(pack), dir.resolve("2.xlsx"));

    assertThat(java.nio.file.Files.readAllBytes(second))
        .isEqualTo(java.nio.file.Files.readAllBytes(first));
  }
}
