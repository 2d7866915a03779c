package org.clusterlens.report;

import org.clusterlens.model.Term;

/**
 * One return as a pack's provenance lists it.
 *
 * @param school the school's label as the pack names it; never null
 * @param term the term; never null
 * @param sourceFile the file handed in, or null where the pack must not show it (a peer school's
 *     file name may carry its name)
 * @param warehouseVersion the warehouse version holding the return
 * @param checksum the start of the file's SHA-256; never null
 */
public record SourceLine(
    String school, Term term, String sourceFile, long warehouseVersion, String checksum) {}
