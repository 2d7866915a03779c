package org.clusterlens.report.excel;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.ReturnColumn;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;
import org.clusterlens.scheme.AssessmentScheme;
import org.clusterlens.scheme.Scheme;
import org.clusterlens.scheme.Schemes;

/**
 * The termly return template an SBM fills in: an "About this return" sheet naming the school and
 * term, and a "Pupils" sheet with the columns ingest expects and drop-downs for coded columns.
 */
public final class ReturnTemplate {

  /** The sheet that names the school and the term. */
  public static final String ABOUT_SHEET = "About this return";

  /** The sheet with one row per pupil. */
  public static final String PUPILS_SHEET = "Pupils";

  /** The label in column A of the About sheet whose column B holds the school's URN. */
  public static final String URN_LABEL = "School URN";

  /** The label in column A of the About sheet whose column B holds the term id. */
  public static final String TERM_LABEL = "Term";

  /** Validated rows below the header: enough for the largest primary school. */
  static final int ROWS = 1000;

  private ReturnTemplate() {}

  /** Writes a blank template (school and term to fill in) to {@code file}. */
  public static void write(Path file) {
    WorkbookSaver.save(render(null, null), file);
  }

  /**
   * The template in memory.
   *
   * @param school the school to name, or null to leave it for the SBM to fill in
   * @param term the term to name, or null to leave it for the SBM to fill in
   */
  public static XSSFWorkbook render(School school, Term term) {
    return render(school, term, a -> Schemes.ncLevels());
  }

  /**
   * The template for one school and term, its grade columns offering what the school's scheme
   * accepts (a scaled-score column has no drop-down, as it takes numbers as well as codes).
   *
   * @param schemeOf the scheme each kind of assessment is read in that term
   */
  public static XSSFWorkbook render(
      School school, Term term, Function<Assessment, Scheme> schemeOf) {
    XSSFWorkbook wb = new XSSFWorkbook();
    PackStyles st = PackStyles.of(wb);
    Function<ReturnColumn, Optional<AssessmentScheme>> tableOf =
        col ->
            col.assessment().flatMap(a -> schemeOf.apply(a).table(a, col.subject().orElseThrow()));
    about(wb, st, school, term, tableOf);
    pupils(wb, st, tableOf);
    return wb;
  }

  /** Writes the template for one school and term to {@code file}. */
  public static void write(
      Path file, School school, Term term, Function<Assessment, Scheme> schemeOf) {
    WorkbookSaver.save(render(school, term, schemeOf), file);
  }

