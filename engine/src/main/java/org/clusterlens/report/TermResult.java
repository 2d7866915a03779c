package org.clusterlens.report;

/**
 * One year group's teacher assessment in one subject this term. Any figure is null when the metrics
 * hold none.
 *
 * @param yearGroup {@code all} or {@code 1} … {@code 6}; never null
 * @param subject the subject code; never null
 * @param level4 % at Level 4 or above
 * @param level5 % at Level 5 or above
 * @param points average points (null for {@code rwm})
 */
public record TermResult(
    String yearGroup, String subject, Proportion level4, Proportion level5, AveragePoints points) {

  /** The number of pupils these figures count, or 0 when there are none. */
  public long pupils() {
    if (level4 != null) {
      return level4.pupils();
    }
    if (level5 != null) {
      return level5.pupils();
    }
    return points == null ? 0 : points.pupils();
  }
}
