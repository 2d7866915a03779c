/**
 * Computes figures from the warehouse's pupil rows, read in one Spark scan into a {@link
 * org.clusterlens.metrics.PupilTable} and counted in Java; derives shifts and gaps from them, and
 * attaches each percentage's and each shift's 95% interval (the methods live in {@code stats}). No
 * wording, no files.
 */
package org.clusterlens.metrics;
