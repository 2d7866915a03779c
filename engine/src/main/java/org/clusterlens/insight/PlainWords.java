package org.clusterlens.insight;

import org.clusterlens.report.ChangeRange;
import org.clusterlens.report.Labels;
import org.clusterlens.report.MeasureFunnel;
import org.clusterlens.report.Numbers;
import org.clusterlens.report.Proportion;
import org.clusterlens.stats.FunnelPosition;

/** The phrases several key points and briefs share, each a plain-English clause or sentence. */
public final class PlainWords {

  private PlainWords() {}

  /**
   * A change's judgement, test and interval in plain words, each keeping its meaning: the judgement
   * read from the change (never re-derived), how often chance alone gives a change this large, and
   * where the true change probably lies.
   */
  public static String chance(ChangeRange range) {
    String span =
        Numbers.signedPoints(range.lower())
            + " and "
            + Numbers.signedPoints(range.upper())
            + " points";
    String test =
        range.pValue() == null
            ? ""
            : " Chance alone gives a change this large " + Labels.chanceOf(range.pValue()) + ".";
    String interval = " The true change probably lies between " + span + " (95% interval).";
    String verdict =
        range.judgement() == null
            ? "Cannot tell yet: too few pupils to compare."
            : range.clearChange()
                ? "A clear change: " + Labels.reason(range.judgement()) + "."
                : "Cannot tell yet: " + Labels.reason(range.judgement()) + ".";
    return verdict + test + interval;
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

  /**
   * Where a school sits on the cluster's funnel and what that is judged to mean, as a clause:
   * "above the range a school of its size reaches by chance around the cluster's rate (clear: …)".
   */
  public static String funnel(MeasureFunnel.FunnelRow row) {
    String range = "the cluster's range for its size";
    String where =
        switch (row.position95()) {
          case ABOVE ->
              (row.position998() == FunnelPosition.ABOVE ? "well above " : "above ") + range;
          case BELOW ->
              (row.position998() == FunnelPosition.BELOW ? "well below " : "below ") + range;
          case INSIDE -> "within " + range;
        };
    if (row.judgement() == null) {
      return where + ". Too few pupils to compare";
    }
    return where + ". " + Labels.verdict(row.judgement()) + ": " + Labels.reason(row.judgement());
  }
}
