package org.clusterlens.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A streamed copy's texts, held once each, give the workbook POI's own table would give. */
class CopyTextsTest {

  @TempDir Path dir;

  /** Texts a return's cells hold: repeated grades, spaces kept, an escape-like text, a comma. */
  private static final List<List<String>> ROWS =
      List.of(
          List.of("UPN", "Reading", "Writing", "Note"),
          List.of("A123", "4b", "4b", " leading space"),
          List.of("A124", "4b", "5c", "trailing space "),
          List.of("A125", "W", "4b", "_x000D_ kept as typed"),
          List.of("A126", "5c", "W", "Smith, J"));

  @Test
  void aCopyWithEachTextHeldOnceIsTheSameToTheByteAsPoisOwn() throws IOException {
    byte[] poi;
    try (SXSSFWorkbook wb = new SXSSFWorkbook(null, -1, false, true)) {
      poi = written(wb, (cell, text) -> cell.setCellValue(text));
    }
    CopyTexts texts = new CopyTexts();
    byte[] held;
    try (SXSSFWorkbook wb = new SXSSFWorkbook(texts.workbook(), -1, false, true)) {
      held = written(wb, (cell, text) -> cell.setCellValue(texts.of(text)));
    }

    Map<String, String> poiParts = parts(poi);
    Map<String, String> heldParts = parts(held);
    assertThat(heldParts.keySet()).containsExactlyElementsOf(poiParts.keySet());
    assertThat(heldParts).isEqualTo(poiParts);
    assertThat(held).isEqualTo(poi);
    assertThat(heldParts.get("xl/sharedStrings.xml"))
        .contains("count=\"21\" uniqueCount=\"15\"")
        .contains("<t xml:space=\"preserve\"> leading space</t>");
    try (XSSFWorkbook back = new XSSFWorkbook(new ByteArrayInputStream(held))) {
      Sheet data = back.getSheet("Return");
      for (int r = 0; r < ROWS.size(); r++) {
        for (int c = 0; c < ROWS.get(r).size(); c++) {
          String text = ROWS.get(r).get(c);
          // Read back, "_x000D_" is a line break whichever table wrote it (as Excel reads it).
          assertThat(data.getRow(r).getCell(c).getStringCellValue())
              .isEqualTo(text.replace("_x000D_", "\r"));
        }
      }
      assertThat(back.getSheet("Problems").getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("4b");
    }
  }

  /**
   * The data sheet's cells given their texts by {@code give}, then a second sheet whose one cell
   * repeats a data text as plain text (as the Problems sheet may), written as a copy is.
   */
  private static byte[] written(SXSSFWorkbook wb, BiConsumer<Cell, String> give)
      throws IOException {
    wb.getXSSFWorkbook()
        .getProperties()
        .getCoreProperties()
        .setCreated(java.util.Optional.of(new java.util.Date(0)));
    Sheet data = wb.createSheet("Return");
    for (int r = 0; r < ROWS.size(); r++) {
      Row row = data.createRow(r);
      for (int c = 0; c < ROWS.get(r).size(); c++) {
        give.accept(row.createCell(c), ROWS.get(r).get(c));
      }
    }
    assertThat(data.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Note");
    wb.createSheet("Problems").createRow(0).createCell(0).setCellValue("4b");
    wb.setSheetOrder("Problems", 0);
    // Sheet by sheet in the workbook's order, as a copy is, so each text's place is fixed.
    for (Sheet sheet : wb) {
      ((SXSSFSheet) sheet).flushRows();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    wb.write(out);
    return out.toByteArray();
  }

  /** Each part of a workbook's package by name, as text, in the package's order. */
  private Map<String, String> parts(byte[] workbook) throws IOException {
    Path file = Files.createTempFile(dir, "copy", ".xlsx");
    Files.write(file, workbook);
    Map<String, String> parts = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return parts;
  }
}
