package org.clusterlens.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.ingest.RawSheet;
import org.clusterlens.ingest.ReturnCheck;
import org.clusterlens.ingest.ReturnProblem;
import org.clusterlens.ingest.XlsxSheetReader;

/**
 * A copy of the school's own spreadsheet with each problem marked: the cell filled and bordered, a
 * comment saying what is wrong and what would be accepted, and a text marker in a column added at
 * the right of the row (so the mark does not rely on colour). An xlsx return is copied as it is; a
 * csv, xls or CTF return is copied cell by cell as text into a new workbook. A "Problems" sheet
 * first lists every problem, including those about the file as a whole. The file handed in is never
 * changed.
 */
public final class AnnotatedCopy {

  /** The header of the column the marker text goes in. */
  public static final String MARKER_HEADER = "ClusterLens: problems on this row";

  /** The sheet listing every problem; ingest passes over it in a copy handed back. */
  public static final String PROBLEMS_SHEET = XlsxSheetReader.FEEDBACK_PROBLEMS_SHEET;

  /** The comments' author, as Excel shows it. */
  static final String AUTHOR = "ClusterLens";

  private AnnotatedCopy() {}

  /**
   * The marked-up workbook, or empty when the file's cells were never read (a refused file). An
   * xlsx return is the school's own workbook, loaded whole; any other is a new workbook built by
   * POI's streaming writer, its rows held as plain cells until it is written (a local authority's
   * csv returns hold some 10,000 cells each, and POI's full model costs several times as much per
   * cell to build and to write).
   *
   * @param check what ingest found; never null
   * @param original the file as handed in; read, never written
   * @throws UncheckedIOException if the original cannot be read again
   */
  public static Optional<Workbook> render(ReturnCheck check, Path original) {
    if (check.cells().isEmpty()) {
      return Optional.empty();
    }
    RawSheet cells = check.cells().get();
    Workbook wb;
    Sheet sheet;
    CopyTexts texts = new CopyTexts();
    try {
      if (isXlsx(original) && cells.sheet() != null) {
        try (InputStream in = Files.newInputStream(original, LinkOption.NOFOLLOW_LINKS)) {
          wb = new XSSFWorkbook(in);
        }
        sheet = wb.getSheet(cells.sheet());
      } else {
        // No row is flushed before the workbook is written (a window of -1): the marks go back
        // to rows already made. The text goes in the shared strings table, as a workbook saved
        // by Excel holds it (a cell of inline text that POI edits keeps its old text).
        SXSSFWorkbook streamed = new SXSSFWorkbook(texts.workbook(), -1, false, true);
        // Dated as the file handed in, so two copies of one file are the same to the byte.
        streamed
            .getXSSFWorkbook()
            .getProperties()
            .getCoreProperties()
            .setCreated(
                Optional.of(
                    new java.util.Date(
                        Files.getLastModifiedTime(original, LinkOption.NOFOLLOW_LINKS)
                            .toMillis())));
        wb = streamed;
        sheet = null;
      }
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(
          new IOException("Could not read " + original + " again to mark it up", e));
    }
    if (sheet == null) {
      sheet = wb.createSheet(cells.sheet() == null ? "Return" : cells.sheet());
      for (RawSheet.Row r : cells.rows()) {
        Row row = sheet.createRow(r.number() - 1);
        for (int c = 0; c < r.cells().size(); c++) {
          if (!r.cell(c).isEmpty()) {
            row.createCell(c).setCellValue(texts.of(cellText(r.cell(c))));
          }
        }
      }
    }
    forgetEarlierMarks(wb, sheet);
    mark(wb, sheet, check, cells);
    problemsSheet(wb, check);
    if (wb instanceof SXSSFWorkbook streamed) {
      // Rows written sheet by sheet in the workbook's order, so each text's place in the shared
      // strings table, and so the file, is the same every time the copy is made.
      try {
        for (Sheet s : streamed) {
          ((SXSSFSheet) s).flushRows();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Optional.of(wb);
  }

  /**
   * The marked-up copy's bytes made part by part ({@link XlsxCopyByParts}), or empty when the
   * return is not an xlsx workbook with nothing to mark on its data sheet, or its parts could not
   * be copied so: then {@link #render} makes the copy (and reports a file it cannot read again).
   */
  static Optional<byte[]> byParts(ReturnCheck check, Path original) {
    if (check.cells().isEmpty() || !isXlsx(original)) {
      return Optional.empty();
    }
    try {
      return XlsxCopyByParts.copy(check, original);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Takes out what an earlier marked-up copy added, when the copy itself is handed back as the
   * return: its problems sheet and the comments ClusterLens wrote. (Its marker column is reused.)
   */
  private static void forgetEarlierMarks(Workbook wb, Sheet data) {
    int earlier = wb.getSheetIndex(PROBLEMS_SHEET);
    if (earlier >= 0 && wb.getSheetAt(earlier) != data) {
      wb.removeSheetAt(earlier);
    }
    for (var comment : List.copyOf(data.getCellComments().entrySet())) {
      if (AUTHOR.equals(comment.getValue().getAuthor())) {
        Row row = data.getRow(comment.getKey().getRow());
        Cell cell = row == null ? null : row.getCell(comment.getKey().getColumn());
        if (cell != null) {
          cell.removeCellComment();
        }
      }
    }
  }

  /**
   * A cell's text as a spreadsheet can hold it: cut at its limit, with a note that it was, and any
   * run that reads like the file format's code for a character ({@code _x000D_}) kept as typed by
   * escaping its underscore ({@code _x005F_}), as Excel does, so the copy shows what was handed in.
   */
  static String cellText(String text) {
    int max = org.apache.poi.ss.SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    String cut =
        text.length() <= max ? text : text.substring(0, max - 40) + " … (cut short: too long)";
    return cut.indexOf("_x") < 0 ? cut : ESCAPE_CODE.matcher(cut).replaceAll("_x005F$0");
  }

  /** The file format's code for a character, {@code _xHHHH_}, as text may happen to hold it. */
  private static final Pattern ESCAPE_CODE = Pattern.compile("_x[0-9A-Fa-f]{4}_");

  private static boolean isXlsx(Path file) {
    try (InputStream in =
        FileMagic.prepareToCheckMagic(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS))) {
      return FileMagic.valueOf(in) == FileMagic.OOXML;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static void mark(Workbook wb, Sheet sheet, ReturnCheck check, RawSheet cells) {
    CellStyle error = markStyle(wb, IndexedColors.ROSE);
    CellStyle warning = markStyle(wb, IndexedColors.LIGHT_YELLOW);
    CreationHelper factory = wb.getCreationHelper();
    Drawing<?> drawing = sheet.createDrawingPatriarch();
    int headerRow = headerRow(check, cells);
    int markerColumn = earlierMarkerColumn(sheet, headerRow).orElse(-1);
    if (markerColumn < 0) {
      for (RawSheet.Row r : cells.rows()) {
        markerColumn = Math.max(markerColumn, r.cells().size());
      }
    } else {
      for (Row row : sheet) {
        if (row.getRowNum() != headerRow - 1 && row.getCell(markerColumn) != null) {
          row.removeCell(row.getCell(markerColumn));
        }
      }
    }
    Map<Integer, List<String>> markers = new LinkedHashMap<>();
    Map<String, StringBuilder> comments = new LinkedHashMap<>();
    for (ReturnProblem p : check.problems()) {
      if (p.row() == null || (p.sheet() != null && !p.sheet().equals(cells.sheet()))) {
        continue;
      }
      int column = columnOf(p.column(), check, cells, headerRow);
      int rowIndex = p.row() - 1;
      Row row = sheet.getRow(rowIndex) == null ? sheet.createRow(rowIndex) : sheet.getRow(rowIndex);
      Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
      CellStyle style = wb.createCellStyle();
      style.cloneStyleFrom(cell.getCellStyle());
      CellStyle mark = p.isError() ? error : warning;
      style.setFillForegroundColor(mark.getFillForegroundColor());
      style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      style.setBorderBottom(BorderStyle.THICK);
      style.setBorderTop(BorderStyle.THICK);
      style.setBorderLeft(BorderStyle.THICK);
      style.setBorderRight(BorderStyle.THICK);
      cell.setCellStyle(style);
      String text = (p.isError() ? "Error: " : "Warning: ") + explanation(p);
      comments
          .computeIfAbsent(rowIndex + ":" + column, k -> new StringBuilder())
          .append(text)
          .append('\n');
      markers
          .computeIfAbsent(rowIndex, k -> new ArrayList<>())
          .add(
              (p.isError() ? "ERROR" : "WARNING")
                  + (p.column() == null ? "" : " in '" + p.column() + "'")
                  + ": "
                  + explanation(p));
    }
    for (Map.Entry<String, StringBuilder> e : comments.entrySet()) {
      String[] at = e.getKey().split(":");
      int rowIndex = Integer.parseInt(at[0]);
      int column = Integer.parseInt(at[1]);
      Cell cell = sheet.getRow(rowIndex).getCell(column);
      ClientAnchor anchor = factory.createClientAnchor();
      anchor.setRow1(rowIndex);
      anchor.setRow2(rowIndex + 4);
      anchor.setCol1(column + 1);
      anchor.setCol2(column + 5);
      Comment comment = drawing.createCellComment(anchor);
      comment.setString(factory.createRichTextString(cellText(e.getValue().toString().strip())));
      comment.setAuthor(AUTHOR);
      // The anchor places the comment's box beside the cell; the comment belongs to the cell (the
      // streaming writer's cells do not move it there themselves).
      comment.setAddress(rowIndex, column);
      cell.setCellComment(comment);
    }
    if (!markers.isEmpty()) {
      Row header = sheet.getRow(headerRow - 1);
      if (header == null) {
        header = sheet.createRow(headerRow - 1);
      }
      header.createCell(markerColumn).setCellValue(MARKER_HEADER);
      for (Map.Entry<Integer, List<String>> e : markers.entrySet()) {
        Row row = sheet.getRow(e.getKey());
        Cell cell = row.createCell(markerColumn);
        cell.setCellValue(cellText(String.join(" | ", e.getValue())));
        cell.setCellStyle(e.getValue().get(0).startsWith("ERROR") ? error : warning);
      }
      sheet.setColumnWidth(markerColumn, 80 * 256);
    }
  }

  /** The marker column an earlier marked-up copy added to this sheet, if it has one. */
  private static Optional<Integer> earlierMarkerColumn(Sheet sheet, int headerRow) {
    Row header = sheet.getRow(headerRow - 1);
    if (header == null) {
      return Optional.empty();
    }
    for (Cell cell : header) {
      if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
          && cell.getStringCellValue().equals(MARKER_HEADER)) {
        return Optional.of(cell.getColumnIndex());
      }
    }
    return Optional.empty();
  }

  private static CellStyle markStyle(Workbook wb, IndexedColors colour) {
    CellStyle style = wb.createCellStyle();
    style.setFillForegroundColor(colour.getIndex());
    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    Font bold = wb.createFont();
    bold.setBold(true);
    style.setFont(bold);
    return style;
  }

  private static void problemsSheet(Workbook wb, ReturnCheck check) {
    // A school whose own data sheet is called "Problems" keeps it; the list takes another name.
    String name = wb.getSheet(PROBLEMS_SHEET) == null ? PROBLEMS_SHEET : "ClusterLens problems";
    Sheet sheet = wb.createSheet(name);
    wb.setSheetOrder(name, 0);
    wb.setActiveSheet(0);
    wb.setSelectedTab(0);
    Row header = sheet.createRow(0);
    for (int i = 0; i < PROBLEM_HEADINGS.length; i++) {
      header.createCell(i).setCellValue(PROBLEM_HEADINGS[i]);
    }
    int r = 1;
    for (ReturnProblem p : check.problems()) {
      Row row = sheet.createRow(r++);
      String[] values = problemRow(p);
      for (int i = 0; i < values.length; i++) {
        row.createCell(i).setCellValue(values[i]);
      }
    }
    if (check.problems().isEmpty()) {
      sheet.createRow(1).createCell(0).setCellValue(NO_PROBLEMS);
    }
    for (int i = 0; i < PROBLEM_WIDTHS.length; i++) {
      sheet.setColumnWidth(i, PROBLEM_WIDTHS[i] * 256);
    }
  }

  /** The Problems sheet's headings. */
  static final String[] PROBLEM_HEADINGS = {
    "Kind", "Where", "Value", "What is wrong", "What would be accepted"
  };

  /** The Problems sheet's columns' widths, in characters. */
  static final int[] PROBLEM_WIDTHS = {10, 36, 20, 70, 70};

  /** What the Problems sheet says of a return with none. */
  static final String NO_PROBLEMS = "No problems were found.";

  /** One problem's line on the Problems sheet, under {@link #PROBLEM_HEADINGS}. */
  static String[] problemRow(ReturnProblem p) {
    return new String[] {
      p.isError() ? "Error" : "Warning",
      ReturnFeedbackPage.where(p),
      p.value() == null ? "" : cellText(p.value()),
      p.problem(),
      p.accepted() == null ? "" : p.accepted()
    };
  }

  /** What is wrong and what would be accepted, as the comment and the marker say it. */
  static String explanation(ReturnProblem p) {
    String value = p.value() == null ? "" : "'" + p.value() + "' ";
    return value + p.problem() + "." + (p.accepted() == null ? "" : " " + p.accepted() + ".");
  }

  private static int headerRow(ReturnCheck check, RawSheet cells) {
    if (check.header() != null) {
      return check.header().headerRow();
    }
    return cells.rows().isEmpty() ? 1 : cells.rows().get(0).number();
  }

  /**
   * The 0-based column a problem names: the one header cell with that text, else the column ingest
   * mapped to it (a heading merged above, such as "KS2" over "Reading"); column A when the problem
   * names none or the header is not found.
   */
  static int columnOf(String column, ReturnCheck check, RawSheet cells, int headerRow) {
    if (column == null) {
      return 0;
    }
    String wanted = column.trim();
    List<Integer> exact = new ArrayList<>();
    for (RawSheet.Row r : cells.rows()) {
      if (r.number() == headerRow) {
        for (int c = 0; c < r.cells().size(); c++) {
          if (r.cell(c).trim().equalsIgnoreCase(wanted)) {
            exact.add(c);
          }
        }
      }
    }
    if (exact.size() == 1) {
      return exact.get(0);
    }
    if (check.header() != null) {
      for (var e : check.header().headers().entrySet()) {
        if (e.getValue().equalsIgnoreCase(wanted)) {
          return check.header().columns().get(e.getKey());
        }
      }
    }
    return exact.isEmpty() ? 0 : exact.get(0);
  }
}
