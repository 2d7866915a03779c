package org.clusterlens.web;

import java.util.List;

/**
 * One file a business manager handed in through the service, and what ingest made of it.
 *
 * @param id generated, unique; names the hand-in's feedback folder
 * @param school the school's URN (the hand-in's own account's school); never null
 * @param term the term id, e.g. 2024-25-summer; never null
 * @param by the account name that handed it in
 * @param at when (ISO-8601 instant)
 * @param fileName the name the file had on the business manager's computer, without any folder
 * @param storedAs the generated name it is kept under in {@code uploads/}
 * @param accepted true when it was accepted and stored
 * @param stored what the warehouse did, in one sentence (empty when rejected)
 * @param pupils how many pupils were read
 * @param problems every error and warning, as the command line reports them
 * @param markedCopy the marked-up copy's file name in the hand-in's feedback folder, or null
 */
public record HandIn(
    String id,
    String school,
    String term,
    String by,
    String at,
    String fileName,
    String storedAs,
    boolean accepted,
    String stored,
    int pupils,
    List<Problem> problems,
    String markedCopy) {

  public HandIn {
    problems = List.copyOf(problems);
  }

  /** Errors first, then warnings, each as the command line words it. */
  public List<Problem> errors() {
    return problems.stream().filter(Problem::error).toList();
  }

  /** The warnings (the return was still accepted if there were no errors). */
  public List<Problem> warnings() {
    return problems.stream().filter(p -> !p.error()).toList();
  }

  /**
   * One problem ingest found, as the business manager needs to find and fix it.
   *
   * @param error true for an error (the return is rejected), false for a warning
   * @param where "Sheet 'Pupils', row 14, column 'Reading'", or "The whole file"
   * @param value the value seen, or empty
   * @param problem what is wrong
   * @param accepted what would be accepted, or empty
   */
  public record Problem(
      boolean error, String where, String value, String problem, String accepted) {}
}
