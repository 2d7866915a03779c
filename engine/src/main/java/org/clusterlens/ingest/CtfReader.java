package org.clusterlens.ingest;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.clusterlens.model.ReturnColumn;

/**
 * Reads a Common Transfer File (CTF, the XML every English MIS exports) into the same cells a
 * spreadsheet return gives, so one validator checks both. Each pupil becomes a row numbered by the
 * line its {@code <Pupil>} element starts on. The parser reads no DTD and expands no external
 * entity: a file that declares a DTD is refused.
 *
 * <p>Read per pupil: UPN, Forename, Surname, DOB, Gender, NCyearActual, FSM (an {@code FSMinstance}
 * open on the file's date), disadvantaged (an FSM instance in the six years before the file's date,
 * or in care), SEN provision (the latest), EAL (a first language other than English), InCare,
 * Ethnicity, the latest school-history EntryDate, and KS1/KS2 results ({@code StageAssessments}:
 * the test result for reading and maths at KS2, teacher assessment otherwise).
 */
final class CtfReader {

  /** The CTF's columns, in the template's order, then the ones only a CTF carries. */
  static final List<String> HEADERS =
      List.of(
          ReturnColumn.UPN.header(),
          ReturnColumn.FORENAME.header(),
          ReturnColumn.SURNAME.header(),
          ReturnColumn.DATE_OF_BIRTH.header(),
          ReturnColumn.GENDER.header(),
          ReturnColumn.YEAR_GROUP.header(),
          ReturnColumn.FSM.header(),
          ReturnColumn.DISADVANTAGED.header(),
          ReturnColumn.SEN.header(),
          ReturnColumn.EAL.header(),
          ReturnColumn.READING.header(),
          ReturnColumn.WRITING.header(),
          ReturnColumn.MATHS.header(),
          ReturnColumn.KS1_READING.header(),
          ReturnColumn.KS1_WRITING.header(),
          ReturnColumn.KS1_MATHS.header(),
          ReturnColumn.KS2_READING.header(),
          ReturnColumn.KS2_WRITING.header(),
          ReturnColumn.KS2_MATHS.header(),
          "Looked after",
          "Ethnicity",
          "Date joined");

  /** The row number the made-up header row has: the XML declaration's line, never a pupil's. */
  static final int HEADER_ROW = 1;

  /** Languages that are English: "ENG" and "ENB" (believed to be English). */
  private static final Set<String> ENGLISH = Set.of("ENG", "ENB");

  private CtfReader() {}

  /**
   * The CTF's pupils as cells under a header row.
   *
   * @throws UnreadableReturnException if the file is not well-formed XML, declares a DTD, is not a
   *     CTF, or lists more pupils than the limits allow
   */
  static RawSheet read(String fileName, byte[] bytes, ReturnLimits limits)
      throws UnreadableReturnException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    List<RawSheet.Row> rows = new ArrayList<>();
    rows.add(new RawSheet.Row(HEADER_ROW, HEADERS));
    LocalDate fileDate = null;
    boolean isCtf = false;
    try {
      XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
      try {
        Deque<String> path = new ArrayDeque<>();
        PupilBuilder pupil = null;
        StringBuilder text = new StringBuilder();
        while (xml.hasNext()) {
          int event = xml.next();
          switch (event) {
            case XMLStreamConstants.DTD ->
                throw new UnreadableReturnException(
                    "this XML file holds a document type declaration, which a CTF never has, so"
                        + " it was not read (it may have been built to attack the reader); export"
                        + " the CTF from the MIS again and hand that in");
            case XMLStreamConstants.START_ELEMENT -> {
              String name = xml.getLocalName();
              if (path.isEmpty()) {
                isCtf = name.equals("CTfile");
              }
              path.push(name);
              text.setLength(0);
              if (name.equals("Pupil") && isCtf) {
                pupil = new PupilBuilder(xml.getLocation().getLineNumber());
              } else if (pupil != null) {
                pupil.start(name);
              }
            }
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA ->
                text.append(xml.getText());
            case XMLStreamConstants.ENTITY_REFERENCE ->
                throw new UnreadableReturnException(
                    "this XML file refers to an entity ('"
                        + xml.getLocalName()
                        + "') that a CTF never uses, so it was not read; export the CTF from the"
                        + " MIS again and hand that in");
            case XMLStreamConstants.END_ELEMENT -> {
              String name = path.pop();
              String value = text.toString().trim();
              text.setLength(0);
              if (pupil == null) {
                if (name.equals("DateTime") && path.contains("Header")) {
                  fileDate = date(value);
                }
              } else if (name.equals("Pupil")) {
                rows.add(pupil.row(fileDate == null ? LocalDate.now() : fileDate));
                pupil = null;
                if (rows.size() - 1 > limits.maxPupils() + HeaderMapping.ROWS_SEARCHED) {
                  throw limits.tooManyRows();
                }
              } else {
                pupil.end(name, path.peek(), value);
              }
            }
            default -> {}
          }
        }
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      throw new UnreadableReturnException(
          "this file is not well-formed XML, so it is not a Common Transfer File ClusterLens can"
              + " read; export the CTF from the MIS again and hand that in",
          e);
    }
    if (!isCtf) {
      throw new UnreadableReturnException(
          "this XML file is not a Common Transfer File (its first element is not <CTfile>);"
              + " export a CTF from the MIS, or hand in the return as .xlsx or .csv");
    }
    return new RawSheet(fileName, null, rows);
  }

