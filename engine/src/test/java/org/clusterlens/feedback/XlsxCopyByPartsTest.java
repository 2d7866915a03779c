package org.clusterlens.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.ingest.ReturnCheck;
import org.clusterlens.ingest.ReturnReader;
import org.clusterlens.model.Term;
import org.clusterlens.report.check.PrintedPdf;
import org.clusterlens.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy of an xlsx return with nothing to mark: the school's own workbook, its own parts kept as
 * they are, with the Problems sheet put first.
 */
class XlsxCopyByPartsTest {

  private static final Term AUTUMN = Term.parse("2024-25-autumn");

  @TempDir Path dir;

  private final ReturnReader reader = new ReturnReader(Fixtures.cluster());

  private Path xlsx;

  /**
   * A return as schools make them: a notes sheet first, then the pupils under a merged title row,
   * the title and header printed on every page, the pupils' sheet the one selected.
   */
  @BeforeEach
  void aGoodReturnWithATitleRowAndPrintTitles() throws Exception {
    xlsx = dir.resolve("100002.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(xlsx)) {
      wb.createSheet("About this return").createRow(0).createCell(0).setCellValue("Notes");
      Sheet s = wb.createSheet("Pupils");
      s.createRow(0).createCell(0).setCellValue("Beacon CE Primary: autumn return");
      s.addMergedRegion(new CellRangeAddress(0, 0, 0, 10));
      String[] header =
          "UPN,Date of birth,Gender,Year group,FSM,Disadvantaged,SEN,EAL,Reading,Writing,Maths"
              .split(",");
      String[][] pupils = {
        "W850210011501,2013-09-14,F,6,N,N,N,N,5b,5c,5b".split(","),
        "K850210011502,2013-10-02,M,6,Y,Y,K,N,4a,5c,4a".split(",")
      };
      Row h = s.createRow(2);
      for (int c = 0; c < header.length; c++) {
        h.createCell(c).setCellValue(header[c]);
      }
      for (int r = 0; r < pupils.length; r++) {
        Row p = s.createRow(3 + r);
        for (int c = 0; c < header.length; c++) {
          p.createCell(c).setCellValue(pupils[r][c]);
        }
      }
      s.setRepeatingRows(CellRangeAddress.valueOf("1:3"));
      wb.setActiveSheet(1);
      wb.setSelectedTab(1);
      wb.write(out);
    }
  }

  @Test
  void aReturnWithNothingToMarkKeepsItsOwnPartsAndGetsTheProblemsSheetFirst() throws Exception {
    ReturnCheck check = reader.read(xlsx, Optional.empty(), Optional.of(AUTUMN));
    assertThat(check.accepted()).isTrue();
    assertThat(check.problems()).allSatisfy(p -> assertThat(p.row()).isNull());

    Path copy = FeedbackSaver.save(check, xlsx, "", dir.resolve("feedback")).get(1);

    try (InputStream in = Files.newInputStream(copy);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)))
          .containsExactly(AnnotatedCopy.PROBLEMS_SHEET, "About this return", "Pupils");
      Sheet problems = wb.getSheetAt(0);
      assertThat(problems.getRow(0).getCell(3).getStringCellValue()).isEqualTo("What is wrong");
      assertThat(problems.getRow(1).getCell(0).getStringCellValue())
          .isEqualTo(check.problems().isEmpty() ? "No problems were found." : "Warning");
      assertThat(problems.getColumnWidth(3)).isEqualTo(70 * 256);
      assertThat(wb.getActiveSheetIndex()).isZero();
      assertThat(problems.isSelected()).isTrue();
      assertThat(wb.getSheet("Pupils").isSelected())
          .as("the pupils' sheet not grouped with the Problems sheet")
          .isFalse();
      Sheet pupils = wb.getSheet("Pupils");
      assertThat(pupils.getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("Beacon CE Primary: autumn return");
      assertThat(pupils.getMergedRegions()).containsExactly(CellRangeAddress.valueOf("A1:K1"));
      assertThat(pupils.getRow(4).getCell(0).getStringCellValue()).isEqualTo("K850210011502");
      assertThat(pupils.getRepeatingRows())
          .as("the print titles still the pupils' sheet's")
          .isEqualTo(CellRangeAddress.valueOf("1:3"));
      assertThat(wb.getSheet("About this return").getRepeatingRows()).isNull();
    }
    try (ZipFile before = new ZipFile(xlsx.toFile());
        ZipFile after = new ZipFile(copy.toFile())) {
      for (String part :
          List.of("xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml")) {
        try (InputStream a = before.getInputStream(before.getEntry(part));
            InputStream b = after.getInputStream(after.getEntry(part))) {
          assertThat(b.readAllBytes())
              .as(part + " as the school saved it")
              .isEqualTo(a.readAllBytes());
        }
      }
    }

    ReturnCheck handedBack = reader.read(copy, Optional.of("100002"), Optional.of(AUTUMN));
    assertThat(handedBack.accepted()).isTrue();
    assertThat(handedBack.pupils()).hasSameSizeAs(check.pupils());
  }

  @Test
  void theCopyOpensAndPrintsInLibreOfficeWithItsProblemsSheetAndPupils() {
    assumeFalse(Boolean.getBoolean("clusterlens.skipBrowser"), "spreadsheet checks skipped");
    ReturnCheck check = reader.read(xlsx, Optional.empty(), Optional.of(AUTUMN));
    Path copy = FeedbackSaver.save(check, xlsx, "", dir.resolve("feedback")).get(1);

    PrintedPdf printed = PrintedPdf.print(List.of(copy), dir.resolve("printed")).get(copy);

    String text = String.join(" ", printed.lines().stream().map(PrintedPdf.Line::text).toList());
    assertThat(text)
        .contains("What would be accepted")
        .contains("Beacon CE Primary: autumn return")
        .contains("Reading 5b 4a")
        .contains("Notes");
  }
}
