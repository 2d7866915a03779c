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
            value)
        .inScheme(labels.scheme());
  }
}
