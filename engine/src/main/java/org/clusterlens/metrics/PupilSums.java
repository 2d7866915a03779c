package org.clusterlens.metrics;

/**
 * A cell's sums counted from pupil rows by {@link TermShifts}, {@link PupilGaps} or {@link
 * ProgressMetrics}, labelled by text rather than a table's own codes: the sums of the same cell
 * counted from different tables of pupils (each pupil's rows in one) add up to the sums of all
 * their pupils. Every sum is a count or a sum of whole points (or of their squares), so adding them
 * in any order gives the same double to the last digit.
 *
 * @param kind {@link #TERM_SHIFT}, {@link #GAP} or {@link #PROGRESS}: which class made it
 * @param school the school's URN, or {@link org.clusterlens.model.Figure#CLUSTER}
 * @param assessment the assessment, or "" where the cell has none
 * @param group the pupil group
 * @param value the pupil group's value
 * @param measure the measure the sums are for, or "" where the class makes several from them
 * @param part what else tells the cell apart: a stratum, a prior-attainment band; or ""
 * @param sums the class's own sums, at most {@link #SUMS}
 */
record PupilSums(
    String kind,
    String school,
    String academicYear,
    String term,
    String assessment,
    String subject,
    String group,
    String value,
    String measure,
    String part,
    double[] sums) {

  /** The most sums a cell holds. */
  static final int SUMS = 7;

  static final String TERM_SHIFT = "term_shift";
  static final String GAP = "gap";
  static final String PROGRESS = "progress";
}
