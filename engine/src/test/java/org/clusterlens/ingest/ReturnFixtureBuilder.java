package org.clusterlens.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the return corpus under {@code fixtures/returns/}: run once, commit the files, and run
 * again only to change them. Run from the repository's root, or give the folder as the argument:
 *
 * <pre>
 * ./mvnw -q -o test-compile
 * ./mvnw -q -o -pl engine dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp engine/target/test-classes:engine/target/classes:$(cat /tmp/cp.txt) \
 *     org.clusterlens.ingest.ReturnFixtureBuilder
 * </pre>
 *
 * <p>The expected outcome of each file is in {@code cases.csv} beside them, kept by hand; xlsx
 * bytes change on every run (POI stamps the time), the outcomes do not.
 */
public final class ReturnFixtureBuilder {

  static final String HEADER =
      "UPN,Forename,Surname,Date of birth,Gender,Year group,FSM,Disadvantaged,SEN,EAL,Reading,"
          + "Writing,Maths";

  /** Year 6 pupils in 2024-25 (born 1 September 2013 to 31 August 2014). */
  static final String[] PUPILS = {
    "W850210011501,Amelia,Fairweather,14/09/2013,F,6,N,N,N,N,5b,5c,5b",
    "K850210011502,Barnaby,Quennell,02/10/2013,M,6,Y,Y,K,N,4a,5c,4a",
    "Z850210011503,Clementine,Ashcombe,21/11/2013,F,6,N,N,N,Y,4b,4b,4b",
    "N850210011504,Dashiell,Merriwether,05/12/2013,M,6,N,Y,N,N,4c,3a,4b"
  };

  private final Path out;

