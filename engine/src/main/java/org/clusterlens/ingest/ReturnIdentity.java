package org.clusterlens.ingest;

import org.clusterlens.model.Term;

/**
 * Which school and term a return reports, and the file it came in.
 *
 * @param schoolUrn the school's URN; never null
 * @param term the term; never null
 * @param fileName the file's name without folders; never null
 * @param sha256 the file's SHA-256 checksum in hex; never null
 */
public record ReturnIdentity(String schoolUrn, Term term, String fileName, String sha256) {}
