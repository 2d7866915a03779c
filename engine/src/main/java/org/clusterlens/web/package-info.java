/**
 * The cluster's web service ({@code clusterlens serve}): accounts and their roles, the audit trail,
 * hand-ins through the ingest pipeline, pack rebuilds through the report pipeline, and the pages
 * each role may see. Owns the service folder beside the warehouse; never touches the warehouse's
 * own files or the pipeline's stages except through their public methods.
 */
package org.clusterlens.web;
