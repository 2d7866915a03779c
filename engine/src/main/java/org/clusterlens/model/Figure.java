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
 * @param lower the lower end of the 95% interval, in the value's units, or null where the figure
 *     has none (average points)
 * @param upper the upper end of the 95% interval, or null with {@code lower}
 * @param method how the interval was made, e.g. "Wilson score, 95%", or null with {@code lower}
 * @param pValue for a change, the two-sided p-value of the test that chance alone produced it
 *     (Fisher's exact test), or null where no test was made
 * @param adjustedPValue that p-value adjusted (Benjamini–Hochberg) over every candidate finding
 *     tested alongside it, or null when the figure was not a candidate (no test, or below the
 *     reporting threshold): compare this, not {@code pValue}, with the false discovery rate
 * @param pupilWeight what one pupil is worth in the value's units (100/n percentage points for a
 *     percentage), or null where the figure is not a share of pupils
 * @param belowReportingThreshold the figure rests on fewer pupils than the reporting threshold (for
 *     a comparison: either side): no comparison or flag may be drawn from it
 * @param suppressed the figure's counts must not be published (a small count, or secondary
 *     suppression to protect one): outputs show neither numerator nor value
 * @param judgement the one judgement made on the question this figure answers (strong, to probe,
 *     worth a look, cannot tell yet, with its reason and family), or null when the figure answers
 *     no question of its own
 * @param funnel for a school's percentage, where it sits against the cluster's funnel limits; null
 *     otherwise
 * @param scheme the assessment scheme the figure's grades were read in ({@code nc-levels}, {@code
 *     ks2-2016}, …): figures in different schemes are never pooled or compared; null for figures
 *     not made from grades (context)
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
    double value,
    Double lower,
    Double upper,
    String method,
    Double pValue,
    Double adjustedPValue,
    Double pupilWeight,
    boolean belowReportingThreshold,
    boolean suppressed,
    Judgement judgement,
    FunnelBand funnel,
    String scheme) {

  /**
   * Tells whether this figure's question was judged clear (strong or to probe) within its family: a
   * candidate finding that survived the false-discovery control.
   */
  public boolean selectedFinding() {
    return judgement != null && judgement.clear();
  }

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
    if ((lower == null) != (upper == null) || (lower == null) != (method == null)) {
      throw new IllegalArgumentException(
          "A figure's interval needs a lower end, an upper end and a method, or none of them");
    }
    if (adjustedPValue != null && pValue == null) {
      throw new IllegalArgumentException("A figure's adjusted p-value needs its p-value beside it");
    }
    if (judgement != null && judgement.clear() && adjustedPValue == null) {
      throw new IllegalArgumentException("Only a tested candidate can be judged clear");
    }
  }

  /**
   * A figure with an interval and tests but no small-number screening yet, in National Curriculum
   * levels (see {@link #inScheme}).
   */
  public Figure(
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
      double value,
      Double lower,
      Double upper,
      String method,
      Double pValue,
      Double adjustedPValue) {
    this(
        measure,
        assessment,
        subject,
        school,
        group,
        groupValue,
        academicYear,
        term,
        numerator,
        denominator,
        value,
        lower,
        upper,
        method,
        pValue,
        adjustedPValue,
        null,
        false,
        false,
        null,
        null,
        PupilAssessment.NC_LEVELS);
  }

  /** A figure without an interval. */
  public Figure(
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
    this(
        measure,
        assessment,
        subject,
        school,
        group,
        groupValue,
        academicYear,
        term,
        numerator,
        denominator,
        value,
        null,
        null,
        null,
        null,
        null);
  }

  /** This figure with an interval: a new figure; this one is unchanged. */
  public Figure withInterval(double lowerEnd, double upperEnd, String intervalMethod) {
    return new Figure(
        measure,
        assessment,
        subject,
        school,
        group,
        groupValue,
        academicYear,
        term,
        numerator,
        denominator,
        value,
        lowerEnd,
        upperEnd,
        intervalMethod,
        pValue,
        adjustedPValue,
        pupilWeight,
        belowReportingThreshold,
        suppressed,
        judgement,
        funnel,
        scheme);
  }

  /** This figure labelled with the scheme its grades were read in (null for none): a new figure. */
  public Figure inScheme(String schemeId) {
    return new Figure(
        measure,
        assessment,
        subject,
        school,
        group,
        groupValue,
        academicYear,
        term,
        numerator,
        denominator,
        value,
        lower,
        upper,
        method,
        pValue,
        adjustedPValue,
        pupilWeight,
        belowReportingThreshold,
        suppressed,
        judgement,
        funnel,
        schemeId);
  }

  /** This figure with its test's p-value and the adjusted p-value: a new figure. */
  public Figure withTest(double p, double adjusted) {
    return withPValue(p).withAdjustedPValue(adjusted);
  }

  /** This figure with its test's p-value, not yet adjusted for other tests: a new figure. */
  public Figure withPValue(double p) {
    return new Figure(
        measure,
        assessment,
        subject,
        school,
        group,
        groupValue,
        academicYear,
        term,
        numerator,
        denominator,
        value,
        lower,
        upper,
        method,
        p,
        adjustedPValue,
        pupilWeight,
        belowReportingThreshold,
        suppressed,
        judgement,
        funnel,
        scheme);
  }

  /** This figure with its p-value adjusted for every candidate tested with it: a new figure. */
  public Figure withAdjustedPValue(double adjusted) {
    return new Figure(
        measure,
        assessment,
        subject,
        school,
        group,
        groupValue,
        academicYear,
        term,
        numerator,
        denominator,
        value,
        lower,
        upper,
        method,
        pValue,
        adjusted,
        pupilWeight,
        belowReportingThreshold,
        suppressed,
        judgement,
        funnel,
        scheme);
  }

  /** This figure with the one judgement made on its question: a new figure. */
  public Figure withJudgement(Judgement made) {
    return new Figure(
        measure,
        assessment,
        subject,
        school,
        group,
        groupValue,
        academicYear,
        term,
        numerator,
        denominator,
        value,
        lower,
        upper,
        method,
        pValue,
        adjustedPValue,
        pupilWeight,
        belowReportingThreshold,
        suppressed,
        made,
        funnel,
        scheme);
  }

  /** This figure with what one pupil is worth in its units: a new figure. */
  public Figure withPupilWeight(double weight) {
    return new Figure(
        measure,
        assessment,
        subject,
        school,
        group,
        groupValue,
        academicYear,
        term,
        numerator,
        denominator,
        value,
        lower,
        upper,
        method,
        pValue,
        adjustedPValue,
        weight,
        belowReportingThreshold,
        suppressed,
        judgement,
        funnel,
        scheme);
  }

  /** This figure marked as resting on too few pupils for a comparison or flag: a new figure. */
  public Figure asBelowReportingThreshold() {
    return new Figure(
        measure,
        assessment,
        subject,
        school,
        group,
        groupValue,
        academicYear,
        term,
        numerator,
        denominator,
        value,
        lower,
        upper,
        method,
        pValue,
        adjustedPValue,
        pupilWeight,
        true,
        suppressed,
        judgement,
        funnel,
        scheme);
  }

  /** This figure marked as not to be published: a new figure. */
  public Figure asSuppressed() {
    return new Figure(
        measure,
        assessment,
        subject,
        school,
        group,
        groupValue,
        academicYear,
        term,
        numerator,
        denominator,
        value,
        lower,
        upper,
        method,
        pValue,
        adjustedPValue,
        pupilWeight,
        belowReportingThreshold,
        true,
        judgement,
        funnel,
        scheme);
  }

  /** This figure with its place against the cluster's funnel limits: a new figure. */
  public Figure withFunnel(FunnelBand band) {
    return new Figure(
        measure,
        assessment,
        subject,
        school,
        group,
        groupValue,
        academicYear,
        term,
        numerator,
        denominator,
        value,
        lower,
        upper,
        method,
        pValue,
        adjustedPValue,
        pupilWeight,
        belowReportingThreshold,
        suppressed,
        judgement,
        band,
        scheme);
  }

  /**
   * This figure as it may be published once suppressed: its labels and flags only, with no count,
   * value, interval, p-value or funnel place that could give a withheld count away. A figure that
   * is not suppressed is returned as it is.
   */
  public Figure publishable() {
    if (!suppressed) {
      return this;
    }
    return new Figure(
        measure,
        assessment,
        subject,
        school,
        group,
        groupValue,
        academicYear,
        term,
        null,
        null,
        Double.NaN,
        null,
        null,
        null,
        null,
        null,
        null,
        belowReportingThreshold,
        true,
        judgement != null && judgement.clear() ? null : judgement,
        null,
        scheme);
  }
}
