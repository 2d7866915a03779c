package org.clusterlens.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clusterlens.model.ReturnColumn;

/**
 * One school's own names for the return's columns and grades, from the cluster folder's {@code
 * mappings/<URN>.csv}: a tracker's "Rdg TA" header is read as Reading, its "Secure+" as 4b.
 *
 * @param columns the school's header, {@linkplain HeaderMapping#normalise normalised}, to the
 *     column it holds; never null
 * @param grades the school's grade, trimmed and lower-cased, to the scheme code it means; never
 *     null
 */
public record SchoolMapping(Map<String, ReturnColumn> columns, Map<String, String> grades) {

  /** No renaming: the built-in header names and the scheme's own codes only. */
  public static final SchoolMapping NONE = new SchoolMapping(Map.of(), Map.of());

  public SchoolMapping {
    columns = Map.copyOf(columns);
    grades = Map.copyOf(grades);
  }

  /** The column a header of this school's means, if the mapping names it. */
  Optional<ReturnColumn> column(String header) {
    return Optional.ofNullable(columns.get(HeaderMapping.normalise(header)));
  }

  /** The scheme code for a grade as this school writes it; the grade itself when not mapped. */
  String grade(String written) {
    if (grades.isEmpty()) {
      return written;
    }
    return grades.getOrDefault(written.trim().toLowerCase(Locale.ROOT), written);
  }

  /** Builds a school's mapping line by line, refusing lines that could not be meant. */
  static final class Builder {
    private final Map<String, ReturnColumn> columns = new HashMap<>();
    private final Map<String, String> grades = new HashMap<>();

    /**
     * Adds one line.
     *
     * @return why the line cannot be used, or empty when it was added
     */
    Optional<String> add(String kind, String theirs, String ours) {
      if (theirs.isBlank() || ours.isBlank()) {
        return Optional.of("both 'theirs' and 'ours' need a value");
      }
      switch (kind.trim().toLowerCase(Locale.ROOT)) {
        case "column" -> {
          Optional<ReturnColumn> column = byHeader(ours);
          if (column.isEmpty()) {
            return Optional.of(
                "'" + ours + "' is not a ClusterLens column; use one of " + allHeaders());
          }
          columns.put(HeaderMapping.normalise(theirs), column.get());
        }
        case "grade" -> grades.put(theirs.trim().toLowerCase(Locale.ROOT), ours.trim());
        default -> {
          return Optional.of(
              "kind '" + kind + "' is not one ClusterLens reads; use column or grade");
        }
      }
      return Optional.empty();
    }

    SchoolMapping build() {
      return new SchoolMapping(columns, grades);
    }
  }

  private static Optional<ReturnColumn> byHeader(String header) {
    for (ReturnColumn c : ReturnColumn.values()) {
      if (HeaderMapping.normalise(c.header()).equals(HeaderMapping.normalise(header))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static String allHeaders() {
    List<String> headers = new ArrayList<>();
    for (ReturnColumn c : ReturnColumn.values()) {
      headers.add(c.header());
    }
    return String.join(", ", headers);
  }
}
