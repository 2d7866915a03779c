package org.clusterlens.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.ingest.ReturnCheck;
import org.clusterlens.ingest.ReturnReader;
import org.clusterlens.model.Term;
import org.clusterlens.report.check.PrintedPdf;
import org.clusterlens.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a school business manager gets back for a return: a page and a marked-up copy. */
class FeedbackSaverTest {

  private static final Term AUTUMN = Term.parse("2024-25-autumn");

  @TempDir Path dir;

  private final ReturnReader reader = new ReturnReader(Fixtures.cluster());

  @Test
  void aCsvReturnWithABadGradeGetsAnXlsxCopyWithThatCellMarkedAndCommented() throws Exception {
    Path csv = Fixtures.path("returns/grade-not-in-scheme.csv");
    ReturnCheck check = reader.read(csv, Optional.of("100001"), Optional.of(AUTUMN));

    List<Path> written = FeedbackSaver.save(check, csv, "", dir.resolve("feedback"));

    assertThat(written)
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "100001-2024-25-autumn-grade-not-in-scheme.html",
            "100001-2024-25-autumn-grade-not-in-scheme-marked.xlsx");
    try (InputStream in = Files.newInputStream(written.get(1));
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo(AnnotatedCopy.PROBLEMS_SHEET);
      Sheet pupils = wb.getSheetAt(1);
      // Row 3, column 'Reading' (the 11th column, K) holds '4x'.
      Cell marked = pupils.getRow(2).getCell(10);
      assertThat(marked.getAddress()).isEqualTo(new CellAddress("K3"));
      assertThat(marked.getStringCellValue()).isEqualTo("4x");
      assertThat(marked.getCellStyle().getFillPattern())
          .isEqualTo(FillPatternType.SOLID_FOREGROUND);
      assertThat(marked.getCellComment().getString().getString())
          .isEqualTo(
              "Error: '4x' is not a grade in National Curriculum sub-levels. Use one of W, 1c, 1b,"
                  + " 1a, 2c, 2b, 2a, 3c, 3b, 3a, 4c, 4b, 4a, 5c, 5b, 5a, 6c, 6b, 6a, or leave it"
                  + " empty.");
      int marker = pupils.getRow(0).getLastCellNum() - 1;
      assertThat(pupils.getRow(0).getCell(marker).getStringCellValue())
          .isEqualTo(AnnotatedCopy.MARKER_HEADER);
      assertThat(pupils.getRow(2).getCell(marker).getStringCellValue())
          .startsWith("ERROR in 'Reading': '4x' is not a grade");
      assertThat(pupils.getRow(1).getCell(marker)).isNull();
      Row firstProblem = wb.getSheet(AnnotatedCopy.PROBLEMS_SHEET).getRow(1);
      assertThat(firstProblem.getCell(1).getStringCellValue()).isEqualTo("Row 3, column 'Reading'");
    }
  }

  @Test
  void aCsvReturnsMarkedCopyOpensAndPrintsInLibreOfficeWithItsCellsAndMarks() {
    assumeFalse(Boolean.getBoolean("clusterlens.skipBrowser"), "spreadsheet checks skipped");
    Path csv = Fixtures.path("returns/grade-not-in-scheme.csv");
    ReturnCheck check = reader.read(csv, Optional.of("100001"), Optional.of(AUTUMN));
    Path copy = FeedbackSaver.save(check, csv, "", dir.resolve("feedback")).get(1);

    PrintedPdf printed = PrintedPdf.print(List.of(copy), dir.resolve("printed")).get(copy);

    String text = String.join(" ", printed.lines().stream().map(PrintedPdf.Line::text).toList());
    assertThat(text)
        .contains("What would be accepted")
        .contains("Row 3, column")
        .contains("4x")
        .contains(AnnotatedCopy.MARKER_HEADER)
        .contains("ERROR in")
        .contains("Quennell");
  }

  @Test
  void anXlsxReturnIsCopiedAsItIsWithTheProblemCellMarkedBelowItsTitleRow() throws Exception {
    Path xlsx = dir.resolve("100002.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(xlsx)) {
      wb.createSheet("About this return").createRow(0).createCell(0).setCellValue("Notes");
      Sheet s = wb.createSheet("Pupils");
      s.createRow(0).createCell(0).setCellValue("Beacon CE Primary: autumn return");
      String[] header =
          "UPN,Date of birth,Gender,Year group,FSM,Disadvantaged,SEN,EAL,Reading,Writing,Maths"
              .split(",");
      String[] pupil = "W850210011501,2013-09-14,F,6,N,N,N,N,5b,5c,5b".split(",");
      String[] bad = "K850210011502,2013-10-02,M,6,maybe,Y,K,N,4a,5c,4a".split(",");
      Row h = s.createRow(2);
      Row p = s.createRow(3);
      Row b = s.createRow(4);
      for (int c = 0; c < header.length; c++) {
        h.createCell(c).setCellValue(header[c]);
        p.createCell(c).setCellValue(pupil[c]);
        b.createCell(c).setCellValue(bad[c]);
      }
      wb.write(out);
    }
    ReturnCheck check = reader.read(xlsx, Optional.empty(), Optional.of(AUTUMN));
    assertThat(check.accepted()).isFalse();

    Path copy = FeedbackSaver.save(check, xlsx, "", dir.resolve("feedback")).get(1);

    try (InputStream in = Files.newInputStream(copy);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      assertThat(wb.getSheet("About this return").getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("Notes");
      Sheet pupils = wb.getSheet("Pupils");
      assertThat(pupils.getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("Beacon CE Primary: autumn return");
      Cell fsm = pupils.getRow(4).getCell(4);
      assertThat(fsm.getAddress()).isEqualTo(new CellAddress("E5"));
      assertThat(fsm.getCellComment().getString().getString())
          .isEqualTo(
              "Error: 'maybe' is not a yes/no value. Use Y or N (1/0, Yes/No and TRUE/FALSE also"
                  + " work).");
      assertThat(pupils.getRow(3).getCell(4).getCellComment()).isNull();
    }
    assertThat(Files.readAllBytes(xlsx)).as("the file handed in is untouched").isNotEmpty();
  }

  @Test
  void thePageSaysWhatHappenedInPlainWordsWithEveryValueEscaped() throws Exception {
    Path csv = oneRowReturn("W850210011501,14/09/2013,F,6,N,N,N,N,<b>4x</b>,5c,5b");
    ReturnCheck check = reader.read(csv, Optional.empty(), Optional.of(AUTUMN));

    Path page = FeedbackSaver.save(check, csv, "", dir.resolve("feedback")).get(0);
    String html = Files.readString(page);

    assertThat(html)
        .contains("<html lang=\"en-GB\">")
        .contains("<h1>Your return: 100001.csv</h1>")
        .contains("Not accepted: 1 problem(s) must be fixed. Nothing from this file was stored")
        .contains("<h2>Problems that must be fixed</h2>")
        .contains("<th scope=\"col\">What would be accepted</th>")
        .contains(
            "<td>Row 2, column &#39;Reading&#39;</td><td>&#39;&lt;b&gt;4x&lt;/b&gt;&#39;</td>")
        .contains("Use one of W, 1c")
        .contains("href=\"100001-2024-25-autumn-100001-marked.xlsx\"")
        .doesNotContain("<b>4x</b>")
        .doesNotContain("<script");
  }

  @Test
  void aCellThatLooksLikeASpreadsheetsEscapeCodeKeepsItsTextInTheCopy() throws Exception {
    // A spreadsheet file writes a character it cannot hold as _xHHHH_; text that happens to
    // look like that code must come back in the copy as typed, not as the character it names.
    Path csv = oneRowReturn("W850210011501,14/09/2013,F,6,N,N,N,N,_x000D_,5c,5b");
    ReturnCheck check = reader.read(csv, Optional.empty(), Optional.of(AUTUMN));

    Path copy = FeedbackSaver.save(check, csv, "", dir.resolve("feedback")).get(1);

    List<String> texts = new ArrayList<>();
    try (XSSFWorkbook wb = new XSSFWorkbook(copy.toFile())) {
      for (Sheet sheet : wb) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            if (cell.getCellType() == CellType.STRING) {
              texts.add(cell.getStringCellValue());
            }
            if (cell.getCellComment() != null) {
              texts.add(cell.getCellComment().getString().getString());
            }
          }
        }
      }
    }
    assertThat(texts)
        .contains("_x000D_")
        .anyMatch(t -> t.startsWith("Error: '_x000D_' is not a grade"))
        .noneMatch(t -> t.contains("\r"));
  }

  /** A csv return, 100001.csv, of the usual columns and one pupil's row. */
  private Path oneRowReturn(String pupilRow) throws IOException {
    return Files.writeString(
        dir.resolve("100001.csv"),
        "UPN,Date of birth,Gender,Year group,FSM,Disadvantaged,SEN,EAL,Reading,Writing,Maths\n"
            + pupilRow
            + "\n",
        StandardCharsets.UTF_8);
  }

  @Test
  void aRefusedFileGetsAPageButNoCopy() {
    Path bomb = Fixtures.path("returns/zip-bomb.xlsx");
    ReturnCheck check = reader.read(bomb, Optional.of("100002"), Optional.of(AUTUMN));

    List<Path> written = FeedbackSaver.save(check, bomb, "", dir);

    assertThat(written).singleElement().satisfies(p -> assertThat(p.toString()).endsWith(".html"));
  }

  @Test
  void aCopyMadeBeforeTheCommitIsWrittenOnlyWithItsPage() throws Exception {
    Path csv = Fixtures.path("returns/grade-not-in-scheme.csv");
    ReturnCheck check = reader.read(csv, Optional.of("100001"), Optional.of(AUTUMN));
    Path folder = dir.resolve("feedback");

    FeedbackSaver.Prepared copy = FeedbackSaver.prepare(check, csv);

    assertThat(folder).doesNotExist();
    List<Path> written = FeedbackSaver.save(copy, "Stored as warehouse version 3.", folder);
    assertThat(written)
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "100001-2024-25-autumn-grade-not-in-scheme.html",
            "100001-2024-25-autumn-grade-not-in-scheme-marked.xlsx");
    assertThat(Files.readString(written.get(0))).contains("Stored as warehouse version 3.");
    assertThat(Files.readAllBytes(written.get(1)))
        .isEqualTo(
            Files.readAllBytes(FeedbackSaver.save(check, csv, "", dir.resolve("direct")).get(1)));
  }

  @Test
  void aCopyThatCouldNotBeMadeIsReportedWhenTheFeedbackIsWrittenAndNothingIsWritten()
      throws Exception {
    Path xlsx = dir.resolve("100001.xlsx");
    Files.copy(Fixtures.path("returns/trailing-blank-rows.xlsx"), xlsx);
    ReturnCheck check = reader.read(xlsx, Optional.of("100001"), Optional.of(AUTUMN));
    // Damaged after it was read: still a zip by its first bytes, but no longer a workbook.
    byte[] bytes = Files.readAllBytes(xlsx);
    Files.write(xlsx, Arrays.copyOf(bytes, 200));
    Path folder = dir.resolve("feedback");

    FeedbackSaver.Prepared copy = FeedbackSaver.prepare(check, xlsx);

    assertThat(folder).doesNotExist();
    assertThatThrownBy(() -> FeedbackSaver.save(copy, "", folder))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("Could not read " + xlsx + " again to mark it up");
    try (var left = Files.list(folder)) {
      assertThat(left).isEmpty();
    }
  }
}
