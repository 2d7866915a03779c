/**
 * Reads termly returns (xlsx, xls and csv), refusing damaged and hostile files with a sentence;
 * finds and maps the header, and validates every row into a {@code TermlyReturn} or a list of
 * problems. Touches no warehouse, no Spark and no packs.
 */
package org.clusterlens.ingest;
