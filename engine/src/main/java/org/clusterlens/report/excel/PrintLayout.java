package org.clusterlens.report.excel;

import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.text.AttributedString;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;

/**
 * Lays a finished workbook out for paper, so that it prints legibly from Excel, LibreOffice or a
 * browser's viewer: every row as tall as its wrapped text, a note line too long for its first
 * column spread across the table, a print area, a sheet fitted to the page's width only where its
 * text stays at 9 pt or more (else it runs on to more pages), and no chart cut by a page break.
 *
 * <p>Row heights are measured, not guessed: the text is broken into lines with the workbook's own
 * font (Arial, which LibreOffice prints with its metric twin Liberation Sans) at each column's
 * width. Spreadsheets do not size rows themselves when they print a file they did not save.
 */
final class PrintLayout {

  /** The workbook's font: the same widths in Excel (Arial) and LibreOffice (Liberation Sans). */
  static final String FONT = "Arial";

  /** Body text's size in points. */
  static final double BODY_POINTS = 11;

  /** The smallest size printed body text may shrink to. */
  static final double SMALLEST_POINTS = 9;

  /** A4 in points, and the margins set on every sheet (inches, as POI takes them). */
  private static final double A4_LONG = 842;

  private static final double A4_SHORT = 595;
  private static final double SIDE_MARGIN = 0.4;
  private static final double END_MARGIN = 0.5;
  private static final double HEADER_MARGIN = 0.25;

  /** One character of column width, in pixels: the width of a digit in 11 pt Arial. */
  private static final double CHARACTER_PIXELS = 8;

  /** A cell's inner padding on each side, in points. */
  private static final double PADDING = 1.5;

  /** A line of text is this many times its font size tall. */
  private static final double LINE_SPACING = 1.15;

  private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

  private PrintLayout() {}

