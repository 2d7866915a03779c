/**
 * Turns figures and their statistics into words a governor or School Improvement Partner can act on
 * — shared cluster priorities, the governors' "reading your data" page, self-evaluation text — each
 * sentence carrying its n and the figures it rests on; it computes no figures from pupils and must
 * not touch Spark, files or markup.
 */
package org.clusterlens.insight;
