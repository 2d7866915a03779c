/**
 * Wires the named stages together for each command (ingest, report, demo), including which renderer
 * feeds which saver for each pack. Holds no logic of its own beyond order and hand-over; parses no
 * options and prints nothing.
 */
package org.clusterlens.pipeline;