  private static LocalDate date(String value) {
    if (value.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(value.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Gathers one pupil's elements as they stream past. */
  private static final class PupilBuilder {
    private final int line;
    private final Map<String, String> cells = new HashMap<>();
    private final List<LocalDate[]> fsmPeriods = new ArrayList<>();
    private final Map<String, String> assessment = new HashMap<>();
    private final Map<String, String> results = new HashMap<>();
    private LocalDate fsmStart;
    private LocalDate fsmEnd;
    private String languageType;
    private String language;
    private String firstLanguage;
    private LocalDate senStart;
    private String senProvision;
    private String senCandidate;
    private LocalDate latestSenStart;
    private String stage;
    private LocalDate latestEntry;

    PupilBuilder(int line) {
      this.line = line;
    }

    void start(String element) {
      switch (element) {
        case "FSMinstance" -> {
          fsmStart = null;
          fsmEnd = null;
        }
        case "StageAssessment" -> assessment.clear();
        default -> {}
      }
    }

    void end(String element, String parent, String value) {
      switch (element) {
        case "UPN" -> putOnce(ReturnColumn.UPN.header(), value, parent);
        case "Forename", "LegalForename" -> putOnce(ReturnColumn.FORENAME.header(), value, parent);
        case "Surname", "LegalSurname" -> putOnce(ReturnColumn.SURNAME.header(), value, parent);
        case "DOB" -> putOnce(ReturnColumn.DATE_OF_BIRTH.header(), value, parent);
        case "Gender" -> putOnce(ReturnColumn.GENDER.header(), value, parent);
        case "NCyearActual" -> cells.put(ReturnColumn.YEAR_GROUP.header(), value);
        case "Ethnicity" -> cells.put("Ethnicity", value);
        case "InCare" -> {
          if (!value.isEmpty()) {
            cells.put("Looked after", value);
          }
        }
        case "FSMstartDate" -> fsmStart = date(value);
        case "FSMendDate" -> fsmEnd = date(value);
        case "FSMinstance" -> fsmPeriods.add(new LocalDate[] {fsmStart, fsmEnd});
        case "LanguageType" -> languageType = value;
        case "Language" -> language = value;
        case "Type" -> {
          if ("F".equalsIgnoreCase(languageType) && firstLanguage == null) {
            firstLanguage = language;
          }
          languageType = null;
          language = null;
        }
        case "StartDate" -> {
          if ("SEN".equals(parent)) {
            senStart = date(value);
          }
        }
        case "SENprovision" -> senCandidate = value;
        case "SEN" -> {
          // The provision that started last is the pupil's current one.
          if (senCandidate != null
              && (senProvision == null
                  || latestSenStart == null
                  || (senStart != null && !senStart.isBefore(latestSenStart)))) {
            senProvision = senCandidate;
            latestSenStart = senStart;
          }
          senCandidate = null;
          senStart = null;
        }
        case "EntryDate" -> {
          LocalDate entry = date(value);
          if (entry != null && (latestEntry == null || entry.isAfter(latestEntry))) {
            latestEntry = entry;
          }
        }
        case "Stage" -> stage = value.toUpperCase(Locale.ROOT);
        case "Subject", "Method", "Component", "Result" -> assessment.put(element, value);
        case "StageAssessment" -> result();
        default -> {}
      }
    }

    /**
     * Keeps the pupil's own detail: directly under {@code <Pupil>} (as CTF 15 writers put it) or in
     * its {@code <BasicDetails>}, never a contact's or a school's element of the same name.
     */
    private void putOnce(String header, String value, String parent) {
      if ("Pupil".equals(parent) || "BasicDetails".equals(parent)) {
        cells.putIfAbsent(header, value);
      }
    }

    /** Keeps a KS1 or KS2 result: KS2 reading and maths from the test, the rest from TA. */
    private void result() {
      String subject = assessment.getOrDefault("Subject", "").toUpperCase(Locale.ROOT);
      String component = assessment.getOrDefault("Component", "").toUpperCase(Locale.ROOT);
      String method = assessment.getOrDefault("Method", "").toUpperCase(Locale.ROOT);
      String result = assessment.getOrDefault("Result", "");
      String what =
          switch (subject + "/" + component) {
            case "ENG/RD", "RD/", "ENG/READ", "ENG/REA", "REA/" -> "Reading";
            case "ENG/WR", "WR/", "ENG/WRIT", "ENG/WRI", "WRI/" -> "Writing";
            case "MAT/", "MAT/MAT", "MA/" -> "Maths";
            default -> null;
          };
      if (what == null || result.isEmpty() || !(stage.equals("KS1") || stage.equals("KS2"))) {
        return;
      }
      boolean fromTest = stage.equals("KS2") && !what.equals("Writing");
      boolean wanted = fromTest ? method.equals("TT") : method.equals("TA");
      String header = stage + " " + what;
      if (wanted) {
        results.put(header, result);
      }
    }

    RawSheet.Row row(LocalDate fileDate) {
      List<String> out = new ArrayList<>();
      boolean fsmNow = false;
      boolean ever6 = false;
      for (LocalDate[] period : fsmPeriods) {
        LocalDate start = period[0];
        LocalDate end = period[1];
        if (start != null && !start.isAfter(fileDate) && (end == null || !end.isBefore(fileDate))) {
          fsmNow = true;
        }
        if (end == null || !end.isBefore(fileDate.minusYears(6))) {
          ever6 |= start != null;
        }
      }
      boolean inCare = isTrue(cells.get("Looked after"));
      cells.put(ReturnColumn.FSM.header(), fsmNow ? "Y" : "N");
      cells.put(ReturnColumn.DISADVANTAGED.header(), ever6 || inCare ? "Y" : "N");
      String sen = senProvision != null ? senProvision : senCandidate;
      cells.put(ReturnColumn.SEN.header(), sen == null ? "N" : sen);
      // No first language recorded: EAL is not known (left empty), never guessed as N.
      if (firstLanguage != null) {
        cells.put(
            ReturnColumn.EAL.header(),
            ENGLISH.contains(firstLanguage.toUpperCase(Locale.ROOT)) ? "N" : "Y");
      }
      if (cells.containsKey("Looked after")) {
        cells.put("Looked after", inCare ? "Y" : "N");
      }
      if (latestEntry != null) {
        cells.put("Date joined", latestEntry.toString());
      }
      cells.putAll(results);
      for (String header : HEADERS) {
        out.add(cells.getOrDefault(header, ""));
      }
      return new RawSheet.Row(line, out);
    }

    private static boolean isTrue(String value) {
      return value != null
          && (value.equalsIgnoreCase("true") || value.equals("1") || value.equalsIgnoreCase("Y"));
    }
  }

  /** The problem without the header row that a CTF does not have; other problems as they are. */
  static ReturnProblem withoutHeaderRow(ReturnProblem p) {
    if (p.row() == null || p.row() != HEADER_ROW) {
      return p;
    }
    return new ReturnProblem(
        p.severity(), p.file(), p.sheet(), null, p.column(), p.value(), p.problem(), p.accepted());
  }
}
