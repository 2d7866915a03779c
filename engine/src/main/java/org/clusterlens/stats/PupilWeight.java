package org.clusterlens.stats;

/**
 * What one pupil is worth in a cohort of n: 100/n percentage points; n must be at least 1, or
 * construction throws {@link IllegalArgumentException}.
 *
 * @param cohortSize pupils in the cohort (n)
 */
public record PupilWeight(int cohortSize) {

  /** Checks the cohort size. */
  public PupilWeight {
    if (cohortSize < 1) {
      throw new IllegalArgumentException(
          "A pupil's weight needs a cohort of at least 1, but n was " + cohortSize);
    }
  }

  /** Percentage points one pupil moves the figure, e.g. 10.0 in a cohort of 10. */
  public double percentagePoints() {
    return 100.0 / cohortSize;
  }
}
