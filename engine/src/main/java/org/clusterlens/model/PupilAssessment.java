package org.clusterlens.model;

/**
 * One pupil's grade in one subject from one kind of assessment.
 *
 * @param assessment teacher assessment, KS1 or KS2; never null
 * @param subject the subject; never null
 * @param grade the grade, or null when the return left the cell empty
 * @param scheme the id of the assessment scheme the grade was read in (e.g. {@code nc-levels});
 *     never null
 */
public record PupilAssessment(Assessment assessment, Subject subject, Grade grade, String scheme) {

  /** The scheme of every grade before a cluster chose another: National Curriculum levels. */
  public static final String NC_LEVELS = "nc-levels";

  public PupilAssessment {
    if (assessment == null || subject == null || scheme == null) {
      throw new IllegalArgumentException("An assessment needs a kind, a subject and a scheme");
    }
  }

  /** A grade read in National Curriculum levels. */
  public PupilAssessment(Assessment assessment, Subject subject, Grade grade) {
    this(assessment, subject, grade, NC_LEVELS);
  }
}
