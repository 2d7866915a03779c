package org.clusterlens.generate;

/** The kind of file a school hands its return in as. */
public enum ReturnFormat {
  /** An Excel workbook with one sheet named "Pupils". */
  XLSX("xlsx"),
  /** A UTF-8, comma-separated file with the header row first. */
  CSV("csv");

  private final String extension;

  ReturnFormat(String extension) {
    this.extension = extension;
  }

  /** The file name extension, without the dot: {@code xlsx}. */
  public String extension() {
    return extension;
  }
}
