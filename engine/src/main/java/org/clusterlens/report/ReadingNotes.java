package org.clusterlens.report;

import java.util.ArrayList;
import java.util.List;
import org.clusterlens.stats.SmallNumberRules;

/**
 * The "how to read this pack" notes both renderers print: what the terms and methods mean, named
 * once per pack. A glossary, fixed for every pack; the words about a school's own figures belong to
 * the insight stage.
 */
public final class ReadingNotes {

  private ReadingNotes() {}

  private static List<String> common() {
    List<String> notes = new ArrayList<>();
    notes.add(
        "Level 4+ means at least National Curriculum Level 4, the level expected at the end of"
            + " Year 6. Level 5+ is above it.");
    notes.add(
        "RWM means reading, writing and maths combined: a pupil counts only if they reached the"
            + " level in all three.");
    notes.add("72% (36 of 50) means 36 of the 50 pupils counted reached it.");
    notes.add(
        "One pupil is worth 100 ÷ n percentage points. In a small school one pupil can move a"
            + " figure a long way.");
    notes.add(
        "A shift compares this year's Year 6 with last year's: different pupils, so some change"
            + " happens by chance.");
    notes.add(
        "A 95% interval is where the true figure probably lies: exact (Clopper–Pearson) below"
            + " 30 pupils, Wilson's score interval above, Newcombe's method for a change. A test"
            + " says how often chance alone would give a result this large.");
    notes.add(
        "A figure is called clear (strong, or to probe) only when it stays unusual after allowing"
            + " for the other headline questions asked of the school, or for every school"
            + " compared on the same measure (Benjamini–Hochberg, false discovery rate 0.05)."
            + " Side questions are only ever worth a look.");
    notes.add(
        "The cluster range is a funnel plot's limits around the cluster's rate: 95% and 99.8%,"
            + " exact binomial below 30 pupils.");
    notes.add(
        "Average points turn levels into numbers: Level 4 is 27 points, Level 5 is 33, and each"
            + " step within a level (c, b, a) is 2 points.");
    notes.add("Teacher assessment during the year is not standardised across schools.");
    notes.add(
        "The cluster's figures pool every pupil in its schools, so larger schools count for"
            + " more.");
    notes.add(
        "Groups of fewer than "
            + SmallNumberRules.DEFAULT.reportingThreshold()
            + " pupils are not compared: one or two pupils would decide the result.");
    return notes;
  }

  /** The governor pack's notes; names how peer schools are shown unless names are shared. */
  public static List<String> forGovernors(GovernorPack pack) {
    List<String> notes = common();
    if (!pack.peers().isEmpty() && !pack.peersNamed()) {
      notes.add(
          "Other schools are shown as "
              + pack.peers().get(0).label()
              + (pack.peers().size() > 1 ? ", " + pack.peers().get(1).label() : "")
              + "… unless the cluster has agreed to share names. Each school keeps its letter in"
              + " every school's pack and on the training page; this school is "
              + pack.ownLetter()
              + " in the others.");
    } else if (!pack.peers().isEmpty()) {
      notes.add(
          "On the governors' training page, where schools are not named, this school is "
              + pack.ownLetter()
              + ".");
    }
    return notes;
  }

  /** The cluster pack's notes. */
  public static List<String> forPartner() {
    return common();
  }
}
