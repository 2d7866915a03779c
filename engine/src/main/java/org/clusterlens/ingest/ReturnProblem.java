package org.clusterlens.ingest;

/**
 * One thing wrong with a return, located so a school business manager can find and fix it.
 *
 * @param severity an error rejects the whole return; a warning is reported and the return accepted
 * @param file the file name as handed in; never null
 * @param sheet the worksheet's name, or null for a csv file
 * @param row the row number as the spreadsheet shows it (1 is the first row), or null for the file
 *     as a whole
 * @param column the column's header as the file wrote it, or null
 * @param value the value found in the cell, or null
 * @param problem what is wrong, as a sentence; never null
 * @param accepted what would be accepted instead, or null where there is nothing to suggest
 */
public record ReturnProblem(
    Severity severity,
    String file,
    String sheet,
    Integer row,
    String column,
    String value,
    String problem,
    String accepted) {

  /** How much a problem matters. */
  public enum Severity {
    ERROR,
    WARNING
  }

  /** An error about the file as a whole. */
  public static ReturnProblem fileError(String file, String problem, String accepted) {
    return new ReturnProblem(Severity.ERROR, file, null, null, null, null, problem, accepted);
  }

  /** Tells whether this problem rejects the return. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * The problem as one line of plain English, e.g. {@code 116001.xlsx, sheet 'Pupils', row 14,
   * column 'Reading': '4x' is not a grade in National Curriculum sub-levels. Use one of W, 1c, …}.
   */
  public String sentence() {
    StringBuilder s = new StringBuilder(file);
    if (sheet != null) {
      s.append(", sheet '").append(sheet).append('\'');
    }
    if (row != null) {
      s.append(", row ").append(row);
    }
    if (column != null) {
      s.append(", column '").append(column).append('\'');
    }
    s.append(": ");
    if (value != null) {
      s.append('\'').append(value).append("' ");
    }
    s.append(problem).append('.');
    if (accepted != null) {
      s.append(' ').append(accepted).append('.');
    }
    return s.toString();
  }
}
