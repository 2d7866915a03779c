/**
 * Assessment schemes as data: how a raw grade becomes points and a level. Pure lookups; no I/O and
 * no Spark.
 */
package org.clusterlens.scheme;
