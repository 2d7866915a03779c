/**
 * Tells a school business manager what happened to their return: a plain-English HTML page and a
 * copy of their own spreadsheet with each problem cell marked and commented. Reads only what ingest
 * found; touches no warehouse and no governor or SIP pack.
 */
package org.clusterlens.feedback;
