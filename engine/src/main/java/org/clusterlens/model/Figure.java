package org.clusterlens.model;

/**
 * One computed figure: a row of the tidy metrics export and the unit every pack is built from.
 *
 * @param measure what is measured, e.g. {@code pct_level4_plus}, {@code average_points}, {@code
 *     shift_pct_level4_plus}; never null
 * @param assessment {@code teacher}, {@code ks1} or {@code ks2}; never null
 * @param subject {@code reading}, {@code writing}, {@code maths} or {@code rwm} (all three); never
 *     null
 * @param school the school's URN, or {@link #CLUSTER} for the cluster pooled at pupil level; never
 *     null
 * @param group the pupil group's dimension, e.g. {@code all} or {@code year_group}; never null
 * @param groupValue the group's value, e.g. {@code all} or {@code 6}; never null
 * @param academicYear e.g. {@code 2024-25}; never null
 * @param term {@code autumn}, {@code spring} or {@code summer}; never null
 * @param numerator pupils meeting the measure (or the sum of points), or null where it has none (a
 *     shift)
 * @param denominator pupils counted, or null where it has none (a shift)
 * @param value the figure: a percentage (0 to 100), points, or a change in percentage points
 */
public record Figure(
    String measure,
    String assessment,
    String subject,
    String school,
    String group,
    String groupValue,
    String academicYear,
    String term,
    Double numerator,
    Long denominator,
    double value) {

  /** The {@code school} value of figures pooled over the whole cluster. */
  public static final String CLUSTER = "CLUSTER";

  /** The {@code group} and {@code groupValue} of figures over all pupils. */
  public static final String ALL = "all";

  /**
   * The subject code for reading, writing and maths combined (a pupil must meet it in all three).
   */
  public static final String RWM = "rwm";

  public Figure {
    if (measure == null
        || assessment == null
        || subject == null
        || school == null
        || group == null
        || groupValue == null
        || academicYear == null
        || term == null) {
      throw new IllegalArgumentException("A figure needs every one of its labels");
    }
  }
}
