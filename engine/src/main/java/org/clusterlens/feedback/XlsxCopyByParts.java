package org.clusterlens.feedback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlException;
import org.clusterlens.ingest.RawSheet;
import org.clusterlens.ingest.ReturnCheck;
import org.clusterlens.ingest.ReturnProblem;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTBookViews;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCol;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTDefinedName;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTRow;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTRst;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTSheet;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTSheetData;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorksheet;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorksheetDocument;

/**
 * The marked-up copy of an xlsx return that has nothing to mark on its data sheet (every return of
 * a cluster that filled its returns in well), made part by part: the school's own workbook is kept
 * as it is, part for part, and only what the copy changes is written anew: a Problems sheet put
 * first (its own part, listed first in the workbook, the workbook's relationships and content
 * types), the workbook's sheet list and view, each defined name's sheet number moved one on, and
 * the school's selected sheet no longer selected. Loading the whole workbook into POI's model and
 * writing it again, as a copy with marks needs, costs several times as much.
 *
 * <p>Used only when the copy would add nothing to the data sheet and the workbook holds nothing an
 * earlier marked-up copy added (a Problems sheet, the marker column, comments on the data sheet),
 * and every sheet is a worksheet (no chart or dialog sheet): any other return is marked up by
 * {@link AnnotatedCopy#render}.
 */
final class XlsxCopyByParts {

  private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

  /** The name an earlier copy gave its list when the school's own data sheet is "Problems". */
  private static final String OTHER_PROBLEMS_SHEET = "ClusterLens problems";

  private XlsxCopyByParts() {}

