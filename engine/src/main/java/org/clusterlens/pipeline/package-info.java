/**
 * Wires the named stages together for each command (ingest, report, demo). Holds no logic of its
 * own beyond order and hand-over; parses no options and prints nothing.
 */
package org.clusterlens.pipeline;
