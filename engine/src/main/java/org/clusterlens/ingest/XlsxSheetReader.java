package org.clusterlens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an xlsx return with POI's streaming (SAX) reader, opened read-only so the file handed in is
 * never rewritten. Takes the sheet named "Pupils", or the first sheet when there is none; formulas
 * give their cached values, and date cells come out as ISO dates ({@code 2015-03-14}).
 */
public final class XlsxSheetReader {

  /** The sheet a return's pupils are expected on; the template writes it. */
  public static final String PUPILS_SHEET = "Pupils";

  private XlsxSheetReader() {}

  /**
   * Reads the data sheet's rows.
   *
   * @param fileName the name to use in messages
   * @param file the workbook
   * @throws UnreadableReturnException if the file is not a readable xlsx workbook
   */
  public static RawSheet read(String fileName, Path file) throws UnreadableReturnException {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      StylesTable styles = reader.getStylesTable();
      String chosen = chooseSheet(reader);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (sheets.hasNext()) {
        try (InputStream sheet = sheets.next()) {
          if (sheets.getSheetName().equals(chosen)) {
            RowCollector rows = new RowCollector();
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(
                new XSSFSheetXMLHandler(
                    styles, null, strings, rows, new IsoDateFormatter(), false));
            parser.parse(new InputSource(sheet));
            return new RawSheet(fileName, chosen, rows.rows);
          }
        }
      }
      throw new UnreadableReturnException("this workbook has no worksheets");
    } catch (EncryptedDocumentException e) {
      throw new UnreadableReturnException(
          "this workbook is password-protected; save a copy without a password and hand that in",
          e);
    } catch (org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
      throw new UnreadableReturnException(
          "this file is not an xlsx workbook (it may be password-protected, an older .xls, or"
              + " another kind of file); save it from Excel as .xlsx",
          e);
    } catch (IOException
        | OpenXML4JException
        | SAXException
        | ParserConfigurationException
        | POIXMLException e) {
      throw new UnreadableReturnException(
          "this xlsx workbook could not be read ("
              + e.getMessage()
              + "); open it in Excel, save it"
              + " again as .xlsx and hand that in",
          e);
    }
  }

  private static String chooseSheet(XSSFReader reader)
      throws IOException, OpenXML4JException, UnreadableReturnException {
    XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
    Optional<String> first = Optional.empty();
    while (sheets.hasNext()) {
      try (InputStream ignored = sheets.next()) {
        String name = sheets.getSheetName();
        if (name.trim().equalsIgnoreCase(PUPILS_SHEET)) {
          return name;
        }
        if (first.isEmpty()) {
          first = Optional.of(name);
        }
      }
    }
    return first.orElseThrow(
        () -> new UnreadableReturnException("this workbook has no worksheets"));
  }

  /** Formats cells as the reader needs them: dates as ISO, other numbers as Excel's General. */
  private static final class IsoDateFormatter extends DataFormatter {
    IsoDateFormatter() {
      super(Locale.UK);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value).toLocalDate().toString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString);
    }
  }

  /** Gathers each row's cells by column, keeping the row numbers Excel shows. */
  private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final List<RawSheet.Row> rows = new ArrayList<>();
    private TreeMap<Integer, String> cells = new TreeMap<>();

    @Override
    public void startRow(int rowNum) {
      cells = new TreeMap<>();
    }

    @Override
    public void endRow(int rowNum) {
      if (cells.isEmpty()) {
        return;
      }
      List<String> line = new ArrayList<>();
      for (int c = 0; c <= cells.lastKey(); c++) {
        line.add(cells.getOrDefault(c, ""));
      }
      RawSheet.Row row = new RawSheet.Row(rowNum + 1, line);
      if (!row.isBlank()) {
        rows.add(row);
      }
    }

    @Override
    public void cell(String cellReference, String formattedValue, XSSFComment comment) {
      if (cellReference != null && formattedValue != null) {
        cells.put((int) new CellReference(cellReference).getCol(), formattedValue);
      }
    }
  }
}
