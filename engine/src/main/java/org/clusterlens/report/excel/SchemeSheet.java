package org.clusterlens.report.excel;

import static org.clusterlens.report.excel.TableSheet.orBlank;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.clusterlens.report.Labels;
import org.clusterlens.report.SchemeResults;
import org.clusterlens.report.SchoolResults;
import org.clusterlens.report.excel.TableSheet.Column;

/**
 * The "Other schemes" sheet: results in a scheme other than National Curriculum levels, kept apart
 * from every sheet in levels. Written only when some school has such results.
 */
final class SchemeSheet {

  private SchemeSheet() {}

  static void otherSchemes(Workbook wb, PackStyles st, List<SchoolResults> schools) {
    if (schools.stream().allMatch(s -> s.otherSchemes().isEmpty())) {
      return;
    }
    List<Column> cols = new ArrayList<>();
    cols.add(new Column("School", 30, st.text()));
    cols.add(new Column("Assessment", 14, st.text()));
    cols.add(new Column("When", 14, st.text()));
    cols.add(new Column("Scheme", 30, st.text()));
    cols.add(new Column("Subject", 10, st.text()));
    PackSheets.proportionColumns(cols, st, "the expected standard or above");
    PackSheets.proportionColumns(cols, st, "the higher standard");
    cols.add(new Column("Average", 10, st.points()));
    cols.add(new Column("Pupils (average)", 11, st.count()));
    PackSheets.proportionColumns(
        cols, st, "the expected standard or above (cluster schools in this scheme)");
    cols.add(new Column("Schools in this scheme", 11, st.count()));
    cols.add(new Column("Change in % expected since the year before", 12, st.points()));
    cols.add(new Column("Lower", 9, st.points()));
    cols.add(new Column("Upper", 9, st.points()));
    TableSheet t =
        TableSheet.create(
            wb,
            st,
            "Other schemes",
            "Results in another assessment scheme",
            "Handed in in a scheme other than National Curriculum levels. Results in different"
                + " schemes cannot be compared, so they are kept apart from the sheets in levels;"
                + " the cluster columns pool only the schools that use the same scheme.",
            cols);
    for (SchoolResults s : schools) {
      for (SchemeResults r : s.otherSchemes()) {
        for (SchemeResults.Row row : r.rows()) {
          t.add(
              s.label(),
              r.assessment(),
              r.period(),
              r.schemeName(),
              Labels.subjectShort(row.subject()),
              orBlank(row.expected()),
              orBlank(row.higher()),
              orBlank(row.average()),
              orBlank(row.clusterExpected()),
              (long) r.schoolsInScheme(),
              row.expectedShift(),
              row.expectedShiftRange() == null ? null : row.expectedShiftRange().lower(),
              row.expectedShiftRange() == null ? null : row.expectedShiftRange().upper());
        }
      }
    }
  }
}
