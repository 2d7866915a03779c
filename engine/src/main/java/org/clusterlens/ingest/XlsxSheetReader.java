package org.clusterlens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an xlsx return with POI's streaming (SAX) reader, opened read-only so the file handed in is
 * never rewritten. Takes the sheet named "Pupils", or the first sheet when there is none (passing
 * over the "Problems" sheet of a marked-up copy handed back as the return); formulas give their
 * cached values, and date cells come out as ISO dates ({@code 2015-03-14}).
 */
public final class XlsxSheetReader {

  /** The sheet a return's pupils are expected on; the template writes it. */
  public static final String PUPILS_SHEET = "Pupils";

  /**
   * The sheet ClusterLens's marked-up copy of a return puts first, listing its problems. A copy
   * handed back as the return is read from its own data sheet, never from this one.
   */
  public static final String FEEDBACK_PROBLEMS_SHEET = "Problems";

  /** Uncompressed bytes a workbook's parts may declare in all; far above any school's return. */
  private static final long MAX_EXPANDED_BYTES = 256L * 1024 * 1024;

  static {
    // POI counts the bytes it really inflates against this JVM-wide cap, so a zip whose entries
    // lie about their sizes still cannot expand past it. Only lowered, never raised.
    if (ZipSecureFile.getMaxEntrySize() > MAX_EXPANDED_BYTES) {
      ZipSecureFile.setMaxEntrySize(MAX_EXPANDED_BYTES);
    }
  }

  private XlsxSheetReader() {}

  /**
   * Reads the data sheet's rows.
   *
   * @param fileName the name to use in messages
   * @param file the workbook
   * @throws UnreadableReturnException if the file is not a readable xlsx workbook
   */
  public static RawSheet read(String fileName, Path file) throws UnreadableReturnException {
    return read(fileName, file, ReturnLimits.DEFAULT);
  }

  /**
   * Reads the data sheet's rows, refusing a workbook that would expand to far more than a return
   * holds (POI's inflate-ratio guard, and the sizes the zip declares) and one with XML document
   * type declarations (POI's parsers refuse them, so no entity is ever expanded or fetched).
   *
   * @param fileName the name to use in messages
   * @param file the workbook
   * @param limits how many rows a return may have
   * @throws UnreadableReturnException if the file is not a readable xlsx workbook, is encrypted,
   *     damaged or hostile, or has too many rows
   */
  public static RawSheet read(String fileName, Path file, ReturnLimits limits)
      throws UnreadableReturnException {
    return read(fileName, file, PUPILS_SHEET, limits.maxRows(), limits).orElseThrow();
  }

  /**
   * Reads the template's "About this return" sheet, if the workbook has one. Call only after {@link
   * #read(String, Path, ReturnLimits)} accepted the file.
   *
   * @throws UnreadableReturnException if the file is not a readable xlsx workbook
   */
  public static Optional<RawSheet> about(String fileName, Path file)
      throws UnreadableReturnException {
    return read(fileName, file, AboutThisReturn.SHEET, AboutThisReturn.ROWS_READ, null);
  }

