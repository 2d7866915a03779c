package org.clusterlens.insight;

import org.clusterlens.report.ChangeRange;
import org.clusterlens.report.MeasureFunnel;
import org.clusterlens.report.Numbers;
import org.clusterlens.report.Proportion;
import org.clusterlens.stats.FunnelPosition;

/** The phrases several key points and briefs share, each a plain-English clause or sentence. */
public final class PlainWords {

  private PlainWords() {}

  /** Whether chance alone could explain a change, in one sentence with its range. */
  public static String chance(ChangeRange range) {
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

  /** "8 percentage points higher than in 2023-24", "3 … lower …", or "about the same as in …". */
  public static String change(double shift, String before) {
    String rounded = Numbers.signedPoints(shift);
    if (rounded.equals("0")) {
      return "about the same as in " + before;
    }
    String size = rounded.substring(1);
    String unit = size.equals("1") ? " percentage point " : " percentage points ";
    return size + unit + (shift > 0 ? "higher" : "lower") + " than in " + before;
  }

  /** "With 50 pupils, one pupil is worth 2 percentage points, so … can be chance." */
  public static String onePupil(Proportion p) {
    String worth = Numbers.points(p.onePupilWorth());
    return "With "
        + p.pupils()
        + (p.pupils() == 1 ? " pupil" : " pupils")
        + ", one pupil is worth "
        + worth
        + (worth.equals("1") ? " percentage point" : " percentage points")
        + ", so a change of a few points can be chance.";
  }

  /** Where a school sits on the cluster's funnel, as a clause: "above the range chance …". */
  public static String funnel(MeasureFunnel.FunnelRow row) {
    String edge =
        "the range chance usually produces around the cluster's rate; with every school and"
            + " measure compared, chance could still explain it";
    return switch (row.position95()) {
      case ABOVE ->
          !row.clearOfChance()
              ? "just above " + edge
              : row.position998() == FunnelPosition.ABOVE
                  ? "well above the range chance alone could produce around the cluster's rate"
                  : "above the range chance alone could produce around the cluster's rate";
      case BELOW ->
          !row.clearOfChance()
              ? "just below " + edge
              : row.position998() == FunnelPosition.BELOW
                  ? "well below the range chance alone could produce around the cluster's rate"
                  : "below the range chance alone could produce around the cluster's rate";
      case INSIDE -> "within the range chance alone could produce around the cluster's rate";
    };
  }
}
