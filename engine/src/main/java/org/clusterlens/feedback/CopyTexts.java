package org.clusterlens.feedback;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.ooxml.POIXMLRelation;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFFactory;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTRst;

/**
 * The texts of one streamed copy of a csv, xls or CTF return, each held once: every cell of the
 * same text is given one {@link XSSFRichTextString}, and the workbook's shared strings table finds
 * a text it already holds by that object rather than by writing the text out as XML to key it
 * (which POI's table does for every cell, and which cost about a third of a local authority's
 * ingest). The table holds the same entries in the same order as POI's own, so the copy's bytes are
 * the same.
 */
final class CopyTexts {

  private final Map<String, XSSFRichTextString> texts = new HashMap<>();
  private final Strings table = new Strings();

  /** A new workbook whose shared strings table is this one's. */
  XSSFWorkbook workbook() {
    return new XSSFWorkbook(new Factory(table));
  }

  /** The one rich text of {@code text} in this copy; give it to a cell as its value. */
  XSSFRichTextString of(String text) {
    return texts.computeIfAbsent(text, Plain::new);
  }

  /**
   * A text with no formatting of its own, which answers with its text as given rather than reading
   * it back out of its XML (POI asks for it twice as each cell is given it).
   */
  private static final class Plain extends XSSFRichTextString {
    private final String text;

    Plain(String text) {
      super(text);
      this.text = text;
    }

    @Override
    public String getString() {
      return text;
    }
  }

  /**
   * POI's shared strings table, finding the texts made by {@link #of} by the object; every other
   * text (the Problems sheet's, the markers') is looked up as POI does.
   */
  private static final class Strings extends SharedStringsTable {
    private static final char PLAIN = '\u0000';
    private final Map<RichTextString, Integer> held = new IdentityHashMap<>();

    @Override
    public int addSharedStringItem(RichTextString string) {
      Integer index = held.get(string);
      if (index != null) {
        count++;
        return index;
      }
      int added = super.addSharedStringItem(string);
      held.put(string, added);
      return added;
    }

    /**
     * The key POI's table finds a text by: a text with no formatting runs or phonetic parts is
     * keyed by its characters (with a mark no XML holds, so it cannot meet the XML key of a
     * formatted one) rather than written out as XML; whether it keeps its spaces follows from its
     * characters, so two such texts are one entry exactly when POI's key would make them one.
     */
    @Override
    protected String xmlText(CTRst text) {
      if (text.isSetT()
          && text.sizeOfRArray() == 0
          && text.sizeOfRPhArray() == 0
          && !text.isSetPhoneticPr()) {
        return PLAIN + text.getT();
      }
      return super.xmlText(text);
    }
  }

  /** POI's parts for a new workbook, but for its shared strings table. */
  private static final class Factory extends XSSFFactory {
    private final Strings table;

    Factory(Strings table) {
      this.table = table;
    }

    @Override
    public POIXMLDocumentPart newDocumentPart(POIXMLRelation descriptor) {
      return descriptor == XSSFRelation.SHARED_STRINGS ? table : super.newDocumentPart(descriptor);
    }
  }
}
