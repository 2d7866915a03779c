/**
 * The domain values every stage shares: schools, terms, pupils, grades and figures. Imports nothing
 * of ClusterLens's own and does no I/O.
 */
package org.clusterlens.model;
