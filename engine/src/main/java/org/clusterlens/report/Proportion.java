package org.clusterlens.report;

import org.clusterlens.model.Figure;

/**
 * A percentage with the counts behind it, so that no pack can show one without its n.
 *
 * @param count pupils at or above the threshold
 * @param pupils pupils counted (the n), at least 1
 * @param percent the figure, 0 to 100
 */
public record Proportion(double count, long pupils, double percent) {

  public Proportion {
    if (pupils < 1) {
      throw new IllegalArgumentException("A percentage needs at least one pupil, not " + pupils);
    }
  }

  /**
   * The percentage figure behind a metrics figure, or null when its counts are withheld (a
   * suppressed figure, or a shift that has none): packs then show no figure rather than a number
   * without its n.
   */
  public static Proportion of(Figure figure) {
    if (figure.numerator() == null || figure.denominator() == null) {
      return null;
    }
    return new Proportion(figure.numerator(), figure.denominator(), figure.value());
  }

  /** The figure as a fraction (0.72), as spreadsheets store percentages. */
  public double fraction() {
    return percent / 100.0;
  }

  /** The way every pack writes it: {@code 72% (36 of 50)}. */
  public String describe() {
    return Numbers.percent(percent) + " (" + Numbers.count(count) + " of " + pupils + ")";
  }

  /** How many percentage points one pupil moves this figure: 100 / n. */
  public double onePupilWorth() {
    return 100.0 / pupils;
  }
}
