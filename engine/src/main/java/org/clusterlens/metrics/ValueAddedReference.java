package org.clusterlens.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A supplied reference for value added: what pupils nationally (or in a wider reference group)
 * scored at KS2, in level points, for each KS1 prior-attainment band and subject, and how widely
 * their pupils' value added spread. Value added against it is {@code value_added_national}; without
 * one, only value added against the cluster's own pupils is made.
 *
 * @param lines the reference's lines; never null
 */
public record ValueAddedReference(List<Line> lines) {

  /** No reference: value added is made against the cluster's own pupils only. */
  public static final ValueAddedReference NONE = new ValueAddedReference(List.of());

  /** The {@code academicYear} of a line that holds for every year. */
  public static final String EVERY_YEAR = "all";

  /**
   * One line of the reference.
   *
   * @param academicYear the year of the KS2 results it describes, e.g. {@code 2014-15}, or {@code
   *     all}
   * @param subject {@code reading}, {@code writing} or {@code maths}
   * @param band the KS1 prior-attainment band: {@code low}, {@code middle} or {@code high}
   * @param expectedPoints the reference's mean KS2 points for pupils of that band
   * @param pupilSpread the standard deviation of those pupils' KS2 points around it (above 0)
   */
  public record Line(
      String academicYear, String subject, String band, double expectedPoints, double pupilSpread) {

    public Line {
      if (!Measures.SUBJECTS.subList(0, 3).contains(subject)) {
        throw new IllegalArgumentException(
            "'" + subject + "' is not a subject; use reading, writing or maths");
      }
      if (!List.of("low", "middle", "high").contains(band)) {
        throw new IllegalArgumentException(
            "'" + band + "' is not a prior-attainment band; use low, middle or high");
      }
      if (!(academicYear.equals(EVERY_YEAR) || academicYear.matches("\\d{4}-\\d{2}"))) {
        throw new IllegalArgumentException(
            "'" + academicYear + "' is not an academic year; write it like 2014-15, or all");
      }
      if (!(pupilSpread > 0) || !Double.isFinite(expectedPoints)) {
        throw new IllegalArgumentException(
            "a line needs expected points and a standard deviation above 0");
      }
    }
  }

  /**
   * @throws IllegalArgumentException when two lines could describe the same pupil (the same subject
   *     and band in the same year, or in a year and in {@code all})
   */
  public ValueAddedReference {
    lines = List.copyOf(lines);
    Set<String> seen = new HashSet<>();
    for (Line l : lines) {
      if (!seen.add(l.subject() + "|" + l.band() + "|" + l.academicYear())) {
        throw new IllegalArgumentException(
            "two lines give " + l.subject() + ", " + l.band() + " band, " + l.academicYear());
      }
    }
    for (Line l : lines) {
      if (!l.academicYear().equals(EVERY_YEAR)
          && seen.contains(l.subject() + "|" + l.band() + "|" + EVERY_YEAR)) {
        throw new IllegalArgumentException(
            "a line for "
                + l.subject()
                + ", "
                + l.band()
                + " band, "
                + l.academicYear()
                + " overlaps the line for all years");
      }
    }
  }
}
