package org.clusterlens.web;

import java.nio.file.Path;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Term;

/**
 * How one service runs.
 *
 * @param cluster the cluster served; never null
 * @param clusterDir its folder (mappings, schemes, value-added reference); never null
 * @param warehouse the warehouse's folder or URI; never null
 * @param folder the service folder (accounts, audit trail, uploads, packs); never null
 * @param term the term business managers hand in for; never null
 * @param host the address to listen on (127.0.0.1 unless a proxy on another machine needs more)
 * @param port the port, or 0 for any free one
 * @param maxUploadBytes the largest file accepted
 * @param tls {@link Tls#BEHIND_TLS} when a TLS reverse proxy stands in front: session cookies are
 *     then Secure, X-Forwarded-Proto and -For are trusted, and browsers are told to stay on https
 */
public record ServiceSettings(
    Cluster cluster,
    Path clusterDir,
    String warehouse,
    ServiceFolder folder,
    Term term,
    String host,
    int port,
    long maxUploadBytes,
    Tls tls) {

  /** Whether a TLS reverse proxy stands in front of the service. */
  public enum Tls {
    PLAIN_HTTP,
    BEHIND_TLS
  }
}
