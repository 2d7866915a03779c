package org.clusterlens.ingest;

import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The cells of a return's data sheet as text, before any meaning is given to them.
 *
 * @param file the file name as handed in; never null
 * @param sheet the worksheet's name, or null for a csv file
 * @param rows the non-empty rows in order; never null
 * @param merged the sheet's merged cell ranges, whose text sits in their top-left cell only; never
 *     null, empty for a csv file
 */
public record RawSheet(String file, String sheet, List<Row> rows, List<Merged> merged) {

  public RawSheet {
    rows = List.copyOf(rows);
    merged = List.copyOf(merged);
  }

  /** A sheet without merged cells, such as a csv file's. */
  public RawSheet(String file, String sheet, List<Row> rows) {
    this(file, sheet, rows, List.of());
  }

  /** The merged range that covers a cell, if any. */
  public Optional<Merged> mergedAt(int rowNumber, int column) {
    return merged.stream().filter(m -> m.covers(rowNumber, column)).findFirst();
  }

  /** The text of a cell by its row number as shown and its 0-based column; "" when empty. */
  public String cell(int rowNumber, int column) {
    if (rowNumber < 1) {
      // Above the first row (a header on row 1 asks for its heading): no need to look.
      return "";
    }
    for (Row row : rows) {
      if (row.number() == rowNumber) {
        return row.cell(column);
      }
    }
    return "";
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
      for (String cell : cells) {
        if (!cell.isBlank()) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * A merged range of cells, as Excel shows it: one value spread over several cells.
   *
   * @param firstRow the top row's number as shown (1-based)
   * @param lastRow the bottom row's number as shown
   * @param firstColumn the left column, 0-based
   * @param lastColumn the right column, 0-based
   */
  public record Merged(int firstRow, int lastRow, int firstColumn, int lastColumn) {

    /** The range POI read (0-based rows), with rows numbered as the spreadsheet shows them. */
    static Merged of(CellRangeAddress range) {
      return new Merged(
          range.getFirstRow() + 1,
          range.getLastRow() + 1,
          range.getFirstColumn(),
          range.getLastColumn());
    }

    /** Tells whether the range covers a cell. */
    public boolean covers(int rowNumber, int column) {
      return rowNumber >= firstRow
          && rowNumber <= lastRow
          && column >= firstColumn
          && column <= lastColumn;
    }
  }
}
