package org.clusterlens.report;

import org.clusterlens.model.Figure;

/**
 * An average point score with the number of pupils behind it.
 *
 * @param totalPoints the sum of the pupils' points
 * @param pupils pupils counted (the n), at least 1
 * @param mean the average point score
 */
public record AveragePoints(double totalPoints, long pupils, double mean) {

  public AveragePoints {
    if (pupils < 1) {
      throw new IllegalArgumentException("An average needs at least one pupil, not " + pupils);
    }
  }

  /**
   * The average behind a metrics figure, or null when its counts are withheld (a suppressed
   * figure): packs then show no figure.
   */
  public static AveragePoints of(Figure figure) {
    if (figure.numerator() == null || figure.denominator() == null) {
      return null;
    }
    return new AveragePoints(figure.numerator(), figure.denominator(), figure.value());
  }

  /** The way every pack writes it: {@code 27.4 (50 pupils)}. */
  public String describe() {
    return Numbers.points(mean) + " (" + pupils + (pupils == 1 ? " pupil)" : " pupils)");
  }
}
