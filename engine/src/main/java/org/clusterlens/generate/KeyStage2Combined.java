package org.clusterlens.generate;

/**
 * Reading, writing and maths combined at KS2 for one cohort: a pupil counts at a level only when
 * all three results reach it.
 *
 * @param pupils pupils with a counted result in all three subjects (the denominator)
 * @param level4Plus pupils at Level 4 or above in all three
 * @param level5Plus pupils at Level 5 or above in all three
 */
public record KeyStage2Combined(int pupils, int level4Plus, int level5Plus) {

  /** Adds another cohort's counts to these. */
  public KeyStage2Combined plus(KeyStage2Combined other) {
    return new KeyStage2Combined(
        pupils + other.pupils, level4Plus + other.level4Plus, level5Plus + other.level5Plus);
  }

  /** The percentage at Level 4+, or NaN for no pupils. */
  public double percentLevel4Plus() {
    return pupils == 0 ? Double.NaN : 100.0 * level4Plus / pupils;
  }

  /** The percentage at Level 5+, or NaN for no pupils. */
  public double percentLevel5Plus() {
    return pupils == 0 ? Double.NaN : 100.0 * level5Plus / pupils;
  }
}
