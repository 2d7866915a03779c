package org.clusterlens.ingest;

import java.util.List;

/**
 * The cells of a return's data sheet as text, before any meaning is given to them.
 *
 * @param file the file name as handed in; never null
 * @param sheet the worksheet's name, or null for a csv file
 * @param rows the non-empty rows in order; never null
 */
public record RawSheet(String file, String sheet, List<Row> rows) {

  public RawSheet {
    rows = List.copyOf(rows);
  }

  /**
   * One row of cells.
   *
   * @param number the row number as the spreadsheet shows it (1 is the first row)
   * @param cells the cells' text from the first column on, "" for an empty cell; never null
   */
  public record Row(int number, List<String> cells) {

    public Row {
      cells = List.copyOf(cells);
    }

    /** The text in column {@code index} (0-based), or "" past the row's end. */
    public String cell(int index) {
      return index < cells.size() ? cells.get(index) : "";
    }

    /** Tells whether every cell is empty or spaces. */
    public boolean isBlank() {
      return cells.stream().allMatch(String::isBlank);
    }
  }
}
