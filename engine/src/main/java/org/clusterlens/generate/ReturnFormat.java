package org.clusterlens.generate;

/**
 * The kind of file a school hands its return in as, including the shapes real MIS exports take (a
 * title row above the header, other names for the headers, a Windows csv with semicolons).
 */
public enum ReturnFormat {
  /** An Excel workbook with one sheet named "Pupils", the template's headers in row 1. */
  XLSX("xlsx"),
  /** As {@link #XLSX}, below a title row and a blank row, as an MIS report prints it. */
  XLSX_TITLE_ROW("xlsx"),
  /** As {@link #XLSX}, with the headers under the other names MIS exports use ("DOB", "Rdg"). */
  XLSX_OTHER_HEADERS("xlsx"),
  /** A UTF-8, comma-separated file with the header row first. */
  CSV("csv"),
  /**
   * A csv as Excel saves it on a Windows machine set to a European list separator: Windows-1252,
   * semicolons, and the headers under the other names MIS exports use.
   */
  CSV_WINDOWS_SEMICOLON("csv");

  private final String extension;

  ReturnFormat(String extension) {
    this.extension = extension;
  }

  /** The file name extension, without the dot: {@code xlsx}. */
  public String extension() {
    return extension;
  }
}
