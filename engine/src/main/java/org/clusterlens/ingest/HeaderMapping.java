package org.clusterlens.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clusterlens.model.ReturnColumn;

/**
 * Finds a return's header row and says which column holds which field. The header may sit below
 * title rows; a header is recognised by its name or one of the names MIS exports use for it.
 *
 * @param headerRow the header's row as the spreadsheet shows it
 * @param columns for each field found, its 0-based column index
 * @param headers for each field found, the header text as the file wrote it
 */
public record HeaderMapping(
    int headerRow, Map<ReturnColumn, Integer> columns, Map<ReturnColumn, String> headers) {

  /** How many rows from the top are searched for the header. */
  static final int ROWS_SEARCHED = 20;

  /** How many recognised headers make a row the header row. */
  private static final int HEADERS_NEEDED = 3;

  private static final Map<String, ReturnColumn> NAMES = names();

  public HeaderMapping {
    columns = Collections.unmodifiableMap(new EnumMap<>(columns));
    headers = Collections.unmodifiableMap(new EnumMap<>(headers));
  }

  /**
   * Maps the sheet's header, adding to {@code problems} every required column that is missing,
   * every column named twice, and (as a warning) every column that is not read.
   *
   * @return the mapping, or empty when no header row could be found (an error is added)
   */
  public static Optional<HeaderMapping> find(RawSheet sheet, List<ReturnProblem> problems) {
    List<RawSheet.Row> rows = sheet.rows();
    for (int i = 0; i < Math.min(ROWS_SEARCHED, rows.size()); i++) {
      RawSheet.Row row = rows.get(i);
      long recognised = row.cells().stream().filter(c -> NAMES.containsKey(normalise(c))).count();
      if (recognised >= HEADERS_NEEDED) {
        return Optional.of(map(sheet, row, problems));
      }
    }
    problems.add(
        new ReturnProblem(
            ReturnProblem.Severity.ERROR,
            sheet.file(),
            sheet.sheet(),
            null,
            null,
            null,
            "no header row was found in the first " + ROWS_SEARCHED + " rows",
            "Put a header row with at least " + requiredHeaders() + " above the pupils"));
    return Optional.empty();
  }

  /** The 0-based column index of a field, if the return has it. */
  public Optional<Integer> column(ReturnColumn field) {
    return Optional.ofNullable(columns.get(field));
  }

  private static HeaderMapping map(RawSheet sheet, RawSheet.Row header, List<ReturnProblem> out) {
    Map<ReturnColumn, Integer> columns = new EnumMap<>(ReturnColumn.class);
    Map<ReturnColumn, String> headers = new EnumMap<>(ReturnColumn.class);
    for (int c = 0; c < header.cells().size(); c++) {
      String text = header.cell(c).trim();
      if (text.isEmpty()) {
        continue;
      }
      ReturnColumn field = NAMES.get(normalise(text));
      if (field == null) {
        out.add(
            problem(
                ReturnProblem.Severity.WARNING,
                sheet,
                header,
                text,
                "is not a column ClusterLens reads, so it was left out",
                null));
      } else if (columns.containsKey(field)) {
        out.add(
            problem(
                ReturnProblem.Severity.ERROR,
                sheet,
                header,
                text,
                "means the same as column '" + headers.get(field) + "', which comes earlier",
                "Keep one of the two columns"));
      } else {
        columns.put(field, c);
        headers.put(field, text);
      }
    }
    for (ReturnColumn field : ReturnColumn.values()) {
      if (field.required() && !columns.containsKey(field)) {
        out.add(
            new ReturnProblem(
                ReturnProblem.Severity.ERROR,
                sheet.file(),
                sheet.sheet(),
                header.number(),
                null,
                null,
                "the required column '" + field.header() + "' is missing",
                "Add a column headed '" + field.header() + "' (" + field.guidance() + ")"));
      }
    }
    return new HeaderMapping(header.number(), columns, headers);
  }

  private static ReturnProblem problem(
      ReturnProblem.Severity severity,
      RawSheet sheet,
      RawSheet.Row header,
      String column,
      String problem,
      String accepted) {
    return new ReturnProblem(
        severity, sheet.file(), sheet.sheet(), header.number(), column, null, problem, accepted);
  }

  private static String requiredHeaders() {
    List<String> names = new ArrayList<>();
    for (ReturnColumn c : ReturnColumn.values()) {
      if (c.required()) {
        names.add(c.header());
      }
    }
    return String.join(", ", names);
  }

  /** Header text compared without case, spaces or punctuation: "Pupil's D.O.B" → "pupilsdob". */
  static String normalise(String header) {
    return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static Map<String, ReturnColumn> names() {
    Map<String, ReturnColumn> names = new HashMap<>();
    for (ReturnColumn c : ReturnColumn.values()) {
      names.put(normalise(c.header()), c);
      for (String synonym : c.synonyms()) {
        names.put(normalise(synonym), c);
      }
    }
    return Map.copyOf(names);
  }
}
