package org.clusterlens.model;

/**
 * One pupil's grade in one subject from one kind of assessment.
 *
 * @param assessment teacher assessment, KS1 or KS2; never null
 * @param subject the subject; never null
 * @param grade the grade, or null when the return left the cell empty
 */
public record PupilAssessment(Assessment assessment, Subject subject, Grade grade) {

  public PupilAssessment {
    if (assessment == null || subject == null) {
      throw new IllegalArgumentException("An assessment needs a kind and a subject");
    }
  }
}
