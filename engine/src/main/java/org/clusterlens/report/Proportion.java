package org.clusterlens.report;

import org.clusterlens.model.Figure;
import org.clusterlens.model.FunnelBand;
import org.clusterlens.model.Judgement;

/**
 * A percentage with the counts behind it, so that no pack can show one without its n.
 *
 * @param count pupils at or above the threshold
 * @param pupils pupils counted (the n), at least 1
 * @param percent the figure, 0 to 100
 * @param judgement the one judgement made on the figure's question (for a school's figure: where it
 *     stands against the cluster), or null when it answers none
 * @param funnel where the school sits against the cluster's funnel limits, or null when it is not
 *     placed on one (too few pupils, withheld, the cluster itself)
 */
public record Proportion(
    double count, long pupils, double percent, Judgement judgement, FunnelBand funnel) {

  public Proportion {
    if (pupils < 1) {
      throw new IllegalArgumentException("A percentage needs at least one pupil, not " + pupils);
    }
  }

  /** A percentage with its counts and nothing judged of it. */
  public Proportion(double count, long pupils, double percent) {
    this(count, pupils, percent, null, null);
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
    return new Proportion(
        figure.numerator(),
        figure.denominator(),
        figure.value(),
        figure.judgement(),
        figure.funnel());
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
