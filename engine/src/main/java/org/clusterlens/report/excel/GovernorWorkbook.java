package org.clusterlens.report.excel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.report.GovernorPack;
import org.clusterlens.report.ReadingNotes;
import org.clusterlens.report.SchoolResults;

/** Renders a governor pack as a workbook: a summary sheet, then one sheet per topic. */
public final class GovernorWorkbook {

  private GovernorWorkbook() {}

  /** The workbook, in memory; save it with {@link WorkbookSaver}. Never null. */
  public static XSSFWorkbook render(GovernorPack pack) {
    XSSFWorkbook wb = new XSSFWorkbook();
    PackStyles st = PackStyles.of(wb);
    List<String> about = new ArrayList<>();
    about.add("Cluster: " + pack.clusterName());
    about.add("School URN: " + pack.school().urn());
    if (!pack.peersNamed()) {
      about.add("Other schools' packs show this school as: " + pack.ownLetter());
    }
    if (pack.latestTerm() != null) {
      about.add("Figures up to: " + pack.latestTerm().label());
    }
    if (pack.ks2Year() != null) {
      about.add("Key Stage 2 results for: " + pack.ks2Year());
    }
    PackSheets.summary(wb, st, "Governor pack: " + pack.school().name(), about, pack.keyPoints());
    if (pack.ks2Year() != null) {
      PackSheets.ks2(wb, st, pack.ks2Year(), List.of(pack.self(), pack.cluster()));
      PackSheets.shift(
          wb, st, pack.previousKs2Year(), pack.ks2Year(), List.of(pack.self(), pack.cluster()));
      List<SchoolResults> all = new ArrayList<>();
      all.add(pack.self());
      all.addAll(pack.peers());
      all.add(pack.cluster());
      PackSheets.ks2Rwm(wb, st, pack.ks2Year(), all, pack.details().funnels());
    }
    SchemeSheet.otherSchemes(wb, st, List.of(pack.self()));
    GovernorSheets.progress(wb, st, pack);
    GovernorSheets.groups(wb, st, pack);
    GovernorSheets.ks1(wb, st, pack);
    GovernorSheets.trends(wb, st, pack);
    GovernorSheets.context(wb, st, pack);
    if (pack.teacherTerm() != null) {
      PackSheets.thisTerm(wb, st, pack.teacherTerm(), List.of(pack.self()));
    }
    GovernorSheets.completeness(wb, st, pack);
    PackSheets.about(
        wb,
        st,
        ReadingNotes.forGovernors(pack),
        pack.generatedAt(),
        pack.sources(),
        pack.otherReturns());
    openings(wb, st, pack);
    PrintLayout.apply(wb);
    WorkbookSaver.stamp(wb, "Governor pack: " + pack.school().name(), pack.generatedAt());
    return wb;
  }

  /**
   * The sheet that shows each governor-pack section, by the section's id, in a fixed order: the
   * openings go into the workbook's shared texts in this order, so the same pack gives the same
   * file from one run to the next ({@code Map.of}'s order changes with every process).
   */
  private static final Map<String, String> SECTION_SHEETS = sectionSheets();

  private static Map<String, String> sectionSheets() {
    Map<String, String> sheets = new LinkedHashMap<>();
    sheets.put("ks2", "Key Stage 2");
    sheets.put("shift", "Shift");
    sheets.put("peers", "Schools");
    sheets.put("progress", "Progress");
    sheets.put("groups", "Groups");
    sheets.put("ks1", "Key Stage 1");
    sheets.put("trends", "Trends");
    sheets.put("context", "Context");
    sheets.put("this-term", "This term");
    return Collections.unmodifiableMap(sheets);
  }

  /**
   * Opens each sheet that matches a pack section with the section's sentence for this school, ahead
   * of the sheet's own note.
   */
  private static void openings(XSSFWorkbook wb, PackStyles st, GovernorPack pack) {
    SECTION_SHEETS.forEach(
        (id, name) -> {
          Sheet sheet = wb.getSheet(name);
          String opening = pack.opening(id);
          if (sheet == null || opening.isEmpty() || sheet.getRow(1) == null) {
            return;
          }
          Cell note = sheet.getRow(1).getCell(0);
          String rest = note == null ? "" : note.getStringCellValue();
          st.setText(
              note == null ? sheet.getRow(1).createCell(0) : note,
              rest.isEmpty() ? opening : opening + " " + rest,
              st.text());
        });
  }
}
