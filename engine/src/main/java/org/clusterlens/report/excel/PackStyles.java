package org.clusterlens.report.excel;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles every workbook uses, by name. Percentages are stored as fractions (0.72) and
 * shown with the "0%" format, so Excel sums and charts them as numbers.
 *
 * @param title a sheet's title line
 * @param header a table's header row: bold, shaded, wrapped
 * @param text plain text
 * @param wrapped text that wraps within its column
 * @param percent a percentage stored as a fraction, shown "72%"
 * @param count a whole number of pupils
 * @param points average points, one decimal place
 * @param shift a change in percentage points, with its sign: "+8"
 */
record PackStyles(
    CellStyle title,
    CellStyle header,
    CellStyle text,
    CellStyle wrapped,
    CellStyle percent,
    CellStyle count,
    CellStyle points,
    CellStyle shift) {

  static PackStyles of(Workbook wb) {
    DataFormat format = wb.createDataFormat();

    Font titleFont = wb.createFont();
    titleFont.setBold(true);
    titleFont.setFontHeightInPoints((short) 14);
    CellStyle title = wb.createCellStyle();
    title.setFont(titleFont);

    Font bold = wb.createFont();
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

    return new PackStyles(
        title,
        header,
        text,
        wrapped,
        numeric(wb, format, "0%"),
        numeric(wb, format, "0"),
        numeric(wb, format, "0.0"),
        numeric(wb, format, "+0;-0;0"));
  }

  private static CellStyle numeric(Workbook wb, DataFormat format, String pattern) {
    CellStyle style = wb.createCellStyle();
    style.setDataFormat(format.getFormat(pattern));
    return style;
  }
}
