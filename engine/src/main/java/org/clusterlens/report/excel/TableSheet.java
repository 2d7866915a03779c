package org.clusterlens.report.excel;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.clusterlens.report.AveragePoints;
import org.clusterlens.report.Proportion;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextBody;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextParagraph;

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
  private final String note;
  private final java.util.Set<org.clusterlens.report.Blank> used =
      java.util.EnumSet.noneOf(org.clusterlens.report.Blank.class);
  private int next = HEADER_ROW + 1;

  private TableSheet(Sheet sheet, PackStyles styles, List<Column> columns, String note) {
    this.sheet = sheet;
    this.styles = styles;
    this.columns = List.copyOf(columns);
    this.note = note;
  }

  static TableSheet create(
      Workbook wb,
      PackStyles styles,
      String name,
      String title,
      String note,
      List<Column> columns) {
    Sheet sheet = wb.createSheet(name);
    TableSheet t = new TableSheet(sheet, styles, columns, note);
    styles.setText(sheet.createRow(0).createCell(0), title, styles.title());
    styles.setText(sheet.createRow(1).createCell(0), note, styles.text());
    Row header = sheet.createRow(HEADER_ROW);
    header.setHeightInPoints(headerHeightInPoints(columns));
    for (int i = 0; i < columns.size(); i++) {
      styles.setText(header.createCell(i), columns.get(i).header(), styles.header());
      sheet.setColumnWidth(i, Math.min(255, columns.get(i).width()) * 256);
    }
    sheet.createFreezePane(0, HEADER_ROW + 1);
    printSetup(sheet, HEADER_ROW);
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

  /**
   * Landscape A4, one page wide, and the rows from the title to {@code lastTitleRow} printed at the
   * top of every page.
   */
  static void printSetup(Sheet sheet, int lastTitleRow) {
    printSetup(sheet);
    sheet.setRepeatingRows(new CellRangeAddress(0, lastTitleRow, -1, -1));
  }

  private static void printSetup(Sheet sheet) {
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
   * {@link AveragePoints} two (mean, pupils), a {@link Blank} fills that many cells with its letter
   * ({@code c}, {@code z} or {@code x}, as text) or leaves them empty when it has none, a {@link
   * org.clusterlens.report.Blank} fills one cell with its letter, and null leaves one empty. The
   * first letter of each kind adds its meaning to the sheet's note line, above the table.
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
        for (int i = 0; i < b.cells(); i++) {
          symbol(row, col++, b.why());
        }
      } else if (v instanceof org.clusterlens.report.Blank b) {
        symbol(row, col++, b);
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

  /** Adds an empty row for a caller to fill cell by cell (a heading within the table). */
  Row addRow() {
    return sheet.createRow(next++);
  }

  /** Sets an autofilter over the header and the rows written so far. */
  void filter() {
    if (next > HEADER_ROW + 1) {
      sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, next - 1, 0, columns.size() - 1));
    }
  }

  /** The sheet. */
  Sheet sheet() {
    return sheet;
  }

  /** The index of the next row {@link #add} would write. */
  int nextRow() {
    return next;
  }

  /**
   * Shades a label column's cells by their words: "Below…"/"Well below…"/"Clear fall" light orange,
   * "Above…"/"Well above…"/"Clear rise" light green. The words stay in the cell, so the colour
   * never carries the meaning alone.
   */
  void shadeLabels(int col) {
    if (next <= HEADER_ROW + 1) {
      return;
    }
    SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
    String cell = new CellReference(HEADER_ROW + 1, col, false, false).formatAsString();
    ConditionalFormattingRule low =
        cf.createConditionalFormattingRule(
            "OR(LEFT("
                + cell
                + ",5)=\"Below\",LEFT("
                + cell
                + ",10)=\"Well below\","
                + cell
                + "=\"Clear fall\")");
    low.createPatternFormatting().setFillBackgroundColor(IndexedColors.LIGHT_ORANGE.getIndex());
    ConditionalFormattingRule high =
        cf.createConditionalFormattingRule(
            "OR(LEFT("
                + cell
                + ",5)=\"Above\",LEFT("
                + cell
                + ",10)=\"Well above\","
                + cell
                + "=\"Clear rise\")");
    high.createPatternFormatting().setFillBackgroundColor(IndexedColors.LIGHT_GREEN.getIndex());
    cf.addConditionalFormatting(
        new CellRangeAddress[] {new CellRangeAddress(HEADER_ROW + 1, next - 1, col, col)},
        low,
        high);
  }

  /** How many rows of default height a chart below its table takes. */
  static final int CHART_ROWS = 16;

  /** How wide a chart is, in characters of column width. */
  private static final int CHART_CHARACTERS = 100;

  /**
   * Draws a native bar chart below the table (never beside it, where it would make the printed page
   * wider and shrink the table's text), then writes the chart's figures below it: a title row, a
   * header row, then one row per category.
   *
   * @param title the block's and the chart's title
   * @param categories the bars' labels
   * @param seriesNames one name per series
   * @param values values[series][category], as fractions (0.72) shown as percentages; NaN leaves
   *     the cell empty
   */
  void barChart(
      String title, List<String> categories, List<String> seriesNames, double[][] values) {
    // Long labels (school names) read across, on bars laid sideways, one school a row or so;
    // slanted under upright bars they squeeze the plot and print small.
    boolean sideways = categories.stream().mapToInt(String::length).max().orElse(0) > 14;
    int chartRows =
        sideways
            ? Math.max(CHART_ROWS, 4 + (categories.size() * (seriesNames.size() + 1) + 1) / 2)
            : CHART_ROWS;
    int chartTop = next + 1;
    int first = chartTop + chartRows + 1;
    styles.setText(
        sheet.createRow(first).createCell(0), title + " (the chart's figures)", styles.subheader());
    Row head = sheet.createRow(first + 1);
    styles.setText(head.createCell(0), "", styles.text());
    for (int s = 0; s < seriesNames.size(); s++) {
      styles.setText(head.createCell(s + 1), seriesNames.get(s), styles.subheader());
    }
    for (int c = 0; c < categories.size(); c++) {
      Row row = sheet.createRow(first + 2 + c);
      styles.setText(row.createCell(0), categories.get(c), styles.text());
      for (int s = 0; s < seriesNames.size(); s++) {
        if (!Double.isNaN(values[s][c])) {
          Cell cell = row.createCell(s + 1);
          cell.setCellValue(values[s][c]);
          cell.setCellStyle(styles.percent());
        }
      }
    }
    int firstData = first + 2;
    int lastData = first + 1 + categories.size();
    next = lastData + 1;

    XSSFDrawing drawing = ((XSSFSheet) sheet).createDrawingPatriarch();
    int lastCol = 0;
    int width = columns.get(0).width();
    while (width < CHART_CHARACTERS && lastCol + 1 < columns.size()) {
      width += columns.get(++lastCol).width();
    }
    XSSFClientAnchor anchor =
        drawing.createAnchor(0, 0, 0, 0, 0, chartTop, lastCol + 1, chartTop + chartRows);
    XSSFChart chart = drawing.createChart(anchor);
    chart.setTitleText(title);
    chartTextSize(chart, 12);
    chart.setTitleOverlay(false);
    XDDFChartLegend legend = chart.getOrAddLegend();
    legend.setPosition(LegendPosition.BOTTOM);
    XDDFCategoryAxis x =
        chart.createCategoryAxis(sideways ? AxisPosition.LEFT : AxisPosition.BOTTOM);
    XDDFValueAxis y = chart.createValueAxis(sideways ? AxisPosition.BOTTOM : AxisPosition.LEFT);
    if (sideways) {
      // The first school at the top, as in the table above.
      x.setOrientation(AxisOrientation.MAX_MIN);
    }
    y.setMinimum(0);
    y.setMaximum(1);
    y.setNumberFormat("0%");
    y.setCrosses(AxisCrosses.AUTO_ZERO);
    XDDFDataSource<String> cats =
        XDDFDataSourcesFactory.fromStringCellRange(
            (XSSFSheet) sheet, new CellRangeAddress(firstData, lastData, 0, 0));
    XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
    data.setBarDirection(sideways ? BarDirection.BAR : BarDirection.COL);
    data.setVaryColors(false);
    String[] colours = {"0072B2", "56B4E9", "D55E00", "009E73"};
    for (int s = 0; s < seriesNames.size(); s++) {
      XDDFNumericalDataSource<Double> vals =
          XDDFDataSourcesFactory.fromNumericCellRange(
              (XSSFSheet) sheet, new CellRangeAddress(firstData, lastData, s + 1, s + 1));
      XDDFChartData.Series series = data.addSeries(cats, vals);
      series.setTitle(
          seriesNames.get(s),
          new CellReference(sheet.getSheetName(), first + 1, s + 1, true, true));
      series.setFillProperties(
          new XDDFSolidFillProperties(
              XDDFColor.from(java.util.HexFormat.of().parseHex(colours[s % colours.length]))));
    }
    // Each series' cached points from its cells, as XDDFChart.plot does; plot itself also makes an
    // empty workbook for a chart's own data, which these charts (drawn from the sheet's cells)
    // never use: one for each of an LA's 900 governor-workbook charts.
    for (int s = 0; s < data.getSeriesCount(); s++) {
      data.getSeries(s).plot();
    }
  }

  /**
   * Sets the chart's default text size: a spreadsheet's own default (10 pt) prints under 9 pt on a
   * sheet scaled to fit its page.
   */
  private static void chartTextSize(XSSFChart chart, int points) {
    CTTextBody text = chart.getCTChartSpace().addNewTxPr();
    text.addNewBodyPr();
    text.addNewLstStyle();
    CTTextParagraph p = text.addNewP();
    p.addNewPPr().addNewDefRPr().setSz(points * 100);
    p.addNewEndParaRPr().setLang("en-GB");
  }

  private void number(Row row, int col, double value) {
    Cell c = row.createCell(col);
    c.setCellValue(value);
    c.setCellStyle(columns.get(col).style());
  }

  /**
   * A text cell holding a missing figure's letter (never a 0 a spreadsheet would add up), or an
   * empty cell when {@code why} is null; the note line then explains the letter.
   */
  private void symbol(Row row, int col, org.clusterlens.report.Blank why) {
    if (why == null) {
      return;
    }
    Cell c = row.createCell(col);
    styles.setText(c, why.symbol(), styles.text());
    if (used.add(why)) {
      styles.setText(
          sheet.getRow(1).getCell(0),
          note + (note.isEmpty() ? "" : " ") + org.clusterlens.report.Blank.legend(used) + ".",
          styles.text());
    }
  }

  /**
   * {@code cells} cells, each holding the letter for why there is no figure ({@code c}, {@code z},
   * {@code x}), or empty when {@code why} is null: a missing percentage is {@code blank(3, why)}.
   */
  record Blank(int cells, org.clusterlens.report.Blank why) {}

  static Blank blank(int cells, org.clusterlens.report.Blank why) {
    return new Blank(cells, why);
  }

  /** A proportion, or three cells of "x" (no data) when there is none. */
  static Object orBlank(Proportion p) {
    return orBlank(p, org.clusterlens.report.Blank.NO_DATA);
  }

  /** A proportion, or three cells holding the letter {@code why} when there is none. */
  static Object orBlank(Proportion p, org.clusterlens.report.Blank why) {
    return p == null ? blank(3, why == null ? org.clusterlens.report.Blank.NO_DATA : why) : p;
  }

  /** Average points, or two cells of "x" (no data) when there are none. */
  static Object orBlank(AveragePoints a) {
    return orBlank(a, org.clusterlens.report.Blank.NO_DATA);
  }

  /** Average points, or two cells holding the letter {@code why} when there are none. */
  static Object orBlank(AveragePoints a, org.clusterlens.report.Blank why) {
    return a == null ? blank(2, why == null ? org.clusterlens.report.Blank.NO_DATA : why) : a;
  }

  /** A number, or one cell holding the letter {@code why} when there is none. */
  static Object orBlank(Number n, org.clusterlens.report.Blank why) {
    return n == null || (n instanceof Double d && d.isNaN())
        ? (why == null ? org.clusterlens.report.Blank.NO_DATA : why)
        : n;
  }
}
