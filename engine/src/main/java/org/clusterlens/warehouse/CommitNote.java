package org.clusterlens.warehouse;

import java.time.Instant;
import java.util.Optional;
import org.clusterlens.model.TermlyReturn;

/**
 * The note written with each commit, naming the return it stored: {@code
 * school=116001;term=2024-25-autumn;sha256=…;stored=…;file=116001.xlsx}. The file name comes last
 * so that any character in it is safe.
 */
public record CommitNote(String school, String term, String sha256, String stored, String file) {

  static CommitNote of(TermlyReturn r, Instant storedAt) {
    return new CommitNote(
        r.schoolUrn(), r.term().id(), r.sha256(), storedAt.toString(), r.sourceFile());
  }

  static Optional<CommitNote> parse(String text) {
    if (text == null || !text.startsWith("school=")) {
      return Optional.empty();
    }
    String[] parts = text.split(";", 5);
    if (parts.length != 5) {
      return Optional.empty();
    }
    return Optional.of(
        new CommitNote(
            value(parts[0]), value(parts[1]), value(parts[2]), value(parts[3]), value(parts[4])));
  }

  String text() {
    return "school="
        + school
        + ";term="
        + term
        + ";sha256="
        + sha256
        + ";stored="
        + stored
        + ";file="
        + file;
  }

  /** Identifies a return held for a school's term. */
  String key() {
    return key(school, term, sha256);
  }

  static String key(String school, String term, String sha256) {
    return school + "|" + term + "|" + sha256;
  }

  private static String value(String part) {
    return part.substring(part.indexOf('=') + 1);
  }
}
