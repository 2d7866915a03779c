package org.clusterlens.warehouse;

import java.time.Instant;
import java.util.List;

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

  /** The returns this version stored, one note each; empty if ClusterLens did not write it. */
  public List<CommitNote> notes() {
    return CommitNote.parseAll(userMetadata);
  }
}
