/**
 * Makes the deterministic, synthetic demo cluster (schools, pupils and six terms of returns), and
 * datasets of local-authority or national size for measuring cost, and writes them as the files an
 * SBM would hand in (or as the accepted returns ingest would make of them); it only reads the
 * shared model and schemes and must not touch the warehouse, real returns or anything outside the
 * dataset folder it is given.
 */
package org.clusterlens.generate;
