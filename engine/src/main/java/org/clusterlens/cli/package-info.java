/**
 * The {@code clusterlens} command line: parses options, calls the pipeline and maps outcomes to
 * exit codes (0 ok, 1 internal failure, 2 bad input). Nothing else imports it.
 */
package org.clusterlens.cli;
