package org.clusterlens.warehouse;

import java.time.Instant;

/**
 * A return the warehouse holds now for a school's term.
 *
 * @param schoolUrn the school
 * @param termId the term, e.g. {@code 2024-25-autumn}
 * @param sourceFile the file name as handed in
 * @param sha256 the file's checksum
 * @param pupils how many pupils it listed
 * @param storedAt when it was stored
 * @param version the warehouse version that stored it
 */
public record StoredReturn(
    String schoolUrn,
    String termId,
    String sourceFile,
    String sha256,
    long pupils,
    Instant storedAt,
    long version) {}
