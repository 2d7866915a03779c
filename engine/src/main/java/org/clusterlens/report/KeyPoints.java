package org.clusterlens.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.clusterlens.model.Term;

/**
 * The plain-English key points at the top of each pack: short sentences (25 words at most) that
 * always give the n beside a percentage.
 *
 * <p>These few sentences are a walking skeleton: ranked, statistically guarded key points belong to
 * the insight stage, which should replace this class once it exists.
 */
final class KeyPoints {

  private KeyPoints() {}

  static List<String> forGovernors(SchoolResults self, SchoolResults cluster, String year) {
    List<String> points = new ArrayList<>();
    SubjectResult rwm = self.rwm().orElse(null);
    if (year == null || rwm == null || rwm.level4() == null) {
      points.add("There are no Key Stage 2 results for this school in the returns yet.");
      return points;
    }
    String before = Term.previousAcademicYear(year);
    SubjectResult clusterRwm = cluster.rwm().orElse(null);
    points.add(
        "In "
            + year
            + ", "
            + rwm.level4().describe()
            + " of Year 6 pupils reached Level 4+ in reading, writing and maths combined (RWM).");
    if (rwm.shift4() != null && rwm.level4Before() != null) {
      points.add(
          "That is "
              + change(rwm.shift4(), before)
              + ", when it was "
              + rwm.level4Before().describe()
              + ".");
      if (rwm.shift4Range() != null) {
        points.add(chance(rwm.shift4Range()));
      }
    }
    if (clusterRwm != null && clusterRwm.level4() != null) {
      points.add(
          "Across the cluster, "
              + clusterRwm.level4().describe()
              + " reached Level 4+ in RWM"
              + (clusterRwm.shift4() == null ? "" : ", " + change(clusterRwm.shift4(), before))
              + ".");
    }
    if (rwm.level5() != null) {
      points.add(
          "At Level 5+ in RWM, the school's figure was "
              + rwm.level5().describe()
              + (rwm.shift5() == null ? "" : ", " + change(rwm.shift5(), before))
              + ".");
    }
    if (clusterRwm != null && clusterRwm.level5() != null) {
      points.add("The cluster's figure at Level 5+ was " + clusterRwm.level5().describe() + ".");
    }
    points.add(onePupil(rwm.level4()));
    return points;
  }

  /** Whether chance alone could explain a change, in one sentence with its range. */
  static String chance(ChangeRange range) {
    String span =
        Numbers.signedPoints(range.lower())
            + " to "
            + Numbers.signedPoints(range.upper())
            + " points";
    if (range.clearChange()) {
      return "Chance alone would rarely produce a change this size, even allowing for the many"
          + " comparisons here (range "
          + span
          + ").";
    }
    if (range.excludesNoChange()) {
      return "Alone this change would be unusual by chance (range "
          + span
          + "), but among this many comparisons it may still be chance.";
    }
    return "With cohorts this size, chance alone could produce anything from "
        + span
        + ", so this is not yet a clear change.";
  }

  static List<String> forPartner(List<SchoolResults> schools, SchoolResults cluster, String year) {
    List<String> points = new ArrayList<>();
    SubjectResult rwm = cluster.rwm().orElse(null);
    if (year == null || rwm == null || rwm.level4() == null) {
      points.add("There are no Key Stage 2 results for the cluster in the returns yet.");
      return points;
    }
    String before = Term.previousAcademicYear(year);
    points.add(
        "In "
            + year
            + ", "
            + rwm.level4().describe()
            + " of Year 6 pupils across the cluster reached Level 4+ in reading, writing and maths"
            + " combined (RWM).");
    if (rwm.shift4() != null) {
      points.add("That is " + change(rwm.shift4(), before) + ".");
    }
    if (rwm.level5() != null) {
      points.add(
          "At Level 5+ in RWM the cluster's figure was "
              + rwm.level5().describe()
              + (rwm.shift5() == null ? "" : ", " + change(rwm.shift5(), before))
              + ".");
    }
    List<Proportion> bySchool =
        schools.stream()
            .map(s -> s.rwm().map(SubjectResult::level4).orElse(null))
            .filter(Objects::nonNull)
            .sorted(Comparator.comparingDouble(Proportion::percent))
            .toList();
    if (bySchool.size() > 1) {
      points.add(
          "School results at Level 4+ range from "
              + bySchool.get(0).describe()
              + " to "
              + bySchool.get(bySchool.size() - 1).describe()
              + "; small cohorts move a lot by chance.");
    }
    return points;
  }

  /** "8 percentage points higher than in 2023-24", "3 … lower …", or "about the same as in …". */
  static String change(double shift, String before) {
    String rounded = Numbers.signedPoints(shift);
    if (rounded.equals("0")) {
      return "about the same as in " + before;
    }
    String size = rounded.substring(1);
    String unit = size.equals("1") ? " percentage point " : " percentage points ";
    return size + unit + (shift > 0 ? "higher" : "lower") + " than in " + before;
  }

  /** "With 50 pupils, one pupil is worth 2 percentage points, so small changes can be chance." */
  static String onePupil(Proportion p) {
    return "With "
        + p.pupils()
        + (p.pupils() == 1 ? " pupil" : " pupils")
        + ", one pupil is worth "
        + Numbers.points(p.onePupilWorth())
        + (Numbers.points(p.onePupilWorth()).equals("1")
            ? " percentage point"
            : " percentage points")
        + ", so a change of a few points can be chance.";
  }
}
