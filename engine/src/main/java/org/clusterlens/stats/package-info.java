/**
 * Owns the pure statistics behind every figure — intervals, tests of change, funnel limits,
 * false-discovery control and small-number suppression — and must not touch Spark, files or
 * wording.
 */
package org.clusterlens.stats;
