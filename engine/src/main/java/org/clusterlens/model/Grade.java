package org.clusterlens.model;

/**
 * A grade as a scheme reads it: the code the school wrote, its points and the whole level it
 * reaches.
 *
 * @param code the grade as written in the return, normalised by the scheme (e.g. "4b"); never null
 * @param points the average point score value, or null when the grade is not counted (absent,
 *     disapplied, missing)
 * @param level the whole National Curriculum level reached (0 for working towards or below the
 *     test), or null when the grade is not counted
 */
public record Grade(String code, Double points, Integer level) {

  public Grade {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("A grade needs a code");
    }
    if ((points == null) != (level == null)) {
      throw new IllegalArgumentException("Grade " + code + " must have both points and a level");
    }
  }

  /** A grade that is reported but not counted in any figure (absent, disapplied, missing). */
  public static Grade notCounted(String code) {
    return new Grade(code, null, null);
  }

  /** Tells whether this grade counts towards figures. */
  public boolean counted() {
    return points != null;
  }
}
