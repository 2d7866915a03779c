/**
 * The packs: the pack model both renderers share (built from figures, a cluster and provenance,
 * with funnel limits from {@code stats}), the glossary both print, the tidy metrics export and the
 * file savers; it writes no sentences about a school (that is {@code insight}), and must not touch
 * Spark or the warehouse.
 */
package org.clusterlens.report;
