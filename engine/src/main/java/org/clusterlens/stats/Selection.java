package org.clusterlens.stats;

/** Whether a finding survived the false-discovery guard; never null. */
public enum Selection {
  SELECTED,
  NOT_SELECTED
}
