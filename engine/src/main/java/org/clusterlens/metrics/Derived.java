package org.clusterlens.metrics;

import org.clusterlens.model.Figure;

/** Figures derived from another (a shift, a gap), which carry that figure's labels. */
final class Derived {

  private Derived() {}

  /**
   * A new figure of {@code measure} with the assessment, subject, school, group, value, year and
   * term of {@code labels}, in its scheme; numerator and denominator may be null where it has none.
   */
  static Figure like(
      Figure labels, String measure, Double numerator, Long denominator, double value) {
    return made(labels, measure, numerator, denominator, value, null, null, null);
  }

  /**
   * A new figure as {@link #like(Figure, String, Double, Long, double)} makes it, with an interval
   * from {@code lower} to {@code upper} made by {@code method}: that figure {@link
   * Figure#withInterval}, made as one figure.
   */
  static Figure like(
      Figure labels,
      String measure,
      Double numerator,
      Long denominator,
      double value,
      double lower,
      double upper,
      String method) {
    if (method == null) {
      throw new IllegalArgumentException(
          "A figure's interval needs a lower end, an upper end and a method, or none of them");
    }
    return made(labels, measure, numerator, denominator, value, lower, upper, method);
  }

  /** One figure made whole, in its scheme, not a figure in levels and then a copy in the scheme. */
  private static Figure made(
      Figure labels,
      String measure,
      Double numerator,
      Long denominator,
      double value,
      Double lower,
      Double upper,
      String method) {
    return new Figure(
        measure,
        labels.assessment(),
        labels.subject(),
        labels.school(),
        labels.group(),
        labels.groupValue(),
        labels.academicYear(),
        labels.term(),
        numerator,
        denominator,
        value,
        lower,
        upper,
        method,
        null,
        null,
        null,
        false,
        false,
        null,
        null,
        labels.scheme());
  }
}
