package org.clusterlens.report.excel;

import javax.xml.namespace.QName;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTStylesheet;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTXf;

/**
 * Gives cell styles names that Excel and Calc list in their Styles gallery ("ClusterLens header",
 * "ClusterLens percent"…), so a reader can see and reuse the workbook's styles.
 *
 * <p>POI has no API for named styles and its slim schema jar lacks the {@code cellStyles} types, so
 * the {@code <cellStyles>} element is written with an XML cursor: each name gets a style record
 * (POI's cell-style xf list) with the same font, fill, border and number format, and the cell style
 * points at it.
 */
final class NamedStyles {

  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

  private NamedStyles() {}

  /** Names each style; call once per workbook with every style to name. */
  static void name(XSSFWorkbook wb, java.util.Map<String, XSSFCellStyle> styles) {
    StylesTable table = wb.getStylesSource();
    CTStylesheet sheet = table.getCTStylesheet();
    StringBuilder names = new StringBuilder();
    int count = 1;
    names
        .append("<cellStyle xmlns=\"")
        .append(MAIN)
        .append("\" name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>");
    for (var entry : styles.entrySet()) {
      CTXf core = entry.getValue().getCoreXf();
      CTXf styleXf = CTXf.Factory.newInstance();
      styleXf.setNumFmtId(core.getNumFmtId());
      styleXf.setFontId(core.getFontId());
      styleXf.setFillId(core.getFillId());
      styleXf.setBorderId(core.getBorderId());
      if (core.isSetAlignment()) {
        styleXf.setAlignment(core.getAlignment());
      }
      table.putCellStyleXf(styleXf);
      int id = table._getStyleXfsSize() - 1;
      core.setXfId(id);
      count++;
      names
          .append("<cellStyle xmlns=\"")
          .append(MAIN)
          .append("\" name=\"")
          .append(entry.getKey())
          .append("\" xfId=\"")
          .append(id)
          .append("\"/>");
    }
    // POI fills the stylesheet's other parts when it saves; XmlBeans then places each one in
    // schema order around this element, which is why it can be added last now.
    try (XmlCursor cursor = sheet.newCursor()) {
      cursor.toEndToken();
      cursor.beginElement(new QName(MAIN, "cellStyles"));
      cursor.insertAttributeWithValue("count", Integer.toString(count));
      try (XmlCursor source =
          org.apache.xmlbeans.XmlObject.Factory.parse("<r xmlns=\"" + MAIN + "\">" + names + "</r>")
              .newCursor()) {
        source.toFirstChild();
        source.toFirstChild();
        do {
          source.copyXml(cursor);
        } while (source.toNextSibling());
      }
    } catch (org.apache.xmlbeans.XmlException e) {
      throw new IllegalStateException("Could not write the workbook's named styles", e);
    }
  }
}