  /**
   * Reads one sheet: the one named {@code wanted}, or (when {@code fallback} is given) the first
   * sheet when none has that name.
   */
  private static Optional<RawSheet> read(
      String fileName, Path file, String wanted, int maxRows, ReturnLimits fallback)
      throws UnreadableReturnException {
    refuseOversizedEntries(file);
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      Optional<String> found = chooseSheet(reader, wanted, fallback != null);
      if (found.isEmpty()) {
        // Most workbooks have no "About this return" sheet: their strings and styles are not
        // read a second time just to find that out.
        return Optional.empty();
      }
      SharedStrings strings = new EachStringOnce(new ReadOnlySharedStringsTable(pkg));
      StylesTable styles = reader.getStylesTable();
      String chosen = found.get();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (sheets.hasNext()) {
        try (InputStream sheet = sheets.next()) {
          if (sheets.getSheetName().equals(chosen)) {
            RowCollector rows = new RowCollector(maxRows);
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(
                new MergeCollector(
                    new XSSFSheetXMLHandler(
                        styles, null, strings, rows, new IsoDateFormatter(), false),
                    rows.merged));
            try {
              parser.parse(new InputSource(sheet));
            } catch (RowCollector.TooManyRows e) {
              if (fallback == null) {
                // An About sheet longer than the template's: its first rows are all it needs.
                return Optional.of(new RawSheet(fileName, chosen, rows.rows, rows.merged));
              }
              throw fallback.tooManyRows();
            }
            return Optional.of(new RawSheet(fileName, chosen, rows.rows, rows.merged));
          }
        }
      }
      throw new UnreadableReturnException("this workbook has no worksheets");
    } catch (EncryptedDocumentException e) {
      throw new UnreadableReturnException(PASSWORD_PROTECTED, e);
    } catch (org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
      throw new UnreadableReturnException(
          "this file is not an xlsx workbook (it may be an older .xls, or another kind of file);"
              + " save it from Excel as .xlsx",
          e);
    } catch (IOException
        | OpenXML4JException
        | SAXException
        | ParserConfigurationException
        | RuntimeException e) {
      // POI reports damaged and hostile packages through many exception types, some unchecked.
      throw unreadable(e);
    }
  }

  /** The sentence for a workbook with a password, shared with the .xls reader. */
  static final String PASSWORD_PROTECTED =
      "this workbook is password-protected, so it cannot be read; save a copy without a password"
          + " and hand that in";

  private static final String TOO_EXPANSIVE =
      "this workbook would expand to far more data than a return holds, so it was not opened (it"
          + " may be damaged, or built to harm the reader); open it in Excel, save it again as"
          + " .xlsx and hand that in";

  /** Refuses a zip whose entries declare more bytes than a return could need. */
  private static void refuseOversizedEntries(Path file) throws UnreadableReturnException {
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
      long total = 0;
      for (var entries = zip.entries(); entries.hasMoreElements(); ) {
        long size = entries.nextElement().getSize();
        total += Math.max(size, 0);
        if (total > MAX_EXPANDED_BYTES) {
          throw new UnreadableReturnException(TOO_EXPANSIVE);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not a readable zip: POI says what it is below.
    }
  }

  private static UnreadableReturnException unreadable(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains("Zip bomb")) {
        return new UnreadableReturnException(TOO_EXPANSIVE, e);
      }
      if (message.contains("DOCTYPE") || message.contains("DTD")) {
        return new UnreadableReturnException(
            "this workbook holds an XML document type declaration, which Excel never writes, so"
                + " it was not read (it may have been built to attack the reader); open it in"
                + " Excel, save it again as .xlsx and hand that in",
            e);
      }
    }
    return new UnreadableReturnException(
        "this xlsx workbook is damaged and could not be read; open it in Excel, save it again as"
            + " .xlsx and hand that in",
        e);
  }

  private static Optional<String> chooseSheet(XSSFReader reader, String wanted, boolean orFirst)
      throws IOException, OpenXML4JException, UnreadableReturnException {
    XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
    Optional<String> first = Optional.empty();
    while (sheets.hasNext()) {
      // Only the names are wanted here: each sheet's stream is closed unread.
      sheets.next().close();
      String name = sheets.getSheetName();
      if (name.trim().equalsIgnoreCase(wanted)) {
        return Optional.of(name);
      }
      if (first.isEmpty() && !name.equals(FEEDBACK_PROBLEMS_SHEET)) {
        first = Optional.of(name);
      }
    }
    if (!orFirst) {
      return Optional.empty();
    }
    return Optional.of(
        first.orElseThrow(() -> new UnreadableReturnException("this workbook has no worksheets")));
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
    private final List<RawSheet.Merged> merged = new ArrayList<>();
    private final int maxRows;
    private TreeMap<Integer, String> cells = new TreeMap<>();

    RowCollector(int maxRows) {
      this.maxRows = maxRows;
    }

    /** Stops the parse once a sheet has more rows than a return may. */
    static final class TooManyRows extends RuntimeException {
      private static final long serialVersionUID = 1L;

      TooManyRows() {
        super(null, null, false, false);
      }
    }

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
        if (rows.size() > maxRows) {
          throw new TooManyRows();
        }
      }
    }

    @Override
    public void cell(String cellReference, String formattedValue, XSSFComment comment) {
      if (cellReference != null && formattedValue != null) {
        cells.put(column(cellReference), formattedValue);
      }
    }

    /** The column of a reference such as {@code AB12}: its letters, without a pattern match. */
    private static int column(String cellReference) {
      int letters = 0;
      while (letters < cellReference.length()
          && Character.isLetter(cellReference.charAt(letters))) {
        letters++;
      }
      if (letters == 0 || letters == cellReference.length()) {
        return new CellReference(cellReference).getCol();
      }
      return CellReference.convertColStringToIndex(cellReference.substring(0, letters));
    }
  }

  /**
   * The workbook's shared strings, each made into POI's rich text once however many cells use it: a
   * return repeats its grades and flags in hundreds of cells, and POI builds each one's text
   * through XMLBeans.
   */
  private static final class EachStringOnce implements SharedStrings {
    private final SharedStrings strings;
    private final Map<Integer, RichTextString> made = new HashMap<>();

    EachStringOnce(SharedStrings strings) {
      this.strings = strings;
    }

    @Override
    public RichTextString getItemAt(int idx) {
      return made.computeIfAbsent(idx, strings::getItemAt);
    }

    @Override
    public int getCount() {
      return strings.getCount();
    }

    @Override
    public int getUniqueCount() {
      return strings.getUniqueCount();
    }
  }

  /** Passes a sheet's XML to POI's handler and notes its merged cells on the way. */
  private static final class MergeCollector implements ContentHandler {
    private final ContentHandler next;
    private final List<RawSheet.Merged> merged;

    MergeCollector(ContentHandler next, List<RawSheet.Merged> merged) {
      this.next = next;
      this.merged = merged;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts)
        throws SAXException {
      if ("mergeCell".equals(localName) && atts.getValue("ref") != null) {
        try {
          CellRangeAddress range = CellRangeAddress.valueOf(atts.getValue("ref"));
          merged.add(RawSheet.Merged.of(range));
        } catch (IllegalArgumentException e) {
          // A merge Excel could not have written: the cells are read as they are.
        }
      }
      next.startElement(uri, localName, qName, atts);
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      next.setDocumentLocator(locator);
    }

    @Override
    public void startDocument() throws SAXException {
      next.startDocument();
    }

    @Override
    public void endDocument() throws SAXException {
      next.endDocument();
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
      next.startPrefixMapping(prefix, uri);
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
      next.endPrefixMapping(prefix);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      next.endElement(uri, localName, qName);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      next.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
      next.ignorableWhitespace(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
      next.processingInstruction(target, data);
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
      next.skippedEntity(name);
    }
  }
}
