/**
 * Reads termly returns (xlsx, xls, csv and Common Transfer File xml), refusing damaged and hostile
 * files with a sentence; works out which school and term each reports; finds and maps the header
 * (wide or long layout, with a school's own column and grade names); and validates every row into a
 * {@code TermlyReturn} or a list of located problems, including a pupil listed by two schools in
 * one term. Touches no warehouse, no Spark and no packs.
 */
package org.clusterlens.ingest;
