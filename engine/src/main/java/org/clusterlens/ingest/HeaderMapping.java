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
    return find(sheet, SchoolMapping.NONE, problems);
  }

  /**
   * Maps the sheet's header as {@link #find(RawSheet, List)} does, reading the school's own header
   * names first.
   */
  public static Optional<HeaderMapping> find(
      RawSheet sheet, SchoolMapping mapping, List<ReturnProblem> problems) {
    List<RawSheet.Row> rows = sheet.rows();
    for (int i = 0; i < Math.min(ROWS_SEARCHED, rows.size()); i++) {
      RawSheet.Row row = rows.get(i);
      long recognised =
          headerTexts(sheet, row).stream().filter(c -> fieldNamed(c, mapping).isPresent()).count();
      if (recognised >= HEADERS_NEEDED) {
        return Optional.of(map(sheet, lastRowOfHeader(sheet, row), mapping, problems));
      }
    }
    String place =
        rows.isEmpty() ? "is empty" : "has no header row in its first " + ROWS_SEARCHED + " rows";
    problems.add(
        new ReturnProblem(
            ReturnProblem.Severity.ERROR,
            sheet.file(),
            sheet.sheet(),
            null,
            null,
            null,
            place,
            "Put a header row with at least "
                + requiredHeaders()
                + " and a column of results (such as Reading or KS2 Reading) above the pupils"));
    return Optional.empty();
  }

  /**
   * The header's last row: a header whose cells are merged down over two rows (a heading such as
   * "KS2" spread over the "Reading", "Writing" and "Maths" cells below it) ends at the merge's
   * bottom.
   */
  private static RawSheet.Row lastRowOfHeader(RawSheet sheet, RawSheet.Row first) {
    int last = first.number();
    for (RawSheet.Merged m : sheet.merged()) {
      if (m.firstRow() == first.number()
          && m.lastRow() > last
          && m.lastRow() < first.number() + 3) {
        last = m.lastRow();
      }
    }
    if (last == first.number()) {
      return first;
    }
    for (RawSheet.Row row : sheet.rows()) {
      if (row.number() == last) {
        return row;
      }
    }
    return new RawSheet.Row(last, List.of());
  }

  /**
   * The header text of each column of a row as a reader sees it: a cell covered by a merge from
   * above takes the merge's text, and a heading above the cell ("KS2" above "Reading") is joined to
   * it when the two together name a field.
   */
  private static List<String> headerTexts(RawSheet sheet, RawSheet.Row row) {
    int width = row.cells().size();
    for (RawSheet.Merged m : sheet.merged()) {
      if (m.firstRow() <= row.number() && m.lastRow() >= row.number()) {
        width = Math.max(width, m.lastColumn() + 1);
      }
    }
    List<String> texts = new ArrayList<>(width);
    for (int c = 0; c < width; c++) {
      String text = row.cell(c).trim();
      Optional<RawSheet.Merged> own = sheet.mergedAt(row.number(), c);
      if (own.isPresent() && own.get().firstRow() < row.number()) {
        // The cell sits under a merge that starts above: it shows the merge's text only in its
        // first column.
        RawSheet.Merged m = own.get();
        texts.add(c == m.firstColumn() ? sheet.cell(m.firstRow(), m.firstColumn()).trim() : "");
        continue;
      }
      if (!text.isEmpty()) {
        String heading = headingAbove(sheet, row.number(), c);
        String joined = heading + " " + text;
        if (!heading.isEmpty() && NAMES.containsKey(normalise(joined))) {
          text = joined;
        }
      }
      texts.add(text);
    }
    return texts;
  }

  private static String headingAbove(RawSheet sheet, int rowNumber, int column) {
    int above = rowNumber - 1;
    Optional<RawSheet.Merged> merged = sheet.mergedAt(above, column);
    if (merged.isPresent()) {
      return sheet.cell(merged.get().firstRow(), merged.get().firstColumn()).trim();
    }
    return sheet.cell(above, column).trim();
  }

  /** The 0-based column index of a field, if the return has it. */
  public Optional<Integer> column(ReturnColumn field) {
    return Optional.ofNullable(columns.get(field));
  }

  /** The field a header names: the school's own name for it first, then the built-in names. */
  static Optional<ReturnColumn> fieldNamed(String header, SchoolMapping mapping) {
    Optional<ReturnColumn> own = mapping.column(header);
    return own.isPresent() ? own : Optional.ofNullable(NAMES.get(normalise(header)));
  }

  private static HeaderMapping map(
      RawSheet sheet, RawSheet.Row header, SchoolMapping mapping, List<ReturnProblem> out) {
    Map<ReturnColumn, Integer> columns = new EnumMap<>(ReturnColumn.class);
    Map<ReturnColumn, String> headers = new EnumMap<>(ReturnColumn.class);
    List<String> texts = headerTexts(sheet, header);
    for (int c = 0; c < texts.size(); c++) {
      String text = texts.get(c);
      if (text.isEmpty()) {
        continue;
      }
      ReturnColumn field = fieldNamed(text, mapping).orElse(null);
      if (field == null) {
        out.add(
            problem(
                ReturnProblem.Severity.WARNING,
                sheet,
                header,
                text,
                "is not a column ClusterLens reads, so it was left out",
                "If it holds one of ClusterLens's columns, name it in the cluster's"
                    + " mappings/<URN>.csv"));
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
    if (columns.keySet().stream().noneMatch(f -> f.assessment().isPresent())) {
      out.add(
          new ReturnProblem(
              ReturnProblem.Severity.ERROR,
              sheet.file(),
              sheet.sheet(),
              header.number(),
              null,
              null,
              "the return holds no results: it has no teacher assessment, KS1 or KS2 column",
              "Add this term's 'Reading', 'Writing' and 'Maths' teacher assessment, or the"
                  + " 'KS1 …' or 'KS2 …' results"));
    }
    List<String> leftOut = new ArrayList<>();
    for (ReturnColumn field : CHARACTERISTICS) {
      if (!columns.containsKey(field)) {
        leftOut.add(field.header());
      }
    }
    if (!leftOut.isEmpty()) {
      out.add(
          new ReturnProblem(
              ReturnProblem.Severity.WARNING,
              sheet.file(),
              sheet.sheet(),
              header.number(),
              null,
              null,
              "the return has no "
                  + joined(leftOut)
                  + " column, so "
                  + (leftOut.size() == 1 ? "it is" : "they are")
                  + " not known for every pupil: the pupils count in the figures for all pupils"
                  + " but in no group made from "
                  + (leftOut.size() == 1 ? "it" : "them"),
              leftOut.size() == 1
                  ? "Add the column from the MIS if the school has it"
                  : "Add the columns from the MIS if the school has them"));
    }
    return new HeaderMapping(header.number(), columns, headers);
  }

  /**
   * The pupil characteristics that pupil groups are made from; a return may leave any of them out,
   * and each left out is reported once, as a warning.
   */
  static final List<ReturnColumn> CHARACTERISTICS =
      List.of(
          ReturnColumn.DATE_OF_BIRTH,
          ReturnColumn.GENDER,
          ReturnColumn.FSM,
          ReturnColumn.DISADVANTAGED,
          ReturnColumn.SEN,
          ReturnColumn.EAL);

  /** "A", "A and B", "A, B and C". */
  static String joined(List<String> words) {
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " and "
        + words.get(words.size() - 1);
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
    return joined(names);
  }

  /** Header text compared without case, spaces or punctuation: "Pupil's D.O.B" → "pupilsdob". */
  static String normalise(String header) {
    // Ingest asks this of every cell of the first rows, twice: plain ASCII text is done by hand;
    // any
    // other character may lower-case to ASCII letters (a Kelvin sign to 'k'), so it takes the
    // general way.
    StringBuilder kept = new StringBuilder(header.length());
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c >= 0x80) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
      }
      if (c >= 'A' && c <= 'Z') {
        kept.append((char) (c + ('a' - 'A')));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        kept.append(c);
      }
    }
    return kept.toString();
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
