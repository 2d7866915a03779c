package org.clusterlens.report;

import org.clusterlens.model.Term;

/**
 * One accepted return as the warehouse holds it, named in a pack's provenance.
 *
 * @param schoolUrn the school's URN; never null
 * @param term the term the return reports; never null
 * @param sourceFile the file name the school handed in (no folders); never null
 * @param sha256 the file's SHA-256 checksum in hex; never null
 * @param warehouseVersion the warehouse table version that holds this return
 */
public record ReturnVersion(
    String schoolUrn, Term term, String sourceFile, String sha256, long warehouseVersion) {

  public ReturnVersion {
    if (schoolUrn == null || term == null || sourceFile == null || sha256 == null) {
      throw new IllegalArgumentException(
          "A return version needs a school, a term, a file and a checksum");
    }
  }

  /** The first 12 characters of the checksum: enough to tell versions apart in print. */
  public String shortChecksum() {
    return sha256.length() <= 12 ? sha256 : sha256.substring(0, 12);
  }
}
