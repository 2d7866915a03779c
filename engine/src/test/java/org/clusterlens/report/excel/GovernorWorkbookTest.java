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
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.report.GovernorPack;
import org.clusterlens.report.SampleCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernorWorkbookTest {

  /** The sheets after the summary, one per topic, in order. */
  private static final List<String> TOPIC_SHEETS =
      List.of(
          "Key Stage 2",
          "Shift",
          "Schools",
          "Progress",
          "Groups",
          "Trends",
          "Context",
          "This term",
          "Completeness",
          "About");

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

      List<String> expected = new ArrayList<>(TOPIC_SHEETS);
      expected.add(0, "Summary");
      assertThat(names).isEqualTo(expected);
    }
  }

  @Test
  void tableSheetsFreezeTheirHeaderAndPrintLandscapeAtNinePointsOrMore() throws Exception {
    try (XSSFWorkbook wb = saveAndReadBack()) {
      for (String name : TOPIC_SHEETS) {
        Sheet sheet = wb.getSheet(name);
        assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition())
            .as(name)
            .isEqualTo((short) (TableSheet.HEADER_ROW + 1));
        assertThat(sheet.getPrintSetup().getLandscape()).as(name).isTrue();
        // One page wide where that keeps the text at 9 pt or more; else 9 pt on more pages.
        if (sheet.getFitToPage()) {
          assertThat(sheet.getPrintSetup().getFitWidth()).as(name).isEqualTo((short) 1);
        } else {
          assertThat(sheet.getPrintSetup().getScale()).as(name).isGreaterThanOrEqualTo((short) 82);
        }
        assertThat(sheet.getRepeatingRows())
            .as(name + ": title, note and header repeat on every printed page")
            .isEqualTo(CellRangeAddress.valueOf("1:3"));
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
          .isEqualTo("School B");
    }
  }

  @Test
  void theShiftAndAttainmentSheetsCarryNativeBarCharts() throws Exception {
    try (XSSFWorkbook wb = saveAndReadBack()) {
      for (String name : List.of("Shift", "Schools", "Key Stage 2")) {
        XSSFSheet sheet = wb.getSheet(name);
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        assertThat(drawing).as(name + " has a drawing part").isNotNull();
        assertThat(drawing.getCharts()).as(name).hasSize(1);
        XSSFChart chart = drawing.getCharts().get(0);
        assertThat(chart.getCTChart().getPlotArea().getBarChartArray()).as(name).hasSize(1);
        assertThat(chart.getCTChart().getPlotArea().getBarChartArray(0).sizeOfSerArray())
            .as(name)
            .isPositive();
      }
      XSSFChart shift = wb.getSheet("Shift").getDrawingPatriarch().getCharts().get(0);
      String series =
          shift
              .getCTChart()
              .getPlotArea()
              .getBarChartArray(0)
              .getSerArray(1)
              .getVal()
              .getNumRef()
              .getF();
      assertThat(series).startsWith("Shift!$");
    }
  }

  @Test
  void labelColumnsCarryWordsAndAColourRule() throws Exception {
    try (XSSFWorkbook wb = saveAndReadBack()) {
      XSSFSheet schools = wb.getSheet("Schools");
      Row header = schools.getRow(TableSheet.HEADER_ROW);
      int label = header.getLastCellNum() - 1;
      assertThat(header.getCell(label).getStringCellValue())
          .isEqualTo("Level 4+ against the cluster range");
      assertThat(schools.getRow(TableSheet.HEADER_ROW + 1).getCell(label).getStringCellValue())
          .isEqualTo("Within the cluster range");
      assertThat(schools.getSheetConditionalFormatting().getNumConditionalFormattings())
          .isEqualTo(1);
      assertThat(
              schools
                  .getSheetConditionalFormatting()
                  .getConditionalFormattingAt(0)
                  .getNumberOfRules())
          .isEqualTo(2);
      assertThat(
              schools
                  .getSheetConditionalFormatting()
                  .getConditionalFormattingAt(0)
                  .getRule(0)
                  .getFormula1())
          .contains("Below");

      XSSFSheet shift = wb.getSheet("Shift");
      assertThat(shift.getSheetConditionalFormatting().getNumConditionalFormattings()).isEqualTo(1);
    }
  }

  @Test
  void everyTopicSheetUsesNamedStyles() throws Exception {
    try (XSSFWorkbook wb = saveAndReadBack()) {
      String styles =
          new String(
              wb.getStylesSource().getPackagePart().getInputStream().readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
      for (String name : PackStyles.NAMES) {
        assertThat(styles).contains("name=\"" + name + "\"");
      }
      for (int i = 1; i < wb.getNumberOfSheets(); i++) {
        XSSFSheet sheet = wb.getSheetAt(i);
        XSSFCellStyle header = sheet.getRow(TableSheet.HEADER_ROW).getCell(0).getCellStyle();
        assertThat(header.getCoreXf().getXfId())
            .as(sheet.getSheetName() + " header points at a named style")
            .isPositive();
      }
    }
  }

  @Test
  void sectionsWithoutFiguresSaySoInTheirNote() throws Exception {
    try (XSSFWorkbook wb = saveAndReadBack()) {
      assertThat(wb.getSheet("Progress").getRow(1).getCell(0).getStringCellValue())
          .contains("not yet available");
      assertThat(wb.getSheet("Context").getRow(1).getCell(0).getStringCellValue())
          .contains("not yet available");
      assertThat(
              wb.getSheet("Trends")
                  .getRow(TableSheet.HEADER_ROW + 1)
                  .getCell(0)
                  .getStringCellValue())
          .isEqualTo("2023-24");
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
