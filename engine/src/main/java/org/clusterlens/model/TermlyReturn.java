package org.clusterlens.model;

import java.util.List;

/**
 * A school's accepted return for one term: the pupils it lists and where it came from.
 *
 * @param schoolUrn the school's URN; never null
 * @param term the term it reports; never null
 * @param sourceFile the file name the school handed in (no folders); never null
 * @param sha256 the file's SHA-256 checksum in hex, so a resubmission can be recognised; never null
 * @param pupils one entry per pupil; never null, never empty
 */
public record TermlyReturn(
    String schoolUrn, Term term, String sourceFile, String sha256, List<Pupil> pupils) {

  public TermlyReturn {
    if (schoolUrn == null || term == null || sourceFile == null || sha256 == null) {
      throw new IllegalArgumentException("A return needs a school, a term, a file and a checksum");
    }
    pupils = List.copyOf(pupils);
  }
}
