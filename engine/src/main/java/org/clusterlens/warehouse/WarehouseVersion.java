package org.clusterlens.warehouse;

import java.time.Instant;
import java.util.Optional;

/**
 * One version in the warehouse's history.
 *
 * @param version the Delta version number
 * @param committedAt when it was committed
 * @param operation the Delta operation, e.g. {@code WRITE}
 * @param userMetadata the note ClusterLens wrote with the commit, "" if none
 */
public record WarehouseVersion(
    long version, Instant committedAt, String operation, String userMetadata) {

  /** The return this version stored, if ClusterLens wrote it. */
  public Optional<CommitNote> note() {
    return CommitNote.parse(userMetadata);
  }
}