  private static void about(
      XSSFWorkbook wb,
      PackStyles st,
      School school,
      Term term,
      Function<ReturnColumn, Optional<AssessmentScheme>> tableOf) {
    Sheet sheet = wb.createSheet(ABOUT_SHEET);
    sheet.setColumnWidth(0, 24 * 256);
    sheet.setColumnWidth(1, 40 * 256);
    sheet.setColumnWidth(2, 70 * 256);
    Cell title = sheet.createRow(0).createCell(0);
    title.setCellValue("ClusterLens termly return");
    title.setCellStyle(st.title());
    labelled(sheet, 2, URN_LABEL, school == null ? "" : school.urn(), "Six digits, e.g. 123456");
    labelled(sheet, 3, "School name", school == null ? "" : school.name(), "As governors know it");
    labelled(
        sheet,
        4,
        TERM_LABEL,
        term == null ? "" : term.id(),
        "Academic year and term, e.g. 2024-25-autumn (autumn, spring or summer)");
    List<String> steps =
        List.of(
            "How to fill in this return",
            "1. Fill in the school's URN and the term above.",
            "2. On the Pupils sheet, one row per pupil on roll; paste values only (Paste Special >"
                + " Values) so the drop-downs stay.",
            "3. Grades: in the scheme the table below names for each column; Key Stage results"
                + " only in the summer return for Year 2 (KS1) and Year 6 (KS2).",
            "4. Leave a cell empty when there is no grade; do not write 0.",
            "5. Forename and surname are optional: ClusterLens reads them, then discards them.",
            "6. Hover over a column header for what it holds; the table below lists every column.",
            "7. Only UPN and Year group are required, with at least one column of results; other"
                + " columns may be deleted. Write N where the answer is no: an empty cell in FSM,"
                + " SEN, gender and the like counts as not known, never as no.");
    int r = 6;
    for (int i = 0; i < steps.size(); i++) {
      Cell c = sheet.createRow(r++).createCell(0);
      c.setCellValue(steps.get(i));
      if (i == 0) {
        c.setCellStyle(st.header());
      }
    }
    r++;
    Row header = sheet.createRow(r++);
    String[] heads = {"Column", "Required", "What to enter"};
    for (int i = 0; i < heads.length; i++) {
      Cell c = header.createCell(i);
      c.setCellValue(heads[i]);
      c.setCellStyle(st.header());
    }
    for (ReturnColumn col : ReturnColumn.values()) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(col.header());
      row.createCell(1).setCellValue(col.required() ? "Yes" : "No");
      Cell g = row.createCell(2);
      g.setCellValue(
          col.guidance()
              + tableOf
                  .apply(col)
                  .map(t -> " (" + t.name() + ": " + t.acceptedWords() + ")")
                  .orElse(""));
      g.setCellStyle(st.wrapped());
    }
    TableSheet.printSetup(sheet, 0);
  }

  private static void labelled(Sheet sheet, int rowIndex, String label, String value, String hint) {
    Row row = sheet.createRow(rowIndex);
    row.createCell(0).setCellValue(label);
    row.createCell(1).setCellValue(value);
    row.createCell(2).setCellValue(hint);
  }

  private static void pupils(
      XSSFWorkbook wb, PackStyles st, Function<ReturnColumn, Optional<AssessmentScheme>> tableOf) {
    Sheet sheet = wb.createSheet(PUPILS_SHEET);
    CreationHelper factory = wb.getCreationHelper();
    Drawing<?> drawing = sheet.createDrawingPatriarch();
    CellStyle dateStyle = wb.createCellStyle();
    dateStyle.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
    CellStyle textStyle = wb.createCellStyle();
    textStyle.setDataFormat(wb.createDataFormat().getFormat("@"));

    Row header = sheet.createRow(0);
    DataValidationHelper validations = sheet.getDataValidationHelper();
    ReturnColumn[] columns = ReturnColumn.values();
    for (int i = 0; i < columns.length; i++) {
      ReturnColumn col = columns[i];
      Cell cell = header.createCell(i);
      cell.setCellValue(col.header());
      cell.setCellStyle(st.header());

      ClientAnchor anchor = factory.createClientAnchor();
      anchor.setCol1(i);
      anchor.setCol2(i + 3);
      anchor.setRow1(0);
      anchor.setRow2(4);
      Comment comment = drawing.createCellComment(anchor);
      comment.setString(factory.createRichTextString(col.guidance()));
      comment.setAuthor("ClusterLens");
      cell.setCellComment(comment);

      sheet.setColumnWidth(i, Math.max(12, col.header().length() + 4) * 256);
      sheet.setDefaultColumnStyle(i, col == ReturnColumn.DATE_OF_BIRTH ? dateStyle : textStyle);

      List<String> codes = codes(col, tableOf.apply(col));
      if (!codes.isEmpty()) {
        DataValidationConstraint list =
            validations.createExplicitListConstraint(codes.toArray(String[]::new));
        DataValidation v =
            validations.createValidation(list, new CellRangeAddressList(1, ROWS, i, i));
        v.setShowErrorBox(true);
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.createErrorBox(col.header(), col.header() + " accepts " + String.join(", ", codes));
        v.setShowPromptBox(true);
        v.createPromptBox(col.header(), col.guidance());
        v.setSuppressDropDownArrow(true);
        sheet.addValidationData(v);
      }
    }
    sheet.setColumnWidth(ReturnColumn.UPN.ordinal(), 17 * 256);
    sheet.setColumnWidth(ReturnColumn.DATE_OF_BIRTH.ordinal(), 14 * 256);
    sheet.createFreezePane(0, 1);
    TableSheet.printSetup(sheet, 0);
  }

  /**
   * The codes a column's drop-down offers: none for free-text columns, and none for a grade column
   * that also takes scores (a drop-down would refuse them).
   */
  static List<String> codes(ReturnColumn col, Optional<AssessmentScheme> table) {
    return switch (col) {
      case GENDER -> List.of("M", "F");
      case YEAR_GROUP -> List.of("R", "1", "2", "3", "4", "5", "6");
      case FSM, DISADVANTAGED, EAL, LOOKED_AFTER -> List.of("Y", "N");
      case SEN -> List.of("N", "K", "E");
      default ->
          table.filter(t -> !t.acceptsScores()).map(t -> t.acceptedCodes()).orElse(List.of());
    };
  }
}
