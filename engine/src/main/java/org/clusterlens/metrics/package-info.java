/**
 * Computes figures from the warehouse's pupil rows with Spark SQL, derives shifts from them, and
 * attaches each percentage's and each shift's 95% interval (the methods live in {@code stats}). No
 * wording, no files.
 */
package org.clusterlens.metrics;
