package org.clusterlens.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.clusterlens.model.ReturnColumn;

/**
 * Turns a generated return into the bytes of the file a school would hand in: an xlsx workbook
 * (plain, below a title row, or with other header names) or a csv (UTF-8 with commas, or
 * Windows-1252 with semicolons). Pure apart from the temporary files POI's streaming workbook uses
 * while it works.
 */
public final class ReturnFileRenderer {

  /** The one sheet of a generated workbook. */
  public static final String SHEET_NAME = "Pupils";

  /**
   * The created and modified date stamped in every workbook, so the same return gives the same
   * bytes on every run.
   */
  static final Date FIXED_TIMESTAMP =
      Date.from(LocalDateTime.of(2025, 7, 25, 12, 0).toInstant(ZoneOffset.UTC));

  private static final String CSV_LINE_END = "\r\n";

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private ReturnFileRenderer() {}

  /** The file's bytes in the return's own format. */
  public static byte[] render(GeneratedReturn generatedReturn) {
    return switch (generatedReturn.format()) {
      case XLSX -> xlsx(generatedReturn, 0, ReturnFileRenderer::templateHeader);
      case XLSX_TITLE_ROW -> xlsx(generatedReturn, 2, ReturnFileRenderer::templateHeader);
      case XLSX_OTHER_HEADERS -> xlsx(generatedReturn, 0, ReturnFileRenderer::otherHeader);
      case CSV -> csv(generatedReturn).getBytes(StandardCharsets.UTF_8);
      case CSV_WINDOWS_SEMICOLON ->
          csv(generatedReturn, ';', ReturnFileRenderer::otherHeader).getBytes(WINDOWS_1252);
    };
  }

  private static String templateHeader(ReturnColumn column) {
    return column.header();
  }

  /** The first other name ingest understands for a column, as MIS exports write it. */
  private static String otherHeader(ReturnColumn column) {
    return column.synonyms().isEmpty() ? column.header() : column.synonyms().get(0);
  }

  /**
   * The return as a workbook: one sheet named "Pupils", the header in row 1 in {@link ReturnColumn}
   * order, dates as Excel dates shown dd/mm/yyyy, year group as a number, everything else as text,
   * and empty cells where there is no value.
   *
   * @throws UncheckedIOException if POI cannot use its temporary files
   */
  public static byte[] xlsx(GeneratedReturn generatedReturn) {
    return xlsx(generatedReturn, 0, ReturnFileRenderer::templateHeader);
  }

  /**
   * The workbook with {@code titleRows} rows above the header (a title, then blanks) and each
   * column headed as {@code header} names it.
   */
  private static byte[] xlsx(
      GeneratedReturn generatedReturn, int titleRows, Function<ReturnColumn, String> header) {
    // A shared strings table, as Excel itself writes; close() also deletes the streaming
    // workbook's temporary files (POI 5).
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, false, true)) {
      POIXMLProperties.CoreProperties core =
          workbook.getXSSFWorkbook().getProperties().getCoreProperties();
      core.setCreated(Optional.of(FIXED_TIMESTAMP));
      core.setModified(Optional.of(FIXED_TIMESTAMP));
      core.setCreator("ClusterLens demo generator");
      core.setTitle(
          "Termly return " + generatedReturn.school().urn() + " " + generatedReturn.term().id());

      CellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
      Sheet sheet = workbook.createSheet(SHEET_NAME);
      if (titleRows > 0) {
        sheet
            .createRow(0)
            .createCell(0)
            .setCellValue(
                generatedReturn.school().name()
                    + ": pupil attainment, "
                    + generatedReturn.term().label());
      }
      Row headerRow = sheet.createRow(titleRows);
      for (ReturnColumn column : ReturnRow.COLUMNS) {
        headerRow.createCell(column.ordinal()).setCellValue(header.apply(column));
      }
      int rowIndex = titleRows + 1;
      for (ReturnRow pupil : generatedReturn.rows()) {
        Row row = sheet.createRow(rowIndex++);
        for (ReturnColumn column : ReturnRow.COLUMNS) {
          switch (column) {
            case DATE_OF_BIRTH -> {
              Cell cell = row.createCell(column.ordinal());
              cell.setCellValue(pupil.dateOfBirth());
              cell.setCellStyle(dateStyle);
            }
            case YEAR_GROUP -> row.createCell(column.ordinal()).setCellValue(pupil.yearGroup());
            default -> {
              String text = pupil.text(column);
              if (!text.isEmpty()) {
                row.createCell(column.ordinal()).setCellValue(text);
              }
            }
          }
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      workbook.write(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not build the workbook for " + generatedReturn.relativePath(), e);
    }
  }

  /**
   * The return as csv text: the header row first, then one line per pupil, comma separated, lines
   * ending CRLF, dates as dd/mm/yyyy, fields quoted only when they need it.
   */
  public static String csv(GeneratedReturn generatedReturn) {
    return csv(generatedReturn, ',', ReturnFileRenderer::templateHeader);
  }

  private static String csv(
      GeneratedReturn generatedReturn, char separator, Function<ReturnColumn, String> header) {
    StringBuilder text = new StringBuilder();
    List<ReturnColumn> columns = ReturnRow.COLUMNS;
    for (int i = 0; i < columns.size(); i++) {
      text.append(i == 0 ? "" : separator)
          .append(csvField(header.apply(columns.get(i)), separator));
    }
    text.append(CSV_LINE_END);
    for (ReturnRow pupil : generatedReturn.rows()) {
      for (int i = 0; i < columns.size(); i++) {
        text.append(i == 0 ? "" : separator)
            .append(csvField(pupil.text(columns.get(i)), separator));
      }
      text.append(CSV_LINE_END);
    }
    return text.toString();
  }

  private static String csvField(String value, char separator) {
    if (value.indexOf(separator) >= 0 || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
