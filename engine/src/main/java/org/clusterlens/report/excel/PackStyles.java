package org.clusterlens.report.excel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cell styles every workbook uses, by name. Percentages are stored as fractions (0.72) and
 * shown with the "0%" format, so Excel sums and charts them as numbers.
 *
 * @param title a sheet's title line
 * @param header a table's header row: bold, shaded, wrapped
 * @param text plain text
 * @param wrapped text that wraps within its column
 * @param subheader a bold line heading a group of rows
 * @param question a suggested question: italic, wrapped
 * @param percent a percentage stored as a fraction, shown "72%"
 * @param count a whole number of pupils
 * @param points average points, one decimal place
 * @param shift a change in percentage points, with its sign: "+8"
 * @param brief a visit brief's text: 12 pt, wrapped, to be read from a printed page
 * @param quotedTwins each text style's quote-prefixed twin, by the text style's index in the
 *     workbook, for text that looks like a formula (by index, not by style: an XSSF style's hash
 *     and equality write its whole record out as XML, which cost more than the rest of an LA's
 *     governor workbooks together)
 */
record PackStyles(
    CellStyle title,
    CellStyle header,
    CellStyle text,
    CellStyle wrapped,
    CellStyle subheader,
    CellStyle question,
    CellStyle percent,
    CellStyle count,
    CellStyle points,
    CellStyle shift,
    CellStyle brief,
    Map<Short, CellStyle> quotedTwins) {

  /**
   * First characters that make Excel or Calc take typed text for a formula: a school or a return
   * file named "=HYPERLINK(…)" must stay text.
   */
  private static final String FORMULA_STARTS = "=+-@\t\r";

  static PackStyles of(Workbook wb) {
    DataFormat format = wb.createDataFormat();
    // Every font is Arial: Excel has it and LibreOffice prints it with Liberation Sans, whose
    // letters are the same width, so the row heights measured for wrapped text hold in both.
    wb.getFontAt(0).setFontName(PrintLayout.FONT);

    Font titleFont = font(wb);
    titleFont.setBold(true);
    titleFont.setFontHeightInPoints((short) 14);
    CellStyle title = wb.createCellStyle();
    title.setFont(titleFont);

    Font bold = font(wb);
    bold.setBold(true);
    CellStyle header = wb.createCellStyle();
    header.setFont(bold);
    header.setWrapText(true);
    header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    header.setBorderBottom(BorderStyle.THIN);

    CellStyle text = wb.createCellStyle();
    CellStyle wrapped = wb.createCellStyle();
    wrapped.setWrapText(true);
    CellStyle subheader = wb.createCellStyle();
    subheader.setFont(bold);
    Font italic = font(wb);
    italic.setItalic(true);
    CellStyle question = wb.createCellStyle();
    question.setFont(italic);
    question.setWrapText(true);

    CellStyle percent = numeric(wb, format, "0%");
    CellStyle count = numeric(wb, format, "0");
    CellStyle points = numeric(wb, format, "0.0");
    CellStyle shift = numeric(wb, format, "+0;-0;0");
    Font large = font(wb);
    large.setFontHeightInPoints((short) 12);
    CellStyle brief = wb.createCellStyle();
    brief.setFont(large);
    brief.setWrapText(true);
    List<CellStyle> named =
        List.of(
            title, header, text, wrapped, subheader, question, percent, count, points, shift,
            brief);
    // A tall row (wrapped text beside it) keeps its cells' first lines side by side.
    named.forEach(style -> style.setVerticalAlignment(VerticalAlignment.TOP));
    // Named before the quoted twins are cloned (they inherit the name).
    if (wb instanceof XSSFWorkbook xssf) {
      Map<String, XSSFCellStyle> byName = new LinkedHashMap<>();
      for (int i = 0; i < NAMES.size(); i++) {
        byName.put(NAMES.get(i), (XSSFCellStyle) named.get(i));
      }
      NamedStyles.name(xssf, byName);
    }
    return new PackStyles(
        title,
        header,
        text,
        wrapped,
        subheader,
        question,
        percent,
        count,
        points,
        shift,
        brief,
        Map.of(
            title.getIndex(), quoted(wb, title),
            header.getIndex(), quoted(wb, header),
            text.getIndex(), quoted(wb, text),
            wrapped.getIndex(), quoted(wb, wrapped),
            subheader.getIndex(), quoted(wb, subheader),
            question.getIndex(), quoted(wb, question),
            brief.getIndex(), quoted(wb, brief)));
  }

  /** The names Excel and Calc list in their Styles gallery, each for one of these styles. */
  static final List<String> NAMES =
      List.of(
          "ClusterLens title",
          "ClusterLens header",
          "ClusterLens text",
          "ClusterLens wrapped text",
          "ClusterLens subheading",
          "ClusterLens question",
          "ClusterLens percent",
          "ClusterLens pupils",
          "ClusterLens points",
          "ClusterLens change",
          "ClusterLens brief text");

  /**
   * Writes text into a cell in a text style. Text starting with = + - @ (or a tab or return) gets
   * the style's quote-prefixed twin, so a spreadsheet shows it as typed and never runs it.
   *
   * @throws IllegalArgumentException if {@code style} is not one of the text styles
   */
  void setText(Cell cell, String value, CellStyle style) {
    CellStyle twin = quotedTwins.get(style.getIndex());
    if (twin == null) {
      throw new IllegalArgumentException("Cell style " + style.getIndex() + " is not a text style");
    }
    cell.setCellValue(value);
    boolean formulaLike = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
    cell.setCellStyle(formulaLike ? twin : style);
  }

  private static CellStyle quoted(Workbook wb, CellStyle style) {
    CellStyle twin = wb.createCellStyle();
    twin.cloneStyleFrom(style);
    twin.setQuotePrefixed(true);
    return twin;
  }

  private static Font font(Workbook wb) {
    Font f = wb.createFont();
    f.setFontName(PrintLayout.FONT);
    return f;
  }

  private static CellStyle numeric(Workbook wb, DataFormat format, String pattern) {
    CellStyle style = wb.createCellStyle();
    style.setDataFormat(format.getFormat(pattern));
    return style;
  }
}
