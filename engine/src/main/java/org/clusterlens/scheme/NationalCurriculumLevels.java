package org.clusterlens.scheme;

import org.clusterlens.model.Assessment;

/**
 * National Curriculum levels with their average point scores, as the DCSF value-added methodology
 * defines them (see docs/METHODOLOGY in the shared reference): a whole level L is worth 6L + 3
 * points; the sub-levels c, b and a sit 2 points below, at and above it.
 */
public final class NationalCurriculumLevels {

  /** The lowest whole level counted in "% at Level 4+". */
  public static final int LEVEL_4 = 4;

  /** The lowest whole level counted in "% at Level 5+". */
  public static final int LEVEL_5 = 5;

  /** Termly teacher assessment in sub-levels: W, 1c … 6a, or a whole level (read as b). */
  public static final AssessmentScheme TEACHER_SUBLEVELS = teacherSublevels();

  /** KS1 statutory outcomes: W, 1, 2C, 2B, 2A, 3, 4; A (absent) and D (disapplied) not counted. */
  public static final AssessmentScheme KS1_RESULTS =
      new AssessmentScheme.Builder("KS1 National Curriculum levels")
          .counted("W", 3, 0)
          .counted("1", 9, 1)
          .counted("2C", 13, 2)
          .counted("2B", 15, 2)
          .counted("2A", 17, 2)
          .counted("3", 21, 3)
          .counted("4", 27, 4)
          .alias("4+", "4")
          .notCounted("A")
          .notCounted("D")
          .build();

  /**
   * KS2 statutory outcomes: B (below the test) and N (no level) are worth 15 points like level 2; A
   * (absent), D (disapplied) and M (missing) are not counted.
   */
  public static final AssessmentScheme KS2_RESULTS =
      new AssessmentScheme.Builder("KS2 National Curriculum levels")
          .counted("B", 15, 0)
          .counted("N", 15, 0)
          .counted("2", 15, 2)
          .counted("3", 21, 3)
          .counted("4", 27, 4)
          .counted("5", 33, 5)
          .counted("6", 39, 6)
          .notCounted("A")
          .notCounted("D")
          .notCounted("M")
          .build();

  private NationalCurriculumLevels() {}

  /** The scheme that reads grades of this kind of assessment. */
  public static AssessmentScheme forAssessment(Assessment assessment) {
    return switch (assessment) {
      case TEACHER -> TEACHER_SUBLEVELS;
      case KS1 -> KS1_RESULTS;
      case KS2 -> KS2_RESULTS;
    };
  }

  /** Points for a whole level: 6L + 3. */
  public static int wholeLevelPoints(int level) {
    return 6 * level + 3;
  }

  private static AssessmentScheme teacherSublevels() {
    AssessmentScheme.Builder b =
        new AssessmentScheme.Builder("National Curriculum sub-levels").counted("W", 3, 0);
    for (int level = 1; level <= 6; level++) {
      int points = wholeLevelPoints(level);
      b.counted(level + "c", points - 2, level)
          .counted(level + "b", points, level)
          .counted(level + "a", points + 2, level)
          .alias(Integer.toString(level), level + "b");
    }
    return b.build();
  }
}
