package org.clusterlens.report.excel;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.clusterlens.report.AveragePoints;
import org.clusterlens.report.Proportion;

/**
 * A sheet holding one table: a title line, a note, a frozen header row, set column widths, and a
 * landscape print setup that fits the width of a page.
 */
final class TableSheet {

  /** The row index of the header; data starts on the next row. */
  static final int HEADER_ROW = 2;

  /** One column: its header, its width in characters and the style of its numbers. */
  record Column(String header, int width, CellStyle style) {}

  private final Sheet sheet;
  private final PackStyles styles;
  private final List<Column> columns;
  private int next = HEADER_ROW + 1;

  private TableSheet(Sheet sheet, PackStyles styles, List<Column> columns) {
    this.sheet = sheet;
    this.styles = styles;
    this.columns = List.copyOf(columns);
  }

  static TableSheet create(
      Workbook wb,
      PackStyles styles,
      String name,
      String title,
      String note,
      List<Column> columns) {
    Sheet sheet = wb.createSheet(name);
    TableSheet t = new TableSheet(sheet, styles, columns);
    styles.setText(sheet.createRow(0).createCell(0), title, styles.title());
    styles.setText(sheet.createRow(1).createCell(0), note, styles.text());
    Row header = sheet.createRow(HEADER_ROW);
    header.setHeightInPoints(headerHeightInPoints(columns));
    for (int i = 0; i < columns.size(); i++) {
      styles.setText(header.createCell(i), columns.get(i).header(), styles.header());
      sheet.setColumnWidth(i, Math.min(255, columns.get(i).width()) * 256);
    }
    sheet.createFreezePane(0, HEADER_ROW + 1);
    printSetup(sheet);
    sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
    return t;
  }

  /**
   * Tall enough for the longest wrapped header: a fixed height clipped headers such as "Pupils
   * counted (Level 4+)" in narrow columns.
   */
  private static float headerHeightInPoints(List<Column> columns) {
    int lines = 1;
    for (Column c : columns) {
      int perLine = Math.max(4, c.width() - 2);
      lines = Math.max(lines, (c.header().length() + perLine - 1) / perLine);
    }
    return 4 + 14f * lines;
  }

  static void printSetup(Sheet sheet) {
    PrintSetup print = sheet.getPrintSetup();
    print.setLandscape(true);
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0);
    sheet.setFitToPage(true);
    sheet.setAutobreaks(true);
  }

  /**
   * Adds a row. A {@link String} becomes text, a {@link Number} a number in the column's style, a
   * {@link Proportion} fills three columns (fraction, pupils at the level, pupils counted), an
   * {@link AveragePoints} two (mean, pupils), a {@link Blank} leaves that many cells empty and null
   * leaves one empty.
   *
   * @throws IllegalStateException if the row does not fill exactly the sheet's columns
   */
  void add(Object... values) {
    Row row = sheet.createRow(next++);
    int col = 0;
    for (Object v : values) {
      if (v instanceof Proportion p) {
        number(row, col++, p.fraction());
        number(row, col++, p.count());
        number(row, col++, p.pupils());
      } else if (v instanceof AveragePoints a) {
        number(row, col++, a.mean());
        number(row, col++, a.pupils());
      } else if (v instanceof Blank b) {
        col += b.cells();
      } else if (v instanceof Number n) {
        number(row, col++, n.doubleValue());
      } else if (v instanceof String s) {
        styles.setText(row.createCell(col++), s, styles.text());
      } else if (v == null) {
        col++;
      } else {
        throw new IllegalArgumentException(
            "Can't write a " + v.getClass().getName() + " to a cell");
      }
    }
    if (col != columns.size()) {
      throw new IllegalStateException(
          "Row "
              + row.getRowNum()
              + " of "
              + sheet.getSheetName()
              + " filled "
              + col
              + " cells, but the sheet has "
              + columns.size()
              + " columns");
    }
  }

  /** Sets an autofilter over the header and the rows written so far. */
  void filter() {
    if (next > HEADER_ROW + 1) {
      sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, next - 1, 0, columns.size() - 1));
    }
  }

  private void number(Row row, int col, double value) {
    Cell c = row.createCell(col);
    c.setCellValue(value);
    c.setCellStyle(columns.get(col).style());
  }

  /** Leaves {@code cells} cells empty: a missing percentage is {@code blank(3)}. */
  record Blank(int cells) {}

  static Blank blank(int cells) {
    return new Blank(cells);
  }

  /** A proportion, or three empty cells when there is none. */
  static Object orBlank(Proportion p) {
    return p == null ? blank(3) : p;
  }

  /** Average points, or two empty cells when there are none. */
  static Object orBlank(AveragePoints a) {
    return a == null ? blank(2) : a;
  }
}
