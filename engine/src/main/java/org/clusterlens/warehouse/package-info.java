/**
 * The Delta Lake warehouse: writes a school's term atomically, reads the pupil rows back, and lists
 * the returns and versions it holds. The only code that knows the warehouse's paths and layout; it
 * computes no figures.
 */
package org.clusterlens.warehouse;
