package org.clusterlens.generate;

/**
 * One pupil's grade codes in reading, writing and maths, as written in a return.
 *
 * @param reading the reading code, e.g. "4b" or "A"; never null
 * @param writing the writing code; never null
 * @param maths the maths code; never null
 */
public record SubjectGrades(String reading, String writing, String maths) {

  public SubjectGrades {
    if (reading == null || writing == null || maths == null) {
      throw new IllegalArgumentException("Grades need a code in reading, writing and maths");
    }
  }
}
