package org.clusterlens.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.ingest.ReturnCheck;
import org.clusterlens.ingest.ReturnReader;
import org.clusterlens.model.Term;
import org.clusterlens.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A business manager corrects the marked-up copy of their return and hands that copy in: its pupils
 * are read from the sheet after the Problems list, and its feedback is a fresh marked copy.
 */
class MarkedCopyHandedInAgainTest {

  private static final Term SUMMER = Term.parse("2024-25-summer");

  @TempDir Path dir;

  private final ReturnReader reader = new ReturnReader(Fixtures.cluster());

  @Test
  void aCorrectedMarkedUpCopyIsReadFromItsPupilSheetAndMarkedAgain() throws Exception {
    Path bad = Fixtures.path("cluster/bad/2024-25/summer/100001.csv");
    ReturnCheck first = reader.read(bad, Optional.of("100001"), Optional.of(SUMMER));
    Path marked = FeedbackSaver.save(first, bad, "", dir.resolve("first")).get(1);
    Path corrected = dir.resolve("100001-marked-corrected.xlsx");
    try (InputStream in = Files.newInputStream(marked);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet pupils = wb.getSheetAt(1);
      pupils.getRow(2).getCell(0).setCellValue("K850210011502"); // the UPN's check letter
      pupils.getRow(3).getCell(10).setCellValue("4b"); // '4x' was no grade
      pupils.removeRow(pupils.getRow(4)); // the repeated pupil
      pupils.shiftRows(5, 5, -1);
      pupils.getRow(4).getCell(6).setCellValue("N"); // 'maybe' was no yes/no
      try (OutputStream out = Files.newOutputStream(corrected)) {
        wb.write(out);
      }
    }

    ReturnCheck second = reader.read(corrected, Optional.of("100001"), Optional.of(SUMMER));
    List<Path> again = FeedbackSaver.save(second, corrected, "", dir.resolve("second"));

    assertThat(second.errors()).isEmpty();
    assertThat(second.accepted()).isTrue();
    assertThat(second.pupils()).hasSize(4);
    try (InputStream in = Files.newInputStream(again.get(again.size() - 1));
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      long problemSheets =
          java.util.stream.IntStream.range(0, wb.getNumberOfSheets())
              .filter(i -> wb.getSheetName(i).equals(AnnotatedCopy.PROBLEMS_SHEET))
              .count();
      assertThat(problemSheets).isEqualTo(1);
      assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo(AnnotatedCopy.PROBLEMS_SHEET);
    }
  }
}