  /**
   * The copy's bytes, or empty when this return needs {@link AnnotatedCopy#render}: a file that is
   * not an xlsx workbook, a problem on a row of the data sheet to mark, or an earlier copy's marks.
   *
   * @throws IOException if the workbook cannot be read again or its parts are not as a workbook's
   */
  static Optional<byte[]> copy(ReturnCheck check, Path original) throws IOException {
    if (check.cells().isEmpty() || check.cells().get().sheet() == null) {
      return Optional.empty();
    }
    RawSheet cells = check.cells().get();
    if (anyToMark(check, cells) || hasMarkerColumn(check, cells) || !allWritable(check)) {
      return Optional.empty();
    }
    byte[] bytes = Files.readAllBytes(original);
    try (OPCPackage pkg = OPCPackage.open(new java.io.ByteArrayInputStream(bytes))) {
      PackagePart workbookPart = workbookPart(pkg);
      if (workbookPart == null) {
        return Optional.empty();
      }
      WorkbookDocument workbookDoc;
      try (InputStream in = workbookPart.getInputStream()) {
        workbookDoc = WorkbookDocument.Factory.parse(in, POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
      }
      CTWorkbook workbook = workbookDoc.getWorkbook();
      if (workbook == null || workbook.getSheets() == null) {
        return Optional.empty();
      }
      List<PackagePart> sheetParts = new ArrayList<>();
      PackagePart dataPart = null;
      long lastSheetId = 0;
      for (CTSheet sheet : workbook.getSheets().getSheetArray()) {
        String name = sheet.getName();
        if (AnnotatedCopy.PROBLEMS_SHEET.equalsIgnoreCase(name)
            || OTHER_PROBLEMS_SHEET.equalsIgnoreCase(name)) {
          return Optional.empty();
        }
        lastSheetId = Math.max(lastSheetId, sheet.getSheetId());
        PackageRelationship rel = workbookPart.getRelationship(sheet.getId());
        if (rel == null) {
          return Optional.empty();
        }
        PackagePart part = workbookPart.getRelatedPart(rel);
        if (part == null) {
          return Optional.empty();
        }
        if (name.equals(cells.sheet())) {
          dataPart = part;
        }
        if (!XSSFRelation.WORKSHEET.getRelation().equals(rel.getRelationshipType())) {
          // A chart or dialog sheet, whose views this copy does not handle: POI's model does.
          return Optional.empty();
        }
        sheetParts.add(part);
      }
      if (dataPart == null
          || !dataPart
              .getRelationshipsByType(XSSFRelation.SHEET_COMMENTS.getRelation())
              .isEmpty()) {
        return Optional.empty();
      }

      // The Problems sheet, its part related to the workbook.
      PackagePartName problemsName = freeSheetPartName(pkg);
      PackagePart problemsPart =
          pkg.createPart(problemsName, XSSFRelation.WORKSHEET.getContentType());
      PackageRelationship problemsRel =
          workbookPart.addRelationship(
              problemsName, TargetMode.INTERNAL, XSSFRelation.WORKSHEET.getRelation());
      try (OutputStream out = problemsPart.getOutputStream()) {
        problemsSheet(check).save(out, POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
      }

      // Listed first and shown first; each sheet's defined names follow it one place on.
      CTSheet problems = workbook.getSheets().insertNewSheet(0);
      problems.setName(AnnotatedCopy.PROBLEMS_SHEET);
      problems.setSheetId(lastSheetId + 1);
      problems.setId(problemsRel.getId());
      CTBookViews views =
          workbook.isSetBookViews() ? workbook.getBookViews() : workbook.addNewBookViews();
      if (views.sizeOfWorkbookViewArray() == 0) {
        views.addNewWorkbookView();
      }
      views.getWorkbookViewArray(0).setActiveTab(0);
      if (workbook.isSetDefinedNames()) {
        for (CTDefinedName name : workbook.getDefinedNames().getDefinedNameArray()) {
          if (name.isSetLocalSheetId()) {
            name.setLocalSheetId(name.getLocalSheetId() + 1);
          }
        }
      }
      try (OutputStream out = workbookPart.getOutputStream()) {
        workbookDoc.save(out, POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
      }

      // Only the Problems sheet selected, so the school's sheets are not grouped with it.
      for (PackagePart part : sheetParts) {
        unselect(part);
      }

      ByteArrayOutputStream copy = new ByteArrayOutputStream(bytes.length + 4096);
      pkg.save(copy);
      return Optional.of(copy.toByteArray());
    } catch (InvalidFormatException | XmlException | XMLStreamException e) {
      throw new IOException("Could not copy " + original + " part by part", e);
    }
  }

  /** Whether a problem falls on a row of the data sheet, as {@link AnnotatedCopy} marks them. */
  private static boolean anyToMark(ReturnCheck check, RawSheet cells) {
    for (ReturnProblem p : check.problems()) {
      if (p.row() != null && (p.sheet() == null || p.sheet().equals(cells.sheet()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether every text of the Problems sheet is one an XML part can hold as it is (a control
   * character in a school's value cannot be, and is left to POI's model to write).
   */
  private static boolean allWritable(ReturnCheck check) {
    for (ReturnProblem p : check.problems()) {
      for (String text : AnnotatedCopy.problemRow(p)) {
        if (!text.codePoints().allMatch(XlsxCopyByParts::xmlChar)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean xmlChar(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  /** Whether the data sheet's header row holds an earlier marked-up copy's marker column. */
  private static boolean hasMarkerColumn(ReturnCheck check, RawSheet cells) {
    int headerRow =
        check.header() != null
            ? check.header().headerRow()
            : cells.rows().isEmpty() ? 1 : cells.rows().get(0).number();
    for (RawSheet.Row r : cells.rows()) {
      if (r.number() == headerRow && r.cells().contains(AnnotatedCopy.MARKER_HEADER)) {
        return true;
      }
    }
    return false;
  }

  private static PackagePart workbookPart(OPCPackage pkg) {
    var rels = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
    if (rels.isEmpty()) {
      return null;
    }
    PackagePart part = pkg.getPart(rels.getRelationship(0));
    return part != null && XSSFRelation.WORKBOOK.getContentType().equals(part.getContentType())
        ? part
        : null;
  }

  private static PackagePartName freeSheetPartName(OPCPackage pkg) throws InvalidFormatException {
    for (int n = 1; ; n++) {
      PackagePartName name = PackagingURIHelper.createPartName("/xl/worksheets/sheet" + n + ".xml");
      if (!pkg.containPart(name)) {
        return name;
      }
    }
  }

  /** The Problems sheet, as {@link AnnotatedCopy} lays it out; its text held in its cells. */
  private static WorksheetDocument problemsSheet(ReturnCheck check) {
    WorksheetDocument doc = WorksheetDocument.Factory.newInstance();
    CTWorksheet ws = doc.addNewWorksheet();
    List<String[]> rows = new ArrayList<>();
    rows.add(AnnotatedCopy.PROBLEM_HEADINGS);
    for (ReturnProblem p : check.problems()) {
      rows.add(AnnotatedCopy.problemRow(p));
    }
    if (check.problems().isEmpty()) {
      rows.add(new String[] {AnnotatedCopy.NO_PROBLEMS});
    }
    int lastColumn = 0;
    for (String[] row : rows) {
      lastColumn = Math.max(lastColumn, row.length);
    }
    ws.addNewDimension().setRef("A1:" + (char) ('A' + lastColumn - 1) + rows.size());
    var view = ws.addNewSheetViews().addNewSheetView();
    view.setWorkbookViewId(0);
    view.setTabSelected(true);
    ws.addNewSheetFormatPr().setDefaultRowHeight(15.0);
    var cols = ws.addNewCols();
    for (int i = 0; i < AnnotatedCopy.PROBLEM_WIDTHS.length; i++) {
      CTCol col = cols.addNewCol();
      col.setMin(i + 1);
      col.setMax(i + 1);
      col.setWidth(AnnotatedCopy.PROBLEM_WIDTHS[i]);
      col.setCustomWidth(true);
    }
    CTSheetData data = ws.addNewSheetData();
    for (int r = 0; r < rows.size(); r++) {
      CTRow row = data.addNewRow();
      row.setR(r + 1);
      String[] values = rows.get(r);
      for (int c = 0; c < values.length; c++) {
        CTCell cell = row.addNewC();
        cell.setR(String.valueOf((char) ('A' + c)) + (r + 1));
        cell.setT(STCellType.INLINE_STR);
        CTRst inline = cell.addNewIs();
        inline.setT(values[c]);
        if (!values[c].equals(values[c].strip())) {
          // Kept as written, spaces at either end included, as POI keeps a cell's text.
          try (XmlCursor cursor = inline.xgetT().newCursor()) {
            cursor.toNextToken();
            cursor.insertAttributeWithValue(
                new QName("http://www.w3.org/XML/1998/namespace", "space"), "preserve");
          }
        }
      }
    }
    var margins = ws.addNewPageMargins();
    margins.setBottom(0.75);
    margins.setFooter(0.3);
    margins.setHeader(0.3);
    margins.setLeft(0.7);
    margins.setRight(0.7);
    margins.setTop(0.75);
    return doc;
  }

  private static final XMLInputFactory IN = XMLInputFactory.newFactory();
  private static final XMLOutputFactory OUT = XMLOutputFactory.newFactory();
  private static final XMLEventFactory EVENTS = XMLEventFactory.newFactory();

  static {
    IN.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    IN.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  /**
   * Writes a sheet's part again with its views no longer selected, when one is (its cells and
   * everything else passed through as they are); a sheet not selected is left untouched.
   */
  private static void unselect(PackagePart part) throws IOException, XMLStreamException {
    if (!selected(part)) {
      return;
    }
    ByteArrayOutputStream rewritten = new ByteArrayOutputStream((int) Math.max(part.getSize(), 64));
    try (InputStream in = part.getInputStream()) {
      XMLEventReader reader = IN.createXMLEventReader(in);
      XMLEventWriter writer = OUT.createXMLEventWriter(rewritten, "UTF-8");
      while (reader.hasNext()) {
        XMLEvent event = reader.nextEvent();
        if (event.isStartElement() && isSheetView(event.asStartElement())) {
          StartElement view = event.asStartElement();
          List<Attribute> kept = new ArrayList<>();
          for (Iterator<Attribute> it = view.getAttributes(); it.hasNext(); ) {
            Attribute a = it.next();
            if (!a.getName().getLocalPart().equals("tabSelected")
                || !a.getName().getNamespaceURI().isEmpty()) {
              kept.add(a);
            }
          }
          event = EVENTS.createStartElement(view.getName(), kept.iterator(), view.getNamespaces());
        }
        writer.add(event);
      }
      writer.close();
      reader.close();
    }
    try (OutputStream out = part.getOutputStream()) {
      rewritten.writeTo(out);
    }
  }

  /** Whether a sheet's views, read up to its cells, have it selected. */
  private static boolean selected(PackagePart part) throws IOException, XMLStreamException {
    try (InputStream in = part.getInputStream()) {
      XMLEventReader reader = IN.createXMLEventReader(in);
      try {
        while (reader.hasNext()) {
          XMLEvent event = reader.nextEvent();
          if (!event.isStartElement()) {
            continue;
          }
          StartElement e = event.asStartElement();
          if (isSheetView(e)) {
            Attribute tab = e.getAttributeByName(new QName("tabSelected"));
            if (tab != null
                && (tab.getValue().trim().equals("1") || tab.getValue().trim().equals("true"))) {
              return true;
            }
          } else if (e.getName().getLocalPart().equals("sheetData")) {
            return false;
          }
        }
        return false;
      } finally {
        reader.close();
      }
    }
  }

  private static boolean isSheetView(StartElement e) {
    return e.getName().getLocalPart().equals("sheetView")
        && MAIN_NS.equals(e.getName().getNamespaceURI());
  }
}
