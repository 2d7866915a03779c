package org.clusterlens.ingest;

import org.clusterlens.model.Term;

/**
 * Which school and term a return reports, and the file it came in.
 *
 * @param schoolUrn the school's URN, or null when the file did not say (it is then rejected)
 * @param term the term, or null when the file did not say (it is then rejected)
 * @param fileName the file's name without folders; never null
 * @param sha256 the file's SHA-256 checksum in hex, or "" when the file could not be read
 */
public record ReturnIdentity(String schoolUrn, Term term, String fileName, String sha256) {

  /** The school and term as a reader would say them: {@code 116001 2024-25-autumn}. */
  public String describe() {
    return (schoolUrn == null ? "(school unknown)" : schoolUrn)
        + " "
        + (term == null ? "(term unknown)" : term.id());
  }
}
