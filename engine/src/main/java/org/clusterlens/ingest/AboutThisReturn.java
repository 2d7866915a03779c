package org.clusterlens.ingest;

import java.util.List;
import java.util.Optional;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;

/**
 * What a workbook's "About this return" sheet says about the school and term, as the return
 * template lays it out: a label in column A ("School URN", "Term") and its value in column B. The
 * names match report/excel's {@code ReturnTemplate}, which writes the sheet.
 *
 * @param schoolUrn the URN written there, if any (blank cells say nothing)
 * @param term the term written there, if any
 */
record AboutThisReturn(Optional<String> schoolUrn, Optional<Term> term) {

  /** The sheet's name in the template. */
  static final String SHEET = "About this return";

  /** The label beside the school's URN. */
  static final String URN_LABEL = "School URN";

  /** The label beside the term id. */
  static final String TERM_LABEL = "Term";

  /** How many rows of the sheet are read: the labels sit in its first few. */
  static final int ROWS_READ = 40;

  /** Says nothing: a csv file, or a workbook without the sheet. */
  static final AboutThisReturn NONE = new AboutThisReturn(Optional.empty(), Optional.empty());

  /** Where the sheet names the school and term, the place used in messages. */
  static String place() {
    return "the '" + SHEET + "' sheet";
  }

  /** Reads the labelled cells, adding an error for a URN or term that is written but is not one. */
  static AboutThisReturn of(RawSheet sheet, List<ReturnProblem> problems) {
    Optional<String> urn = Optional.empty();
    Optional<Term> term = Optional.empty();
    for (RawSheet.Row row : sheet.rows()) {
      String label = HeaderMapping.normalise(row.cell(0));
      String value = row.cell(1).trim();
      if (value.isEmpty()) {
        continue;
      }
      if (label.equals(HeaderMapping.normalise(URN_LABEL)) && urn.isEmpty()) {
        // Excel may show a URN typed as a number as 100001.0 in some exports.
        String digits = value.replaceAll("\\.0+$", "");
        if (School.isUrn(digits)) {
          urn = Optional.of(digits);
        } else {
          problems.add(
              aboutError(
                  sheet,
                  row,
                  URN_LABEL,
                  value,
                  "is not a URN",
                  "A URN has six digits, e.g. 123456"));
        }
      } else if (label.equals(HeaderMapping.normalise(TERM_LABEL)) && term.isEmpty()) {
        if (Term.isTermId(value)) {
          term = Optional.of(Term.parse(value));
        } else {
          problems.add(
              aboutError(
                  sheet,
                  row,
                  TERM_LABEL,
                  value,
                  "is not a term",
                  "Write it like 2024-25-autumn (autumn, spring or summer)"));
        }
      }
    }
    return new AboutThisReturn(urn, term);
  }

  private static ReturnProblem aboutError(
      RawSheet sheet, RawSheet.Row row, String label, String value, String problem, String fix) {
    return new ReturnProblem(
        ReturnProblem.Severity.ERROR,
        sheet.file(),
        sheet.sheet(),
        row.number(),
        label,
        value,
        problem,
        fix);
  }
}
