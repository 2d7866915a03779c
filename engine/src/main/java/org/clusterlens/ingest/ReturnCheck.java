package org.clusterlens.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clusterlens.model.Pupil;
import org.clusterlens.model.TermlyReturn;

/**
 * What validating a return found: its pupils, and every problem with its place.
 *
 * @param identity which school, term and file; never null
 * @param pupils the rows that were read without error; never null
 * @param problems every error and warning, in the order found; never null
 * @param pupilRows for each pupil read, in the order of {@code pupils}, the row it is on as the
 *     spreadsheet shows it; never null
 * @param sheet the cells as read, or null when the file could not be read
 * @param header where the header is and which column holds what, or null when none was found
 */
public record ReturnCheck(
    ReturnIdentity identity,
    List<Pupil> pupils,
    List<ReturnProblem> problems,
    List<Integer> pupilRows,
    RawSheet sheet,
    HeaderMapping header) {

  public ReturnCheck {
    pupils = List.copyOf(pupils);
    problems = List.copyOf(problems);
    pupilRows = List.copyOf(pupilRows);
    if (pupilRows.size() != pupils.size()) {
      throw new IllegalArgumentException(
          "A row for each of the " + pupils.size() + " pupils, not " + pupilRows.size());
    }
  }

  /** A check of a file whose cells were never read (refused, or its school or term unknown). */
  public ReturnCheck(ReturnIdentity identity, List<ReturnProblem> problems) {
    this(identity, List.of(), problems, List.of(), null, null);
  }

  /** The same check with more problems found later, e.g. by comparing it with other returns. */
  public ReturnCheck withProblems(List<ReturnProblem> more) {
    List<ReturnProblem> all = new ArrayList<>(problems);
    all.addAll(more);
    return new ReturnCheck(identity, pupils, all, pupilRows, sheet, header);
  }

  /** The cells as read, if the file could be read. */
  public Optional<RawSheet> cells() {
    return Optional.ofNullable(sheet);
  }

  /** Tells whether the return can be stored: it has no errors. */
  public boolean accepted() {
    return problems.stream().noneMatch(ReturnProblem::isError);
  }

  /** The errors alone. */
  public List<ReturnProblem> errors() {
    return problems.stream().filter(ReturnProblem::isError).toList();
  }

  /** The warnings alone. */
  public List<ReturnProblem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  /** The return to store, or empty when it was rejected. */
  public Optional<TermlyReturn> termlyReturn() {
    if (!accepted()) {
      return Optional.empty();
    }
    return Optional.of(
        new TermlyReturn(
            identity.schoolUrn(), identity.term(), identity.fileName(), identity.sha256(), pupils));
  }

  /**
   * One line for the console, e.g. {@code 116001 2024-25-autumn 116001.xlsx: accepted, 212 pupils}.
   */
  public String summary() {
    String head = identity.describe() + " " + identity.fileName() + ": ";
    if (accepted()) {
      return head
          + "accepted, "
          + pupils.size()
          + " pupils"
          + (problems.isEmpty() ? "" : ", " + problems.size() + " warning(s)");
    }
    return head + "REJECTED, " + errors().size() + " error(s); nothing was stored";
  }
}
