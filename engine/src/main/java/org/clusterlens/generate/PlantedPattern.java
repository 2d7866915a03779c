package org.clusterlens.generate;

import org.clusterlens.model.Subject;

/**
 * The patterns planted in the demo cluster, for its shared priorities and first screens to find:
 * writing is judged one sub-level lower in every school but Brackenhurst, which could lead the
 * cluster's work on writing, and Eastwold's pupils are three sub-levels (one level) stronger in
 * maths.
 *
 * <p>Writing trailing reading and maths is the national pattern of the levels era (in 2012, 28% of
 * pupils reached Level 5 in writing against 48% in reading). That shift changes only the teacher
 * assessment codes a return carries (teachers judging writing harshly): the points behind the KS1
 * and KS2 results stay as they were. Eastwold's maths strength is real attainment: its pupils'
 * points are higher in every term, so its teacher assessment, its KS1 and its KS2 maths all show
 * it.
 */
final class PlantedPattern {

  /** The school whose writing is not lowered, the one that could lead the others. */
  static final String WRITING_LEAD_URN = "128417";

  /** The school whose maths is judged higher, a strength it could share. */
  static final String MATHS_STRENGTH_URN = "128441";

  /** One sub-level, in points. */
  private static final int SUB_LEVEL = 2;

  private PlantedPattern() {}

  /** The points a school's pupils are planted to attain above their ability in a subject. */
  static int attainment(String urn, Subject subject) {
    boolean strength =
        subject == Subject.MATHS
            && urn.equals(MATHS_STRENGTH_URN)
            && DemoClusterGenerator.DEMO_URNS.contains(urn);
    return strength ? 3 * SUB_LEVEL : 0;
  }

  /** The teacher-assessed points a school's return shows for a pupil's underlying points. */
  static int teacherAssessed(String urn, Subject subject, int points) {
    int shift = shift(urn, subject);
    if (shift == 0 || points == AttainmentModel.W_POINTS && shift < 0) {
      return points;
    }
    int shown = points + shift;
    if (shown < AttainmentModel.LOWEST_SUBLEVEL) {
      return AttainmentModel.W_POINTS;
    }
    return Math.min(AttainmentModel.HIGHEST_SUBLEVEL, shown);
  }

  private static int shift(String urn, Subject subject) {
    if (!DemoClusterGenerator.DEMO_URNS.contains(urn)) {
      return 0;
    }
    if (subject == Subject.WRITING && !urn.equals(WRITING_LEAD_URN)) {
      return -SUB_LEVEL;
    }
    return 0;
  }
}
