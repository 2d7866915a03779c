package org.clusterlens.generate;

/**
 * The rise planted in one demo school: its KS2 reading-writing-maths combined results go from 36 of
 * 50 at Level 4+ and 10 of 50 at Level 5+ in 2023-24 to 32 of 40 and 10 of 40 in 2024-25, a rise of
 * 8 percentage points at Level 4+ and 5 at Level 5+.
 *
 * <p>The rise is a real one: the 2024-25 cohort is stronger than the 2023-24 cohort in every
 * subject (its pupils' general ability is drawn {@link #AFTER_COHORT_SHIFT} higher, the earlier
 * cohort's {@link #BEFORE_COHORT_SHIFT} lower, in standard deviations), so reading, writing and
 * maths each rise with the combined result, as they would in a school that improved its teaching.
 * The combined counts are then met exactly.
 */
final class PlantedRise {

  /** The Year 6 cohort of 2023-24 (Reception in 2017-18): 72% at Level 4+, 20% at Level 5+. */
  static final KeyStage2Combined BEFORE = new KeyStage2Combined(50, 36, 10);

  /** The Year 6 cohort of 2024-25 (Reception in 2018-19): 80% at Level 4+, 25% at Level 5+. */
  static final KeyStage2Combined AFTER = new KeyStage2Combined(40, 32, 10);

  /** How much weaker (in SD of general ability) the 2023-24 cohort is than the school's pupils. */
  static final double BEFORE_COHORT_SHIFT = -0.3;

  /** How much stronger (in SD of general ability) the 2024-25 cohort is. */
  static final double AFTER_COHORT_SHIFT = 0.5;

  /** The academic years the two cohorts sit KS2 in. */
  static final String BEFORE_YEAR = "2023-24";

  static final String AFTER_YEAR = "2024-25";

  private PlantedRise() {}
}
