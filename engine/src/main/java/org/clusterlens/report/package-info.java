/**
 * The packs: the pack model both renderers share (built from figures, a cluster and provenance),
 * the tidy metrics export and the file savers; it computes no figures and must not touch Spark or
 * the warehouse.
 */
package org.clusterlens.report;