  /** Lays out every sheet of a finished workbook. */
  static void apply(XSSFWorkbook wb) {
    Looks looks = new Looks(wb);
    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
      apply(wb.getSheetAt(i), looks);
    }
  }

  /** Lays out one sheet; call again after changing it. */
  static void apply(XSSFSheet sheet) {
    apply(sheet, new Looks(sheet.getWorkbook()));
  }

  /** What layout reads of a cell's style: whether it wraps, and its font. */
  private record Look(boolean wrapped, short points, boolean bold, boolean italic) {}

  /**
   * A workbook's styles as layout reads them, each read once: asking POI a cell's style makes a new
   * style object and reads its XML each time, which was a third of laying out an LA's governor
   * workbook (tens of thousands of cells in a dozen styles).
   */
  private static final class Looks {
    private final XSSFWorkbook wb;
    private final Map<Integer, Look> byIndex = new HashMap<>();
    private final Map<Short, XSSFCellStyle> wrappedTwins = new HashMap<>();

    Looks(XSSFWorkbook wb) {
      this.wb = wb;
    }

    Look of(Cell cell) {
      CTCell xml = ((XSSFCell) cell).getCTCell();
      int index = xml.isSetS() ? Math.toIntExact(xml.getS()) : 0;
      return byIndex.computeIfAbsent(
          index,
          i -> {
            XSSFCellStyle style = wb.getCellStyleAt(i);
            XSSFFont font = style.getFont();
            return new Look(
                style.getWrapText(),
                font.getFontHeightInPoints(),
                font.getBold(),
                font.getItalic());
          });
    }

    /** The cell's style with text wrapped, made once per style. */
    XSSFCellStyle wrapped(Cell cell) {
      XSSFCellStyle style = (XSSFCellStyle) cell.getCellStyle();
      return wrappedTwins.computeIfAbsent(
          style.getIndex(),
          i -> {
            XSSFCellStyle twin = wb.createCellStyle();
            twin.cloneStyleFrom(style);
            twin.setWrapText(true);
            return twin;
          });
    }
  }

  private static void apply(XSSFSheet sheet, Looks looks) {
    int lastCol = lastTableColumn(sheet);
    spreadLongLines(sheet, lastCol, looks);
    wrapOverflowingCells(sheet, looks);
    fitRowHeights(sheet, looks);
    int lastRow = Math.max(sheet.getLastRowNum(), lastChartRow(sheet));
    lastCol = Math.max(lastCol, lastChartColumn(sheet));
    pageSetup(sheet, lastCol, lastRow);
    keepChartsWhole(sheet);
  }

  /**
   * The last column of the sheet's widest table: the header row's, or for a sheet with no header
   * row the last column any row fills.
   */
  private static int lastTableColumn(XSSFSheet sheet) {
    Row header = sheet.getRow(TableSheet.HEADER_ROW);
    int last = 0;
    if (header != null && header.getLastCellNum() > 0 && sheet.getPaneInformation() != null) {
      last = header.getLastCellNum() - 1;
    }
    for (Row row : sheet) {
      if (row.getPhysicalNumberOfCells() > 1) {
        last = Math.max(last, row.getLastCellNum() - 1);
      }
    }
    return last;
  }

  /**
   * A row holding only a line of text in its first column (a note, a heading, a reading note) that
   * is wider than that column is merged across the table and wrapped, so it neither runs off the
   * printed page nor hides under the next cell.
   */
  private static void spreadLongLines(XSSFSheet sheet, int lastCol, Looks looks) {
    if (lastCol == 0) {
      for (Row row : sheet) {
        Cell only = row.getCell(0);
        if (only != null && only.getCellType() == CellType.STRING && !looks.of(only).wrapped()) {
          if (textWidth(looks.of(only), only.getStringCellValue()) > columnsWidth(sheet, 0, 0)) {
            only.setCellStyle(looks.wrapped(only));
          }
        }
      }
      return;
    }
    for (Row row : sheet) {
      Cell only = row.getCell(0);
      if (only == null
          || only.getCellType() != CellType.STRING
          || row.getPhysicalNumberOfCells() != 1
          || isMerged(sheet, row.getRowNum())) {
        continue;
      }
      String text = only.getStringCellValue();
      if (textWidth(looks.of(only), text) <= columnsWidth(sheet, 0, 0)) {
        continue;
      }
      sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, lastCol));
      only.setCellStyle(looks.wrapped(only));
    }
  }

  /**
   * A table cell whose text is wider than its column wraps, where the next cell would otherwise
   * hide its end.
   */
  private static void wrapOverflowingCells(XSSFSheet sheet, Looks looks) {
    for (Row row : sheet) {
      for (Cell cell : row) {
        if (cell.getCellType() != CellType.STRING || looks.of(cell).wrapped()) {
          continue;
        }
        Cell right = row.getCell(cell.getColumnIndex() + 1);
        boolean hidden = right != null && right.getCellType() != CellType.BLANK;
        int c = cell.getColumnIndex();
        if (hidden
            && textWidth(looks.of(cell), cell.getStringCellValue()) > columnsWidth(sheet, c, c)) {
          cell.setCellStyle(looks.wrapped(cell));
        }
      }
    }
  }

  private static boolean isMerged(XSSFSheet sheet, int row) {
    return sheet.getMergedRegions().stream().anyMatch(r -> r.getFirstRow() == row);
  }

  /**
   * Sets every row that holds text to the height of its tallest cell: wrapped text's line count at
   * the column's width, times its font's line height. A row is never made shorter than a height
   * already set on it.
   */
  private static void fitRowHeights(XSSFSheet sheet, Looks looks) {
    Map<Integer, CellRangeAddress> merged = new HashMap<>();
    for (CellRangeAddress r : sheet.getMergedRegions()) {
      merged.put(r.getFirstRow() * 1024 + r.getFirstColumn(), r);
    }
    for (Row row : sheet) {
      double height = 0;
      for (Cell cell : row) {
        Look font = looks.of(cell);
        double lineHeight = font.points() * LINE_SPACING;
        int lines = 1;
        if (cell.getCellType() == CellType.STRING && font.wrapped()) {
          CellRangeAddress span = merged.get(row.getRowNum() * 1024 + cell.getColumnIndex());
          int lastCol = span == null ? cell.getColumnIndex() : span.getLastColumn();
          double width = columnsWidth(sheet, cell.getColumnIndex(), lastCol) - 2 * PADDING;
          lines = lineCount(font, cell.getStringCellValue(), width);
        } else if (cell.getCellType() == CellType.BLANK) {
          continue;
        }
        height = Math.max(height, lines * lineHeight + 2 * PADDING);
      }
      if (height > 0 && (!row.getZeroHeight() && height > currentHeight(row))) {
        row.setHeightInPoints((float) Math.ceil(height));
      }
    }
  }

  private static double currentHeight(Row row) {
    return ((org.apache.poi.xssf.usermodel.XSSFRow) row).getCTRow().isSetCustomHeight()
        ? row.getHeightInPoints()
        : 0;
  }

  /**
   * Text measured once for every workbook of a run: the same headers, notes and reading notes recur
   * in each of an LA's 300 governor workbooks, and breaking them into lines is most of the cost of
   * laying a workbook out. Emptied when it grows large, so it never holds more than a run's
   * recurring text.
   */
  private static final Map<Measured, Double> MEASURED = new ConcurrentHashMap<>();

  private static final int MEASURED_AT_MOST = 50_000;

  /** Text in a font, at a width in points (zero for its width on one line). */
  private record Measured(
      short points, boolean bold, boolean italic, String text, double width, boolean lines) {}

  private static double measured(Measured key, ToDoubleFunction<Measured> how) {
    if (MEASURED.size() >= MEASURED_AT_MOST) {
      MEASURED.clear();
    }
    return MEASURED.computeIfAbsent(key, how::applyAsDouble);
  }

  /** How many lines {@code text} takes in {@code font} at {@code width} points. */
  private static int lineCount(Look font, String text, double width) {
    return (int)
        measured(
            new Measured(font.points(), font.bold(), font.italic(), text, width, true),
            k -> measureLines(k.points(), k.bold(), k.italic(), k.text(), k.width()));
  }

  private static int measureLines(
      short points, boolean bold, boolean italic, String text, double width) {
    int lines = 0;
    for (String paragraph : text.split("\n", -1)) {
      if (paragraph.isEmpty()) {
        lines++;
        continue;
      }
      AttributedString s = new AttributedString(paragraph);
      s.addAttribute(TextAttribute.FAMILY, FONT);
      s.addAttribute(TextAttribute.SIZE, (float) points);
      if (bold) {
        s.addAttribute(TextAttribute.WEIGHT, TextAttribute.WEIGHT_BOLD);
      }
      if (italic) {
        s.addAttribute(TextAttribute.POSTURE, TextAttribute.POSTURE_OBLIQUE);
      }
      LineBreakMeasurer measurer = new LineBreakMeasurer(s.getIterator(), MEASURE);
      while (measurer.getPosition() < paragraph.length()) {
        measurer.nextLayout((float) Math.max(width, 10));
        lines++;
      }
    }
    return Math.max(1, lines);
  }

  private static double textWidth(Look font, String text) {
    return measured(
        new Measured(font.points(), font.bold(), font.italic(), text, 0, false),
        k -> {
          int style = (k.bold() ? java.awt.Font.BOLD : 0) | (k.italic() ? java.awt.Font.ITALIC : 0);
          java.awt.Font awt = new java.awt.Font(FONT, style, k.points());
          return awt.getStringBounds(k.text(), MEASURE).getWidth() + 2 * PADDING;
        });
  }

  /** The printed width in points of columns {@code first} to {@code last}. */
  static double columnsWidth(Sheet sheet, int first, int last) {
    double pixels = 0;
    for (int c = first; c <= last; c++) {
      pixels += sheet.getColumnWidth(c) / 256.0 * CHARACTER_PIXELS + 5;
    }
    return pixels * 0.75;
  }

  private static List<XSSFClientAnchor> chartAnchors(XSSFSheet sheet) {
    XSSFDrawing drawing = sheet.getDrawingPatriarch();
    if (drawing == null) {
      return List.of();
    }
    return drawing.getShapes().stream()
        .map(XSSFShape::getAnchor)
        .filter(a -> a instanceof XSSFClientAnchor)
        .map(a -> (XSSFClientAnchor) a)
        .toList();
  }

  private static int lastChartRow(XSSFSheet sheet) {
    return chartAnchors(sheet).stream().mapToInt(a -> a.getRow2()).max().orElse(0);
  }

  private static int lastChartColumn(XSSFSheet sheet) {
    return chartAnchors(sheet).stream().mapToInt(a -> a.getCol2() - 1).max().orElse(0);
  }

  /**
   * Print area, narrow margins, and the scale: one page wide where that keeps body text at 9 pt or
   * more; otherwise 9 pt, running on to further pages to the right with the first column repeated
   * on each.
   */
  private static void pageSetup(XSSFSheet sheet, int lastCol, int lastRow) {
    PrintSetup print = sheet.getPrintSetup();
    sheet.setMargin(PageMargin.LEFT, SIDE_MARGIN);
    sheet.setMargin(PageMargin.RIGHT, SIDE_MARGIN);
    sheet.setMargin(PageMargin.TOP, END_MARGIN);
    sheet.setMargin(PageMargin.BOTTOM, END_MARGIN);
    sheet.setMargin(PageMargin.HEADER, HEADER_MARGIN);
    sheet.setMargin(PageMargin.FOOTER, HEADER_MARGIN);
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    XSSFWorkbook wb = sheet.getWorkbook();
    wb.setPrintArea(wb.getSheetIndex(sheet), 0, lastCol, 0, lastRow);
    double scale = printableWidth(sheet) / columnsWidth(sheet, 0, lastCol);
    if (scale >= SMALLEST_POINTS / BODY_POINTS) {
      print.setFitWidth((short) 1);
      print.setFitHeight((short) 0);
      sheet.setFitToPage(true);
    } else {
      sheet.setFitToPage(false);
      print.setScale((short) Math.ceil(100 * SMALLEST_POINTS / BODY_POINTS));
      if (lastCol > 0) {
        sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, 0));
      }
    }
    sheet.setAutobreaks(true);
  }

  private static double printableWidth(Sheet sheet) {
    double paper = sheet.getPrintSetup().getLandscape() ? A4_LONG : A4_SHORT;
    return paper - 2 * SIDE_MARGIN * 72;
  }

  private static double printableHeight(Sheet sheet) {
    double paper = sheet.getPrintSetup().getLandscape() ? A4_SHORT : A4_LONG;
    return paper - 2 * END_MARGIN * 72;
  }

  /** The scale the sheet will print at, as a fraction. */
  private static double printScale(XSSFSheet sheet, int lastCol) {
    if (!sheet.getFitToPage()) {
      return sheet.getPrintSetup().getScale() / 100.0;
    }
    return Math.min(1, printableWidth(sheet) / columnsWidth(sheet, 0, lastCol));
  }

  /**
   * Follows the rows down the printed pages (the spreadsheet breaks a page when the next row does
   * not fit, and at each manual break) and puts a page break above any chart that would otherwise
   * straddle two pages.
   */
  private static void keepChartsWhole(XSSFSheet sheet) {
    List<XSSFClientAnchor> charts = chartAnchors(sheet);
    if (charts.isEmpty()) {
      return;
    }
    int lastCol = Math.max(lastTableColumn(sheet), lastChartColumn(sheet));
    double page = printableHeight(sheet) / printScale(sheet, lastCol);
    CellRangeAddress titles = sheet.getRepeatingRows();
    double repeated = 0;
    if (titles != null) {
      for (int r = titles.getFirstRow(); r <= titles.getLastRow(); r++) {
        repeated += rowHeight(sheet, r);
      }
    }
    for (XSSFClientAnchor chart : charts) {
      double used = 0;
      int pageStart = 0;
      for (int r = 0; r < chart.getRow1(); r++) {
        double h = rowHeight(sheet, r);
        boolean manual = sheet.isRowBroken(r - 1) && r > 0;
        if (manual || used + h > page) {
          used = (titles != null && r > titles.getLastRow()) ? repeated : 0;
          pageStart = r;
        }
        used += h;
      }
      double chartHeight = 0;
      for (int r = chart.getRow1(); r < chart.getRow2(); r++) {
        chartHeight += rowHeight(sheet, r);
      }
      // With room to spare: the spreadsheet's rows come out a little taller than measured here.
      if (used + chartHeight > page * 0.9 && chart.getRow1() > pageStart) {
        sheet.setRowBreak(chart.getRow1() - 1);
      }
    }
  }

  /**
   * Spaces out each range of rows that prints as a page of its own (a visit brief) so that it fills
   * its page: every row with text grows by the same amount, at most one more line.
   */
  static void fillPages(XSSFSheet sheet, List<CellRangeAddress> pages) {
    int lastCol = Math.max(lastTableColumn(sheet), lastChartColumn(sheet));
    double page = printableHeight(sheet) / printScale(sheet, lastCol);
    CellRangeAddress titles = sheet.getRepeatingRows();
    if (titles != null) {
      for (int r = titles.getFirstRow(); r <= titles.getLastRow(); r++) {
        page -= rowHeight(sheet, r);
      }
    }
    for (CellRangeAddress range : pages) {
      double used = 0;
      List<Row> spread = new java.util.ArrayList<>();
      for (int r = range.getFirstRow(); r <= range.getLastRow(); r++) {
        used += rowHeight(sheet, r);
        Row row = sheet.getRow(r);
        if (row != null && row.getCell(range.getLastColumn()) != null) {
          spread.add(row);
        }
      }
      // A little short of the page: the spreadsheet's own rounding must not push a row over.
      double spare = page * 0.95 - used;
      if (spare <= 0 || spread.isEmpty()) {
        continue;
      }
      double each = Math.min(spare / spread.size(), BODY_POINTS * LINE_SPACING * 2.5);
      for (Row row : spread) {
        row.setHeightInPoints((float) Math.floor(row.getHeightInPoints() + each));
      }
    }
  }

  private static double rowHeight(Sheet sheet, int r) {
    Row row = sheet.getRow(r);
    return row == null ? sheet.getDefaultRowHeightInPoints() : row.getHeightInPoints();
  }
}
