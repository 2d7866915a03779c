package org.clusterlens.generate;

import static org.clusterlens.generate.RuralPrimaryCalibration.POINTS_PER_YEAR;
import static org.clusterlens.generate.RuralPrimaryCalibration.POINTS_SD_BASE;
import static org.clusterlens.generate.RuralPrimaryCalibration.POINTS_SD_PER_YEAR;
import static org.clusterlens.generate.RuralPrimaryCalibration.YEAR6_SUMMER_MEAN_POINTS;

import java.util.Locale;
import org.clusterlens.model.Subject;
import org.clusterlens.model.Term;
import org.clusterlens.scheme.NationalCurriculumLevels;

/**
 * How teacher-assessed points grow through the primary years, and how points become the codes a
 * return carries (teacher sub-levels, KS1 and KS2 results).
 *
 * <p>Points follow the APS convention: a whole level L is 6L + 3; c, b and a are 2 below, at and 2
 * above it; W is 3.
 */
final class AttainmentModel {

  /** Points of W (working towards Level 1). */
  static final int W_POINTS = 3;

  /** The lowest and highest sub-level points: 1c and 6a. */
  static final int LOWEST_SUBLEVEL = 7;

  static final int HIGHEST_SUBLEVEL = 41;

  private AttainmentModel() {}

  /** The typical pupil's points in a year group and term: about 4b/4a in Year 6 summer. */
  static double meanPoints(int yearGroup, Term.Season season) {
    int termsBeforeSummer = Term.Season.SUMMER.ordinal() - season.ordinal();
    return YEAR6_SUMMER_MEAN_POINTS
        - POINTS_PER_YEAR * (6 - yearGroup)
        - POINTS_PER_YEAR / 3 * termsBeforeSummer;
  }

  /** The spread of pupils' points in a year group. */
  static double pointsSd(int yearGroup) {
    return POINTS_SD_BASE + POINTS_SD_PER_YEAR * yearGroup;
  }

  /** The sub-level points (or W) nearest to a pupil's underlying points. */
  static int nearestSublevel(double points) {
    if (points < LOWEST_SUBLEVEL - 1) {
      return W_POINTS;
    }
    int odd = 2 * (int) Math.round((points - 1) / 2) + 1;
    return Math.max(LOWEST_SUBLEVEL, Math.min(HIGHEST_SUBLEVEL, odd));
  }

  /** The whole level of sub-level points: 0 for W, 4 for 4c, 4b and 4a. */
  static int level(int sublevelPoints) {
    return sublevelPoints < LOWEST_SUBLEVEL ? 0 : (sublevelPoints - 1) / 6;
  }

  /** Where the points sit in their level: -2 for c, 0 for b, +2 for a. */
  static int step(int sublevelPoints) {
    int level = level(sublevelPoints);
    return level == 0 ? 0 : sublevelPoints - NationalCurriculumLevels.wholeLevelPoints(level);
  }

  /** The teacher-assessment code: W, 1c … 6a. */
  static String teacherCode(int sublevelPoints) {
    int level = level(sublevelPoints);
    if (level == 0) {
      return "W";
    }
    return level + (step(sublevelPoints) < 0 ? "c" : step(sublevelPoints) > 0 ? "a" : "b");
  }

  /** The KS1 result for a Year 2 pupil's summer sub-level: W, 1, 2C, 2B, 2A, 3 or 4. */
  static String keyStage1Code(int sublevelPoints) {
    int level = level(sublevelPoints);
    return switch (level) {
      case 0 -> "W";
      case 1 -> "1";
      case 2 -> teacherCode(sublevelPoints).toUpperCase(Locale.ROOT);
      case 3 -> "3";
      default -> "4";
    };
  }

  /**
   * The KS2 result at a whole level: B (below the test) or N (no level) below Level 3 in the
   * reading and maths tests, 2 in teacher-assessed writing, then 3 to 6.
   */
  static String keyStage2Code(Subject subject, int level) {
    if (level >= 3) {
      return Integer.toString(Math.min(6, level));
    }
    if (subject == Subject.WRITING) {
      return level == 2 ? "2" : "B";
    }
    return level == 2 ? "N" : "B";
  }
}
