/**
 * Computes figures from the warehouse's pupil rows with Spark SQL, and derives shifts from them. No
 * statistics, no wording, no files.
 */
package org.clusterlens.metrics;
