package org.clusterlens.model;

/**
 * A grade as a scheme reads it: the code the school wrote, its points, the whole level it reaches
 * and how many of the scheme's two thresholds it reaches.
 *
 * @param code the grade as written in the return, normalised by the scheme (e.g. "4b"); never null
 * @param points the grade's points in its scheme (average point score, scaled score, tracker step),
 *     or null when the grade is not counted or the scheme gives that grade no points (a writing
 *     judgement such as EXS)
 * @param level the whole National Curriculum level reached (0 for working towards or below the
 *     test), or null when the grade is not counted or its scheme has no levels
 * @param standard how many of the scheme's two thresholds the grade reaches: 0 below the first, 1
 *     at the first (Level 4+, the expected standard), 2 at the second too (Level 5+, the higher
 *     standard or greater depth); null exactly when the grade is not counted (absent, disapplied,
 *     missing)
 */
public record Grade(String code, Double points, Integer level, Integer standard) {

  /** The threshold a grade must reach to count as Level 4+ or the expected standard. */
  public static final int FIRST_THRESHOLD = 1;

  /** The threshold a grade must reach to count as Level 5+ or the higher standard. */
  public static final int SECOND_THRESHOLD = 2;

  public Grade {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("A grade needs a code");
    }
    if (standard == null && (points != null || level != null)) {
      throw new IllegalArgumentException("Grade " + code + " has points but is not counted");
    }
    if (standard != null && (standard < 0 || standard > SECOND_THRESHOLD)) {
      throw new IllegalArgumentException("Grade " + code + " reaches 0, 1 or 2 thresholds");
    }
  }

  /**
   * A National Curriculum grade: its thresholds are Level 4 and Level 5.
   *
   * @param points the average point score
   * @param level the whole level reached (0 below Level 1 or the test)
   */
  public Grade(String code, double points, int level) {
    this(code, points, level, level >= 5 ? 2 : level >= 4 ? 1 : 0);
  }

  /** A grade that is reported but not counted in any figure (absent, disapplied, missing). */
  public static Grade notCounted(String code) {
    return new Grade(code, null, null, null);
  }

  /** Tells whether this grade counts towards figures. */
  public boolean counted() {
    return standard != null;
  }
}
