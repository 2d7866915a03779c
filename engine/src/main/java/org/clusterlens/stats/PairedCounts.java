package org.clusterlens.stats;

/**
 * The same pupils judged twice against one threshold (e.g. Level 4+ in autumn and again in spring):
 * the paired 2×2 table. Every count must be at least 0 and the pupils at least 1, or construction
 * throws {@link IllegalArgumentException}.
 *
 * @param both pupils meeting the threshold both times
 * @param beforeOnly pupils meeting it the first time only
 * @param afterOnly pupils meeting it the second time only
 * @param neither pupils meeting it neither time
 */
public record PairedCounts(int both, int beforeOnly, int afterOnly, int neither) {

  /** Checks the counts. */
  public PairedCounts {
    if (both < 0 || beforeOnly < 0 || afterOnly < 0 || neither < 0) {
      throw new IllegalArgumentException(
          "Paired counts cannot be negative, but were "
              + both
              + ", "
              + beforeOnly
              + ", "
              + afterOnly
              + ", "
              + neither);
    }
    if (both + beforeOnly + afterOnly + neither < 1) {
      throw new IllegalArgumentException("Paired counts need at least one pupil, but had none");
    }
  }

  /** Pupils judged both times. */
  public int pupils() {
    return both + beforeOnly + afterOnly + neither;
  }

  /** The pupils meeting the threshold the first time. */
  public Proportion before() {
    return new Proportion(both + beforeOnly, pupils());
  }

  /** The pupils meeting the threshold the second time. */
  public Proportion after() {
    return new Proportion(both + afterOnly, pupils());
  }

  /** Pupils who crossed the threshold upwards minus those who fell below it. */
  public int netChange() {
    return afterOnly - beforeOnly;
  }
}
