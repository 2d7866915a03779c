package org.clusterlens.stats;

/** Where a unit sits against a pair of funnel limits; a unit exactly on a limit is inside. */
public enum FunnelPosition {
  BELOW,
  INSIDE,
  ABOVE
}
