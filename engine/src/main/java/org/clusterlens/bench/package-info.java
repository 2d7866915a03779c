/**
 * Measures what ClusterLens costs as the work grows: wall time, rows per second and peak memory of
 * each stage at cluster, local-authority and national size, beside DuckDB computing the same
 * figures from the same files. Prints figures; it asserts nothing and writes only under its own
 * work folder.
 */
package org.clusterlens.bench;
