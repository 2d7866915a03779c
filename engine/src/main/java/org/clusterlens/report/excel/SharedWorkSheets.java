package org.clusterlens.report.excel;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.insight.ClusterPriorities;
import org.clusterlens.insight.PriorityWording;
import org.clusterlens.insight.SchoolNames;
import org.clusterlens.insight.SelfEvaluation;
import org.clusterlens.insight.SharedPriority;
import org.clusterlens.report.excel.TableSheet.Column;

/**
 * Adds the "work on together" sheets to a rendered pack workbook: the shared priorities, and a
 * school's self-evaluation paragraphs; each goes before the About sheet.
 */
public final class SharedWorkSheets {

  private SharedWorkSheets() {}

  /**
   * Adds a "Priorities" sheet listing these priorities; returns the workbook.
   *
   * @param wb a pack workbook; never null
   * @param priorities the priorities to list (the cluster's, or those touching one school)
   * @param candidates how many comparisons were checked, for the line shown when there are none
   * @param names how the sheet names schools
   */
  public static XSSFWorkbook addPriorities(
      XSSFWorkbook wb, List<SharedPriority> priorities, int candidates, SchoolNames names) {
    PackStyles st = PackStyles.of(wb);
    String name = "Priorities";
    TableSheet t =
        TableSheet.create(
            wb,
            st,
            name,
            "What the schools could work on together",
            priorities.isEmpty()
                ? "No shared priority stands out from chance in the latest figures ("
                    + candidates
                    + " comparisons checked)."
                : "Each priority survived a check against chance over all "
                    + candidates
                    + " comparisons made (Benjamini–Hochberg, 5%).",
            List.of(
                new Column("Priority", 32, st.text()),
                new Column("What the figures show", 55, st.text()),
                new Column("A shared response could be", 38, st.text()),
                new Column("Who could lead", 28, st.text())));
    for (SharedPriority p : priorities) {
      t.add(
          PriorityWording.headline(p, names),
          PriorityWording.evidenceAndGroups(p, names),
          PriorityWording.response(p),
          PriorityWording.leaders(p, names));
    }
    wrap(wb.getSheet(name), st);
    PrintLayout.apply(wb.getSheet(name));
    beforeAbout(wb, name);
    return wb;
  }

  /** The cluster's shared priorities, every school named as the cluster pack names them. */
  public static XSSFWorkbook addPriorities(
      XSSFWorkbook wb, ClusterPriorities priorities, SchoolNames names) {
    return addPriorities(wb, priorities.all(), priorities.candidates(), names);
  }

  /** Adds a "Self-evaluation" sheet: one row per paragraph, ready to copy; returns the workbook. */
  public static XSSFWorkbook addSelfEvaluation(XSSFWorkbook wb, SelfEvaluation text) {
    PackStyles st = PackStyles.of(wb);
    String name = "Self-evaluation";
    TableSheet t =
        TableSheet.create(
            wb,
            st,
            name,
            "Self-evaluation text: " + text.school().name(),
            "Copy a paragraph into the self-evaluation form or development plan. Every figure gives"
                + " its n and the range chance alone could produce; each is a row of metrics.csv.",
            List.of(new Column("Topic", 34, st.text()), new Column("Paragraph", 120, st.text())));
    for (SelfEvaluation.Paragraph p : text.paragraphs()) {
      t.add(p.heading(), p.text());
    }
    wrap(wb.getSheet(name), st);
    PrintLayout.apply(wb.getSheet(name));
    beforeAbout(wb, name);
    return wb;
  }

  /** Long text wraps within its column (and stays safe from formula injection). */
  private static void wrap(Sheet sheet, PackStyles st) {
    for (Row row : sheet) {
      if (row.getRowNum() <= TableSheet.HEADER_ROW) {
        continue;
      }
      for (Cell cell : row) {
        st.setText(cell, cell.getStringCellValue(), st.wrapped());
      }
    }
  }

  private static void beforeAbout(XSSFWorkbook wb, String name) {
    int about = wb.getSheetIndex("About");
    if (about >= 0) {
      wb.setSheetOrder(name, about);
    }
  }
}
