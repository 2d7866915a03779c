/**
 * Reads termly returns (xlsx and csv), finds and maps the header, and validates every row into a
 * {@code TermlyReturn} or a list of problems. Touches no warehouse, no Spark and no packs.
 */
package org.clusterlens.ingest;
