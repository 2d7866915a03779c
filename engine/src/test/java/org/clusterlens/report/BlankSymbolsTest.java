package org.clusterlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.metrics.Measures;
import org.clusterlens.model.Figure;
import org.clusterlens.report.excel.GovernorWorkbook;
import org.clusterlens.report.excel.WorkbookSaver;
import org.clusterlens.report.html.GovernorPackHtml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell without a figure says why, by the DfE's letters: {@code c} withheld, {@code z} not
 * applicable, {@code x} no data, never a dash a reader takes for zero; and wherever a letter
 * appears, its meaning is beside the table, in the HTML pack and in the workbook.
 */
class BlankSymbolsTest {

  private static final String ASHWELL = "116001";

  @TempDir Path dir;

  /**
   * The demo-like cluster with Ashwell's free-school-meals share withheld (as suppression publishes
   * it) and its Key Stage 2 reading at Level 5+ missing from the returns.
   */
  private static GovernorPack pack() {
    List<Figure> figures = new ArrayList<>();
    for (Figure f : DemoLikeCluster.figures()) {
      boolean fsm = f.measure().equals(Measures.CONTEXT_PCT_FSM) && f.school().equals(ASHWELL);
      boolean readingL5 =
          f.measure().equals(Measures.PCT_LEVEL5_PLUS)
              && f.assessment().equals("ks2")
              && f.subject().equals("reading")
              && f.school().equals(ASHWELL)
              && f.academicYear().equals("2024-25");
      if (readingL5) {
        continue;
      }
      figures.add(fsm ? f.asSuppressed().publishable() : f);
    }
    return GovernorPack.assemble(
        DemoLikeCluster.cluster(), ASHWELL, figures, DemoLikeCluster.provenance());
  }

  @Test
  void theHtmlPackPrintsCForWithheldXForNoDataAndZForNotApplicable() {
    String html = GovernorPackHtml.render(pack());

    assertThat(row(html, "Eligible for free school meals"))
        .as("the withheld share of pupils eligible for free school meals")
        .contains("data-blank=\"c\"");
    assertThat(cells(row(html, "Reading"))).as("Key Stage 2 reading").contains("x");
    assertThat(cells(row(html, "Reading, writing and maths combined")))
        .as("average points of reading, writing and maths combined")
        .contains("z");
    assertThat(tableText(html)).as("no dash stands for a missing figure").doesNotContain("–");
  }

  @Test
  void everyHtmlSectionThatShowsALetterExplainsItBesideItsTable() {
    String html = GovernorPackHtml.render(pack());
    Set<Blank> seen = EnumSet.noneOf(Blank.class);
    for (String section : html.split("</section>")) {
      for (Blank b : Blank.values()) {
        if (section.contains("data-blank=\"" + b.symbol() + "\"")) {
          seen.add(b);
          assertThat(section)
              .as("a section showing '" + b.symbol() + "' explains it")
              .contains("<p class=\"legend\">")
              .contains(b.symbol() + ": " + b.meaning().replace("'", "&#39;"));
        }
      }
    }
    assertThat(seen).containsExactlyInAnyOrder(Blank.values());
    assertThat(Blank.WITHHELD.meaning())
        .contains("withheld to protect pupils' confidentiality (fewer than 6 pupils");
  }

  @Test
  void theWorkbookHoldsTheLetterAsTextWithItsMeaningOnTheSheet() throws Exception {
    Path file = WorkbookSaver.save(GovernorWorkbook.render(pack()), dir.resolve("g.xlsx"));
    try (XSSFWorkbook wb = new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ))) {
      assertThat(texts(row(wb.getSheet("Context"), "Eligible for free school meals"), 1, 3))
          .containsOnly("c");
      Row reading = row(wb.getSheet("Key Stage 2"), "Reading");
      // School, subject, then Level 4+ (3 cells), Level 5+ (3 cells).
      assertThat(texts(reading, 5, 7)).containsOnly("x");
      Row rwm = row(wb.getSheet("Key Stage 2"), "Reading, writing and maths combined");
      assertThat(texts(rwm, 8, 9)).containsOnly("z");

      Set<Blank> seen = EnumSet.noneOf(Blank.class);
      for (Sheet sheet : wb) {
        String note = cellText(sheet.getRow(1), 0);
        for (Row r : sheet) {
          for (Cell c : r) {
            if (c.getCellType() == CellType.STRING && r.getRowNum() > 1) {
              Blank.ofSymbol(c.getStringCellValue())
                  .ifPresent(
                      b -> {
                        seen.add(b);
                        assertThat(note)
                            .as(
                                sheet.getSheetName()
                                    + " shows '"
                                    + b.symbol()
                                    + "' at "
                                    + c.getAddress()
                                    + ": its note line explains it")
                            .contains(b.symbol() + ": " + b.meaning());
                      });
            }
          }
        }
      }
      assertThat(seen).containsExactlyInAnyOrder(Blank.values());
    }
  }

  /** The first table row whose row header is {@code header}, as markup. */
  private static String row(String html, String header) {
    Matcher m =
        Pattern.compile("<tr[^>]*><th scope=\"row\">" + Pattern.quote(header) + "</th>(.*?)</tr>")
            .matcher(html);
    assertThat(m.find()).as("a row headed '" + header + "'").isTrue();
    return m.group(1);
  }

  /** A row's cells as the reader sees them. */
  private static List<String> cells(String rowMarkup) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(rowMarkup);
    while (m.find()) {
      out.add(m.group(1).replaceAll("<[^>]+>", "").strip());
    }
    return out;
  }

  private static String tableText(String html) {
    StringBuilder out = new StringBuilder();
    Matcher m = Pattern.compile("(?s)<table>.*?</table>").matcher(html);
    while (m.find()) {
      out.append(m.group());
    }
    return out.toString();
  }

  /** The first row of the sheet that has a cell reading {@code label}. */
  private static Row row(Sheet sheet, String label) {
    for (Row r : sheet) {
      for (Cell c : r) {
        if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(label)) {
          return r;
        }
      }
    }
    throw new AssertionError(sheet.getSheetName() + " has no row labelled " + label);
  }

  /** The cells {@code from} to {@code to} of a row, each a text cell (never a number). */
  private static List<String> texts(Row row, int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      Cell c = row.getCell(i);
      assertThat(c).as("cell " + i + " of row " + (row.getRowNum() + 1)).isNotNull();
      assertThat(c.getCellType())
          .as(row.getSheet().getSheetName() + " " + c.getAddress() + " is text")
          .isEqualTo(CellType.STRING);
      out.add(c.getStringCellValue());
    }
    return out;
  }

  private static String cellText(Row row, int col) {
    if (row == null || row.getCell(col) == null) {
      return "";
    }
    return row.getCell(col).getStringCellValue();
  }
}
