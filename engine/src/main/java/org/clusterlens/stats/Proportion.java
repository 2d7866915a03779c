package org.clusterlens.stats;

/**
 * A count of pupils meeting a measure out of a cohort, such as 7 of 10 reaching Level 4+; the
 * cohort must be at least 1 and the count between 0 and the cohort, or construction throws {@link
 * IllegalArgumentException}.
 *
 * @param successes pupils meeting the measure
 * @param total pupils in the cohort (n)
 */
public record Proportion(int successes, int total) {

  /** Checks the counts. */
  public Proportion {
    if (total < 1) {
      throw new IllegalArgumentException(
          "A proportion needs a cohort of at least 1, but n was " + total);
    }
    if (successes < 0 || successes > total) {
      throw new IllegalArgumentException(
          "A proportion's count must be between 0 and n = " + total + ", but was " + successes);
    }
  }

  /** The proportion as a fraction between 0 and 1. */
  public double value() {
    return (double) successes / total;
  }

  /** What one pupil is worth in this cohort, never null. */
  public PupilWeight pupilWeight() {
    return new PupilWeight(total);
  }
}
