package org.clusterlens.generate;

import java.util.List;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;

/**
 * One school's generated return for one term, as it will be handed in.
 *
 * @param school the school; never null
 * @param term the term it reports; never null
 * @param format the kind of file the school uses; never null
 * @param rows one row per pupil on roll that term, in a stable order; never null, never empty
 */
public record GeneratedReturn(School school, Term term, ReturnFormat format, List<ReturnRow> rows) {

  public GeneratedReturn {
    if (school == null || term == null || format == null) {
      throw new IllegalArgumentException("A generated return needs a school, a term and a format");
    }
    rows = List.copyOf(rows);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(
          "The return of " + school.urn() + " for " + term + " has no pupils");
    }
  }

  /**
   * Where the file sits below the dataset folder, with forward slashes: {@code
   * returns/2024-25/autumn/128403.xlsx}.
   */
  public String relativePath() {
    return "returns/"
        + term.academicYear()
        + "/"
        + term.season().word()
        + "/"
        + school.urn()
        + "."
        + format.extension();
  }
}
