package org.clusterlens.warehouse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clusterlens.model.TermlyReturn;

/**
 * What one commit stored, for one return: written into the commit's metadata, one line per return,
 * as {@code school=116001;term=2024-25-autumn;sha256=…;stored=…;file=116001.xlsx}. The file name
 * comes last so that any character in it but a line break is safe.
 *
 * @param school the school's URN
 * @param term the term id
 * @param sha256 the file's checksum
 * @param stored when it was stored, ISO-8601
 * @param file the file name as handed in
 */
public record CommitNote(String school, String term, String sha256, String stored, String file) {

  static CommitNote of(TermlyReturn r, Instant storedAt) {
    return new CommitNote(
        r.schoolUrn(), r.term().id(), r.sha256(), storedAt.toString(), r.sourceFile());
  }

  /** The notes in a commit's metadata; none when ClusterLens did not write the commit. */
  static List<CommitNote> parseAll(String metadata) {
    List<CommitNote> notes = new ArrayList<>();
    if (metadata == null) {
      return notes;
    }
    for (String line : metadata.split("\n")) {
      if (!line.startsWith("school=")) {
        continue;
      }
      String[] parts = line.split(";", 5);
      if (parts.length == 5) {
        notes.add(
            new CommitNote(
                value(parts[0]),
                value(parts[1]),
                value(parts[2]),
                value(parts[3]),
                value(parts[4])));
      }
    }
    return notes;
  }

  /** The metadata for a commit that stores these notes' returns. */
  static String metadataOf(List<CommitNote> notes) {
    return String.join("\n", notes.stream().map(CommitNote::text).toList());
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
        + file.replace('\n', ' ');
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