  private ReturnFixtureBuilder(Path out) {
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "engine/src/test/resources/fixtures/returns");
    Files.createDirectories(out);
    if (args.length > 1 && args[1].equals("sources")) {
      // Only the files for where a return comes from and how it is laid out, leaving the
      // others' bytes as they are.
      new ReturnFixtureBuilder(out).sourcesAndLayouts();
    } else {
      new ReturnFixtureBuilder(out).writeAll();
    }
  }

  private void writeAll() throws Exception {
    goodCsv();
    goodWorkbooks();
    badCsv();
    hostileAndBroken();
    sourcesAndLayouts();
  }

  // ---- which school and term, the school's own names, long layout, CTF -------------------

  private void sourcesAndLayouts() throws Exception {
    workbook(
        "about-sheet-agrees.xlsx",
        XSSFWorkbook::new,
        wb -> withAbout(wb, "100002", "2024-25-autumn"));
    workbook(
        "about-sheet-other-school.xlsx",
        XSSFWorkbook::new,
        wb -> withAbout(wb, "100001", "2024-25-autumn"));
    workbook(
        "about-sheet-other-term.xls",
        HSSFWorkbook::new,
        wb -> withAbout(wb, "100002", "2023-24-summer"));
    workbook(
        "about-sheet-not-a-term.xlsx",
        XSSFWorkbook::new,
        wb -> withAbout(wb, "100002", "Autumn 24"));
    // The test cluster's mappings/100001.csv names these headers and grades.
    csv(
        "school-own-names-mapped.csv",
        lines(
            "Pupil Ref,Forename,Surname,Date of birth,Gender,Year group,FSM,Disadvantaged,SEN,EAL,"
                + "Rdg TA,Writing,Maths",
            "W850210011501,Amelia,Fairweather,14/09/2013,F,6,N,N,N,N,Secure+,5c,5b",
            "K850210011502,Barnaby,Quennell,02/10/2013,M,6,Y,Y,K,N,Developing,5c,4a",
            "Z850210011503,Clementine,Ashcombe,21/11/2013,F,6,N,N,N,Y,4b,4b,4b"));
    csv(
        "school-own-grade-not-mapped.csv",
        lines(
            "Pupil Ref,Forename,Surname,Date of birth,Gender,Year group,FSM,Disadvantaged,SEN,EAL,"
                + "Rdg TA,Writing,Maths",
            "W850210011501,Amelia,Fairweather,14/09/2013,F,6,N,N,N,N,Secure+,5c,5b",
            "K850210011502,Barnaby,Quennell,02/10/2013,M,6,Y,Y,K,N,Emerging,5c,4a"));
    String longHeader =
        "UPN,Forename,Surname,Date of birth,Gender,Year group,FSM,Disadvantaged,SEN,EAL,Subject,Grade";
    csv(
        "long-layout.csv",
        lines(
            longHeader,
            "W850210011501,Amelia,Fairweather,14/09/2013,F,6,N,N,N,N,Reading,5b",
            "W850210011501,Amelia,Fairweather,14/09/2013,F,6,N,N,N,N,Writing,5c",
            "W850210011501,Amelia,Fairweather,14/09/2013,F,6,N,N,N,N,Maths,5b",
            "K850210011502,Barnaby,Quennell,02/10/2013,M,6,Y,Y,K,N,Reading,4a",
            "K850210011502,Barnaby,Quennell,02/10/2013,M,6,Y,Y,K,N,Writing,5c",
            "K850210011502,Barnaby,Quennell,02/10/2013,M,6,Y,Y,K,N,Maths,4a",
            "K850210011502,Barnaby,Quennell,02/10/2013,M,6,Y,Y,K,N,KS2 Maths,4"));
    csv(
        "long-layout-grade-not-in-scheme.csv",
        lines(
            "Unique Pupil Number,DOB,Gender,Year,FSM,Disadvantaged,SEN,EAL,Subject,Result",
            "W850210011501,14/09/2013,F,6,N,N,N,N,Rdg,5b",
            "W850210011501,14/09/2013,F,6,N,N,N,N,Wri,5c",
            "W850210011501,14/09/2013,F,6,N,N,N,N,Ma,5b",
            "K850210011502,02/10/2013,M,6,Y,Y,K,N,Rdg,4x",
            "K850210011502,02/10/2013,M,6,Y,Y,K,N,Wri,5c",
            "K850210011502,02/10/2013,M,6,Y,Y,K,N,Ma,4a",
            "K850210011502,02/10/2013,M,6,Y,Y,K,N,Ma,4b"));
  }

  /** A "Pupils" sheet of two pupils behind the template's "About this return" sheet. */
  private static void withAbout(Workbook wb, String urn, String term) {
    Sheet about = wb.createSheet("About this return");
    about.createRow(0).createCell(0).setCellValue("ClusterLens termly return");
    Row u = about.createRow(2);
    u.createCell(0).setCellValue("School URN");
    u.createCell(1).setCellValue(urn);
    Row n = about.createRow(3);
    n.createCell(0).setCellValue("School name");
    n.createCell(1).setCellValue("Beacon Church of England Primary School");
    Row t = about.createRow(4);
    t.createCell(0).setCellValue("Term");
    t.createCell(1).setCellValue(term);
    plainSheet(wb, "Pupils", 0, 2);
  }

  // ---- accepted csv ------------------------------------------------------------------------

  private void goodCsv() throws IOException {
    csv("good-basic.csv", lines(HEADER, PUPILS[0], PUPILS[1], PUPILS[2]));
    csv(
        "title-row-above-semicolon-header.csv",
        lines(
            "Ashdown Primary, autumn return 2024-25",
            "",
            semi(HEADER),
            semi(PUPILS[0]),
            semi(PUPILS[1])));
    write(
        "semicolon-cp1252.csv",
        lines(
                semi(HEADER) + ";Remarque élève",
                semi(PUPILS[0].replace("Amelia", "Zoë")) + ";arrivée en septembre",
                semi(PUPILS[1].replace("Barnaby", "Siân")) + ";",
                semi(PUPILS[2].replace("Ashcombe", "Ó Súilleabháin")) + ";")
            .getBytes(Charset.forName("windows-1252")));
    csv("tab-separated.tsv", lines(tab(HEADER), tab(PUPILS[0]), tab(PUPILS[1])));
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    write(
        "utf8-bom.csv",
        concat(
            bom,
            lines(HEADER, PUPILS[0].replace("Amelia", "Zoë"), PUPILS[1].replace("Barnaby", "Siân"))
                .getBytes(StandardCharsets.UTF_8)));
    csv(
        "synonym-headers.csv",
        lines(
            "Unique Pupil Number,First name,Last name,DOB,Sex,NC Year,Free School Meals,Pupil"
                + " Premium,SEN Provision,English as an additional language,Rdg,Wri,Ma",
            PUPILS[0],
            PUPILS[1],
            PUPILS[2]));
    csv(
        "excel-date-serials.csv",
        lines(
            HEADER,
            serial(PUPILS[0], LocalDate.of(2013, 9, 14)),
            serial(PUPILS[1], LocalDate.of(2013, 10, 2)),
            PUPILS[2].replace("21/11/2013", "2013-11-21")));
    csv(
        "flags-in-many-forms.csv",
        lines(
            HEADER,
            "W850210011501,Amelia,Fairweather,14/09/2013,F,6,1,TRUE,,Yes,5b,5c,5b",
            "K850210011502,Barnaby,Quennell,02/10/2013,M,6,0,FALSE,K,No,4a,5c,4a",
            "Z850210011503,Clementine,Ashcombe,21/11/2013,F,6,,y,E,,4b,4b,4b"));
    csv(
        "reception-and-year-1.csv",
        lines(
            HEADER,
            "W850210011501,Amelia,Fairweather,14/09/2019,F,R,N,N,N,N,W,W,W",
            "K850210011502,Barnaby,Quennell,31/08/2020,M,R,N,N,N,N,,,",
            "Z850210011503,Clementine,Ashcombe,01/09/2018,F,1,N,N,N,N,1c,W,1b"));
    csv(
        "columns-in-any-order.csv",
        lines(
            "Maths,Reading,Writing,EAL,SEN,Disadvantaged,FSM,Year group,Gender,Date of birth,UPN",
            "5b,5b,5c,N,N,N,N,6,F,14/09/2013,W850210011501",
            "4a,4a,5c,N,K,Y,Y,6,M,02/10/2013,K850210011502"));
    csv(
        "trailing-blank-rows.csv",
        lines(HEADER, PUPILS[0], PUPILS[1], ",,,,,,,,,,,,", "", ",,,,,,,,,,,,", " , , ", ""));
    csv(
        "one-year-out-of-year-group.csv",
        lines(HEADER, PUPILS[0], "K850210011502,Barnaby,Quennell,02/10/2014,M,6,Y,Y,K,N,4a,5c,4a"));
    csv(
        "ks2-results-summer.csv",
        lines(
            HEADER + ",KS2 Reading,KS2 Writing,KS2 Maths",
            PUPILS[0] + ",5,5,5",
            PUPILS[1] + ",4,5,4",
            PUPILS[2] + ",A,4,B"));
  }

  // ---- accepted workbooks -----------------------------------------------------------------

  private void goodWorkbooks() throws IOException {
    workbook("good-basic.xlsx", XSSFWorkbook::new, wb -> plainSheet(wb, "Sheet1", 0, 3));
    workbook("good-basic.xls", HSSFWorkbook::new, wb -> plainSheet(wb, "Sheet1", 0, 3));
    workbook(
        "title-row-above-header.xlsx",
        XSSFWorkbook::new,
        wb -> {
          Sheet s = plainSheet(wb, "Pupils", 3, 2);
          s.createRow(0).createCell(0).setCellValue("Ashdown Primary School: autumn return");
          s.createRow(1).createCell(0).setCellValue("Exported from the MIS on 01/10/2024");
        });
    for (String ext : List.of("xlsx", "xls")) {
      Supplier<Workbook> kind = ext.equals("xlsx") ? XSSFWorkbook::new : HSSFWorkbook::new;
      workbook("formulas-cached-values." + ext, kind, ReturnFixtureBuilder::formulaSheet);
      workbook("merged-header-cells." + ext, kind, ReturnFixtureBuilder::mergedHeaderSheet);
      workbook(
          "pupils-sheet-not-first." + ext,
          kind,
          wb -> {
            Sheet notes = wb.createSheet("Read me");
            notes.createRow(0).createCell(0).setCellValue("UPN, DOB and Gender are required");
            notes.createRow(1).createCell(0).setCellValue("UPN");
            notes.getRow(1).createCell(1).setCellValue("DOB");
            notes.getRow(1).createCell(2).setCellValue("Gender");
            plainSheet(wb, "Pupils", 0, 2);
          });
    }
    workbook(
        "hidden-columns-and-rows.xlsx",
        XSSFWorkbook::new,
        wb -> {
          Sheet s = plainSheet(wb, "Pupils", 0, 3);
          s.setColumnHidden(1, true);
          s.setColumnHidden(12, true);
          s.getRow(2).setZeroHeight(true);
        });
    workbook(
        "trailing-blank-rows.xlsx",
        XSSFWorkbook::new,
        wb -> {
          Sheet s = plainSheet(wb, "Pupils", 0, 2);
          CellStyle bordered = wb.createCellStyle();
          bordered.setBorderBottom(org.apache.poi.ss.usermodel.BorderStyle.THIN);
          for (int r = 3; r < 40; r++) {
            Row row = s.createRow(r);
            for (int c = 0; c < 13; c++) {
              row.createCell(c).setCellStyle(bordered);
            }
            row.getCell(0).setCellValue(r % 3 == 0 ? " " : "");
          }
        });
    workbook("xls-named-xlsx.xlsx", HSSFWorkbook::new, wb -> plainSheet(wb, "Pupils", 0, 2));
  }

  /** A sheet with the header on row {@code headerRow} (0-based) and real date cells. */
  private static Sheet plainSheet(Workbook wb, String name, int headerRow, int pupils) {
    Sheet s = wb.createSheet(name);
    CellStyle date = wb.createCellStyle();
    date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
    String[] header = HEADER.split(",");
    Row h = s.createRow(headerRow);
    for (int c = 0; c < header.length; c++) {
      h.createCell(c).setCellValue(header[c]);
    }
    for (int p = 0; p < pupils; p++) {
      String[] cells = PUPILS[p].split(",", -1);
      Row row = s.createRow(headerRow + 1 + p);
      for (int c = 0; c < cells.length; c++) {
        Cell cell = row.createCell(c);
        if (c == 3) {
          String[] dmy = cells[c].split("/");
          cell.setCellValue(
              LocalDate.of(
                  Integer.parseInt(dmy[2]), Integer.parseInt(dmy[1]), Integer.parseInt(dmy[0])));
          cell.setCellStyle(date);
        } else if (c == 5) {
          cell.setCellValue(Integer.parseInt(cells[c]));
        } else {
          cell.setCellValue(cells[c]);
        }
      }
    }
    return s;
  }

  /** Year group, date of birth, a flag and grades worked out by formulas, with cached values. */
  private static void formulaSheet(Workbook wb) {
    Sheet s = plainSheet(wb, "Pupils", 0, 2);
    CellStyle date = s.getRow(1).getCell(3).getCellStyle();
    Row r = s.getRow(1);
    r.getCell(3).setCellFormula("DATE(2013,9,14)");
    r.getCell(3).setCellStyle(date);
    r.getCell(5).setCellFormula("3+3");
    r.getCell(6).setCellFormula("IF(1>2,\"Y\",\"N\")");
    r.getCell(10).setCellFormula("\"5\"&\"b\"");
    s.getRow(2).getCell(12).setCellFormula("LOWER(\"4A\")");
    FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
    evaluator.evaluateAll();
  }

  /**
   * A two-row header as trackers export it: a title merged across the top, each single field's
   * header merged down over two rows, and "KS2" merged across the three results below it.
   */
  private static void mergedHeaderSheet(Workbook wb) {
    Sheet s = wb.createSheet("Pupils");
    String[] top = HEADER.split(",");
    s.createRow(0).createCell(0).setCellValue("Ashdown Primary: summer return 2024-25");
    s.addMergedRegion(new CellRangeAddress(0, 0, 0, 15));
    Row r1 = s.createRow(1);
    Row r2 = s.createRow(2);
    for (int c = 0; c < 10; c++) {
      r1.createCell(c).setCellValue(top[c]);
      s.addMergedRegion(new CellRangeAddress(1, 2, c, c));
    }
    r1.createCell(10).setCellValue("Teacher assessment");
    s.addMergedRegion(new CellRangeAddress(1, 1, 10, 12));
    r1.createCell(13).setCellValue("KS2");
    s.addMergedRegion(new CellRangeAddress(1, 1, 13, 15));
    String[] sub = {"Reading", "Writing", "Maths", "Reading", "Writing", "Maths"};
    for (int i = 0; i < sub.length; i++) {
      r2.createCell(10 + i).setCellValue(sub[i]);
    }
    String[][] results = {{"5", "5", "5"}, {"4", "5", "4"}};
    for (int p = 0; p < 2; p++) {
      Row row = s.createRow(3 + p);
      String[] cells = PUPILS[p].split(",", -1);
      for (int c = 0; c < cells.length; c++) {
        row.createCell(c).setCellValue(cells[c]);
      }
      for (int k = 0; k < 3; k++) {
        row.createCell(13 + k).setCellValue(results[p][k]);
      }
    }
  }

  // ---- rejected csv -----------------------------------------------------------------------

  private void badCsv() throws IOException {
    csv(
        "wrong-check-letter.csv",
        lines(HEADER, PUPILS[0], PUPILS[1].replace("K850210011502", "A850210011502")));
    csv("duplicate-upn.csv", lines(HEADER, PUPILS[0], PUPILS[1], PUPILS[0]));
    csv(
        "grade-not-in-scheme.csv",
        lines(HEADER, PUPILS[0], PUPILS[1].replace(",4a,5c,4a", ",4x,5c,4a")));
    csv(
        "flag-not-yes-no.csv",
        lines(HEADER, PUPILS[0], PUPILS[1].replace(",Y,Y,K,", ",maybe,Y,K,")));
    csv(
        "date-not-a-date.csv",
        lines(HEADER, PUPILS[0], PUPILS[1].replace("02/10/2013", "31/02/2013")));
    csv("gender-unknown.csv", lines(HEADER, PUPILS[0], PUPILS[1].replace(",M,6,", ",X,6,")));
    csv("sen-code-unknown.csv", lines(HEADER, PUPILS[0], PUPILS[1].replace(",Y,Y,K,", ",Y,Y,S,")));
    csv(
        "year-group-not-primary.csv",
        lines(HEADER, PUPILS[0], PUPILS[1].replace(",M,6,", ",M,7,")));
    csv(
        "year-group-two-years-from-age.csv",
        lines(HEADER, PUPILS[0], PUPILS[1].replace(",M,6,", ",M,4,")));
    csv("upn-missing.csv", lines(HEADER, PUPILS[0], PUPILS[1].replace("K850210011502", "")));
    csv(
        "missing-required-column.csv",
        lines(
            "UPN,Forename,Surname,Date of birth,Gender,FSM,Disadvantaged,SEN,EAL,Reading,Writing,"
                + "Maths",
            "W850210011501,Amelia,Fairweather,14/09/2013,F,N,N,N,N,5b,5c,5b"));
    csv(
        "no-results-columns.csv",
        lines("UPN,Date of birth,Gender,Year group,FSM", "W850210011501,14/09/2013,F,6,N"));
    csv(
        "ks2-results-only.csv",
        lines(
            "UPN,Year group,KS2 Reading,KS2 Writing,KS2 Maths",
            "W850210011501,6,5,5,5",
            "K850210011502,6,4,5,4"));
    csv(
        "same-column-twice.csv",
        lines(HEADER + ",Unique Pupil Number", PUPILS[0] + ",W850210011501"));
    csv("header-but-no-pupils.csv", lines(HEADER, ",,,,,,,,,,,,", ""));
    csv(
        "title-only-no-header.csv",
        lines("Ashdown Primary School autumn return", "To follow: the pupils' data"));
    write("empty-file.csv", new byte[0]);
    write(
        "binary-named-csv.csv",
        new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0});
    csv("over-pupil-limit.csv", lines(HEADER, PUPILS[0], PUPILS[1], PUPILS[2], PUPILS[3]));
    csv("over-size-limit.csv", lines(HEADER, PUPILS[0], PUPILS[1], PUPILS[2], PUPILS[3]));
    csv("spreadsheet.ods", "not read");
    csv(
        "many-problems.csv",
        lines(
            HEADER,
            "W850210011501,Amelia,Fairweather,14/09/2013,F,6,N,N,N,N,5b,5c,9z",
            "K850210011502,Barnaby,Quennell,2013-13-02,M,6,Y,Y,K,N,4a,5c,4a",
            "Z850210011503,Clementine,Ashcombe,21/11/2013,Girl,6,N,N,N,perhaps,4b,4b,4b"));
  }

  // ---- hostile and broken -----------------------------------------------------------------

  private void hostileAndBroken() throws Exception {
    byte[] good = workbookBytes(XSSFWorkbook::new, wb -> plainSheet(wb, "Pupils", 0, 2));
    workbook(
        "header-but-no-pupils.xlsx",
        XSSFWorkbook::new,
        wb -> {
          Sheet s = plainSheet(wb, "Pupils", 0, 0);
          for (int r = 1; r < 10; r++) {
            s.createRow(r).createCell(0).setCellValue("");
          }
        });
    workbook(
        "title-only-no-header.xlsx",
        XSSFWorkbook::new,
        wb -> wb.createSheet("Pupils").createRow(0).createCell(0).setCellValue("Autumn return"));
    workbook(
        "over-row-limit.xlsx",
        XSSFWorkbook::new,
        wb -> {
          Sheet s = plainSheet(wb, "Pupils", 0, 4);
          for (int r = 5; r < 40; r++) {
            s.createRow(r).createCell(0).setCellValue("row " + r);
          }
        });

    // A sheet that inflates 10 MB of spaces from a few kilobytes: POI's ratio guard refuses it.
    String sheet = entry(good, "xl/worksheets/sheet1.xml");
    String padding = " ".repeat(10 * 1024 * 1024);
    write(
        "zip-bomb.xlsx",
        replaceEntry(
            good,
            "xl/worksheets/sheet1.xml",
            sheet.replace("</sheetData>", "</sheetData>" + padding)));

    String strings = entry(good, "xl/sharedStrings.xml");
    write(
        "xxe-in-shared-strings.xlsx",
        replaceEntry(
            good,
            "xl/sharedStrings.xml",
            withDoctype(strings, "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">")
                .replaceFirst("<t>UPN</t>", "<t>UPN&amp;&xxe;</t>")));
    write(
        "xxe-in-sheet.xlsx",
        replaceEntry(
            good,
            "xl/worksheets/sheet1.xml",
            withDoctype(sheet, "<!ENTITY xxe SYSTEM \"http://127.0.0.1:9/clusterlens-xxe\">")
                .replace("</row>", "<c r=\"Z1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>")));
    StringBuilder laughs = new StringBuilder("<!ENTITY lol \"lol\">");
    for (int i = 1; i < 10; i++) {
      String previous = i == 1 ? "&lol;" : "&lol" + (i - 1) + ";";
      laughs
          .append("<!ENTITY lol")
          .append(i)
          .append(" \"")
          .append(previous.repeat(10))
          .append("\">");
    }
    write(
        "billion-laughs.xlsx",
        replaceEntry(
            good,
            "xl/sharedStrings.xml",
            withDoctype(strings, laughs.toString()).replaceFirst("<t>UPN</t>", "<t>&lol9;</t>")));

    write("password-protected.xlsx", encrypt(good));
    try {
      Biff8EncryptionKey.setCurrentUserPassword("governors");
      workbook("password-protected.xls", HSSFWorkbook::new, wb -> plainSheet(wb, "Pupils", 0, 2));
    } finally {
      Biff8EncryptionKey.setCurrentUserPassword(null);
    }
    write("truncated.xlsx", Arrays.copyOf(good, good.length / 2));
    byte[] xls = workbookBytes(HSSFWorkbook::new, wb -> plainSheet(wb, "Pupils", 0, 2));
    write("truncated.xls", Arrays.copyOf(xls, 1536));
    csv("text-named-xlsx.xlsx", lines(HEADER, PUPILS[0]));
  }

  private static String withDoctype(String xml, String entities) {
    int end = xml.indexOf("?>") + 2;
    String root = xml.substring(end).trim();
    String name = root.substring(1, root.indexOf(' '));
    return xml.substring(0, end) + "<!DOCTYPE " + name + " [" + entities + "]>" + root;
  }

  private static byte[] encrypt(byte[] xlsx) throws Exception {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      encryptor.confirmPassword("governors");
      try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(xlsx));
          OutputStream os = encryptor.getDataStream(fs)) {
        pkg.save(os);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      fs.writeFilesystem(bytes);
      return bytes.toByteArray();
    }
  }

  // ---- helpers ----------------------------------------------------------------------------

  private static String entry(byte[] zip, String name) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(name)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new IllegalArgumentException("No " + name + " in the workbook");
  }

  private static byte[] replaceEntry(byte[] zip, String name, String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.setLevel(9);
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(0);
        out.putNextEntry(copy);
        out.write(
            e.getName().equals(name)
                ? content.getBytes(StandardCharsets.UTF_8)
                : in.readAllBytes());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private void workbook(String name, Supplier<Workbook> kind, Consumer<Workbook> fill)
      throws IOException {
    write(name, workbookBytes(kind, fill));
  }

  private static byte[] workbookBytes(Supplier<Workbook> kind, Consumer<Workbook> fill)
      throws IOException {
    try (Workbook wb = kind.get()) {
      fill.accept(wb);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      wb.write(bytes);
      return bytes.toByteArray();
    }
  }

  private void csv(String name, String text) throws IOException {
    write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private void write(String name, byte[] bytes) throws IOException {
    Files.write(out.resolve(name), bytes);
  }

  private static String lines(String... lines) {
    return String.join("\r\n", lines) + "\r\n";
  }

  private static String semi(String line) {
    return line.replace(',', ';');
  }

  private static String tab(String line) {
    return line.replace(',', '\t');
  }

  private static String serial(String line, LocalDate dob) {
    String[] cells = line.split(",", -1);
    cells[3] = String.valueOf((long) DateUtil.getExcelDate(dob));
    return String.join(",", cells);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
