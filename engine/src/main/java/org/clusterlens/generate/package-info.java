/**
 * Makes the deterministic, synthetic demo cluster (schools, pupils and six terms of returns) and
 * writes it as the files an SBM would hand in; it only reads the shared model and schemes and must
 * not touch the warehouse, real returns or anything outside the dataset folder it is given.
 */
package org.clusterlens.generate;
