package org.clusterlens.report;

/**
 * One subject's Key Stage 2 results for a school or the cluster in one year, with last year's
 * beside them. Any part is null when the metrics hold no such figure.
 *
 * @param subject the subject code ({@code reading} … {@code rwm}); never null
 * @param level4 % at Level 4 or above this year
 * @param level5 % at Level 5 or above this year
 * @param points average points this year (null for {@code rwm})
 * @param level4Before % at Level 4 or above last year
 * @param level5Before % at Level 5 or above last year
 * @param shift4 the change in % at Level 4+ since last year, in percentage points
 * @param shift5 the change in % at Level 5+ since last year, in percentage points
 * @param shift4Range the range of changes at Level 4+ that chance alone could produce
 * @param shift5Range the range of changes at Level 5+ that chance alone could produce
 */
public record SubjectResult(
    String subject,
    Proportion level4,
    Proportion level5,
    AveragePoints points,
    Proportion level4Before,
    Proportion level5Before,
    Double shift4,
    Double shift5,
    ChangeRange shift4Range,
    ChangeRange shift5Range) {

  /** Tells whether this year has any figure at all. */
  public boolean hasResults() {
    return level4 != null || level5 != null || points != null;
  }

  /** The number of pupils this year's figures count, or 0 when there are none. */
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
