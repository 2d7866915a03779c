package org.clusterlens.model;

import java.util.Objects;

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
 *     <p>Held compactly, as an LA's run holds millions of figures: the numbers as primitives with a
 *     bit each saying whether they are present (a boxed number per field cost more than the
 *     figure), so the accessors give back {@code null} for a number the figure has none of, as they
 *     always have. Two figures are equal when every component is, as a record's are.
 */
public final class Figure {

  private static final byte HAS_NUMERATOR = 1;
  private static final byte HAS_DENOMINATOR = 2;
  private static final byte HAS_P_VALUE = 4;
  private static final byte HAS_ADJUSTED_P_VALUE = 8;
  private static final byte HAS_PUPIL_WEIGHT = 16;
  private static final byte BELOW_REPORTING_THRESHOLD = 32;
  private static final byte SUPPRESSED = 64;

  private final String measure;
  private final String assessment;
  private final String subject;
  private final String school;
  private final String group;
  private final String groupValue;
  private final String academicYear;
  private final String term;
  private final double numerator;
  private final long denominator;
  private final double value;
  // lower and upper are present exactly when method is.
  private final double lower;
  private final double upper;
  private final String method;
  private final double pValue;
  private final double adjustedPValue;
  private final double pupilWeight;
  private final byte flags;
  private final Judgement judgement;
  private final FunnelBand funnel;
  private final String scheme;

  /**
   * A figure with every component; see the class's description of each.
   *
   * @throws IllegalArgumentException if a label is missing, the interval has some of its parts
   *     only, an adjusted p-value has no p-value, or a figure judged clear was not tested
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
      Double adjustedPValue,
      Double pupilWeight,
      boolean belowReportingThreshold,
      boolean suppressed,
      Judgement judgement,
      FunnelBand funnel,
      String scheme) {
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
    this.measure = measure;
    this.assessment = assessment;
    this.subject = subject;
    this.school = school;
    this.group = group;
    this.groupValue = groupValue;
    this.academicYear = academicYear;
    this.term = term;
    this.numerator = numerator == null ? 0 : numerator;
    this.denominator = denominator == null ? 0 : denominator;
    this.value = value;
    this.lower = lower == null ? 0 : lower;
    this.upper = upper == null ? 0 : upper;
    this.method = method;
    this.pValue = pValue == null ? 0 : pValue;
    this.adjustedPValue = adjustedPValue == null ? 0 : adjustedPValue;
    this.pupilWeight = pupilWeight == null ? 0 : pupilWeight;
    this.flags =
        (byte)
            ((numerator != null ? HAS_NUMERATOR : 0)
                | (denominator != null ? HAS_DENOMINATOR : 0)
                | (pValue != null ? HAS_P_VALUE : 0)
                | (adjustedPValue != null ? HAS_ADJUSTED_P_VALUE : 0)
                | (pupilWeight != null ? HAS_PUPIL_WEIGHT : 0)
                | (belowReportingThreshold ? BELOW_REPORTING_THRESHOLD : 0)
                | (suppressed ? SUPPRESSED : 0));
    this.judgement = judgement;
    this.funnel = funnel;
    this.scheme = scheme;
  }

  private boolean has(byte flag) {
    return (flags & flag) != 0;
  }

  /** What is measured; never null. */
  public String measure() {
    return measure;
  }

  /** {@code teacher}, {@code ks1}, {@code ks2} or {@code context}; never null. */
  public String assessment() {
    return assessment;
  }

  /** The subject, or {@link #RWM}; never null. */
  public String subject() {
    return subject;
  }

  /** The school's URN, or {@link #CLUSTER}; never null. */
  public String school() {
    return school;
  }

  /** The pupil group's dimension; never null. */
  public String group() {
    return group;
  }

  /** The group's value; never null. */
  public String groupValue() {
    return groupValue;
  }

  /** The academic year, e.g. {@code 2024-25}; never null. */
  public String academicYear() {
    return academicYear;
  }

  /** The term; never null. */
  public String term() {
    return term;
  }

  /** Pupils meeting the measure (or the sum of points), or null where it has none. */
  public Double numerator() {
    return has(HAS_NUMERATOR) ? numerator : null;
  }

  /** Pupils counted, or null where it has none. */
  public Long denominator() {
    return has(HAS_DENOMINATOR) ? denominator : null;
  }

  /** Tells whether the figure has a count of pupils ({@link #denominator} is not null). */
  public boolean hasDenominator() {
    return has(HAS_DENOMINATOR);
  }

  /**
   * Pupils counted, as a number: {@link #denominator} without a {@code Long} made for it, 0 where
   * the figure has none (see {@link #hasDenominator}).
   */
  public long denominatorCount() {
    return denominator;
  }

  /** The figure's value. */
  public double value() {
    return value;
  }

  /** The lower end of the 95% interval, or null where the figure has none. */
  public Double lower() {
    return method != null ? lower : null;
  }

  /** The upper end of the 95% interval, or null with {@link #lower}. */
  public Double upper() {
    return method != null ? upper : null;
  }

  /** How the interval was made, or null with {@link #lower}. */
  public String method() {
    return method;
  }

  /** The test's p-value, or null where no test was made. */
  public Double pValue() {
    return has(HAS_P_VALUE) ? pValue : null;
  }

  /** The p-value adjusted within its family, or null when the figure was not a candidate. */
  public Double adjustedPValue() {
    return has(HAS_ADJUSTED_P_VALUE) ? adjustedPValue : null;
  }

  /** What one pupil is worth in the value's units, or null. */
  public Double pupilWeight() {
    return has(HAS_PUPIL_WEIGHT) ? pupilWeight : null;
  }

  /** The figure rests on fewer pupils than the reporting threshold. */
  public boolean belowReportingThreshold() {
    return has(BELOW_REPORTING_THRESHOLD);
  }

  /** The figure's counts must not be published. */
  public boolean suppressed() {
    return has(SUPPRESSED);
  }

  /** The one judgement made on the figure's question, or null. */
  public Judgement judgement() {
    return judgement;
  }

  /** Where a school's percentage sits against the cluster's funnel limits, or null. */
  public FunnelBand funnel() {
    return funnel;
  }

  /** The assessment scheme the figure's grades were read in, or null. */
  public String scheme() {
    return scheme;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof Figure f
        && flags == f.flags
        && measure.equals(f.measure)
        && assessment.equals(f.assessment)
        && subject.equals(f.subject)
        && school.equals(f.school)
        && group.equals(f.group)
        && groupValue.equals(f.groupValue)
        && academicYear.equals(f.academicYear)
        && term.equals(f.term)
        && same(numerator, f.numerator)
        && denominator == f.denominator
        && same(value, f.value)
        && same(lower, f.lower)
        && same(upper, f.upper)
        && Objects.equals(method, f.method)
        && same(pValue, f.pValue)
        && same(adjustedPValue, f.adjustedPValue)
        && same(pupilWeight, f.pupilWeight)
        && Objects.equals(judgement, f.judgement)
        && Objects.equals(funnel, f.funnel)
        && Objects.equals(scheme, f.scheme);
  }

  private static boolean same(double a, double b) {
    return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(measure, assessment, subject, school, group, groupValue, academicYear);
    h = 31 * h + term.hashCode();
    h = 31 * h + Double.hashCode(numerator);
    h = 31 * h + Long.hashCode(denominator);
    h = 31 * h + Double.hashCode(value);
    h = 31 * h + Double.hashCode(lower);
    h = 31 * h + Double.hashCode(upper);
    h = 31 * h + Double.hashCode(pValue);
    h = 31 * h + Double.hashCode(adjustedPValue);
    h = 31 * h + Double.hashCode(pupilWeight);
    h = 31 * h + flags;
    return 31 * h + Objects.hash(method, judgement, funnel, scheme);
  }

  /** Every component by name, as a record would show it. */
  @Override
  public String toString() {
    return "Figure[measure="
        + measure
        + ", assessment="
        + assessment
        + ", subject="
        + subject
        + ", school="
        + school
        + ", group="
        + group
        + ", groupValue="
        + groupValue
        + ", academicYear="
        + academicYear
        + ", term="
        + term
        + ", numerator="
        + numerator()
        + ", denominator="
        + denominator()
        + ", value="
        + value
        + ", lower="
        + lower()
        + ", upper="
        + upper()
        + ", method="
        + method
        + ", pValue="
        + pValue()
        + ", adjustedPValue="
        + adjustedPValue()
        + ", pupilWeight="
        + pupilWeight()
        + ", belowReportingThreshold="
        + belowReportingThreshold()
        + ", suppressed="
        + suppressed()
        + ", judgement="
        + judgement
        + ", funnel="
        + funnel
        + ", scheme="
        + scheme
        + "]";
  }

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

  /** A copy of {@code f} with some of its parts changed, its numbers kept as they are held. */
  private Figure(
      Figure f,
      double lower,
      double upper,
      String method,
      double pValue,
      double adjustedPValue,
      double pupilWeight,
      int flags,
      Judgement judgement,
      FunnelBand funnel,
      String scheme) {
    this.measure = f.measure;
    this.assessment = f.assessment;
    this.subject = f.subject;
    this.school = f.school;
    this.group = f.group;
    this.groupValue = f.groupValue;
    this.academicYear = f.academicYear;
    this.term = f.term;
    this.numerator = f.numerator;
    this.denominator = f.denominator;
    this.value = f.value;
    this.lower = lower;
    this.upper = upper;
    this.method = method;
    this.pValue = pValue;
    this.adjustedPValue = adjustedPValue;
    this.pupilWeight = pupilWeight;
    this.flags = (byte) flags;
    this.judgement = judgement;
    this.funnel = funnel;
    this.scheme = scheme;
  }

  /** This figure with an interval: a new figure; this one is unchanged. */
  public Figure withInterval(double lowerEnd, double upperEnd, String intervalMethod) {
    if (intervalMethod == null) {
      throw new IllegalArgumentException(
          "A figure's interval needs a lower end, an upper end and a method, or none of them");
    }
    return new Figure(
        this,
        lowerEnd,
        upperEnd,
        intervalMethod,
        pValue,
        adjustedPValue,
        pupilWeight,
        flags,
        judgement,
        funnel,
        scheme);
  }

  /** This figure labelled with the scheme its grades were read in (null for none): a new figure. */
  public Figure inScheme(String schemeId) {
    return new Figure(
        this,
        lower,
        upper,
        method,
        pValue,
        adjustedPValue,
        pupilWeight,
        flags,
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
        this,
        lower,
        upper,
        method,
        p,
        adjustedPValue,
        pupilWeight,
        flags | HAS_P_VALUE,
        judgement,
        funnel,
        scheme);
  }

  /** This figure with its p-value adjusted for every candidate tested with it: a new figure. */
  public Figure withAdjustedPValue(double adjusted) {
    if (!has(HAS_P_VALUE)) {
      throw new IllegalArgumentException("A figure's adjusted p-value needs its p-value beside it");
    }
    return new Figure(
        this,
        lower,
        upper,
        method,
        pValue,
        adjusted,
        pupilWeight,
        flags | HAS_ADJUSTED_P_VALUE,
        judgement,
        funnel,
        scheme);
  }

  /** This figure with the one judgement made on its question: a new figure. */
  public Figure withJudgement(Judgement made) {
    if (made != null && made.clear() && !has(HAS_ADJUSTED_P_VALUE)) {
      throw new IllegalArgumentException("Only a tested candidate can be judged clear");
    }
    return new Figure(
        this,
        lower,
        upper,
        method,
        pValue,
        adjustedPValue,
        pupilWeight,
        flags,
        made,
        funnel,
        scheme);
  }

  /** This figure with what one pupil is worth in its units: a new figure. */
  public Figure withPupilWeight(double weight) {
    return new Figure(
        this,
        lower,
        upper,
        method,
        pValue,
        adjustedPValue,
        weight,
        flags | HAS_PUPIL_WEIGHT,
        judgement,
        funnel,
        scheme);
  }

  /** This figure marked as resting on too few pupils for a comparison or flag: a new figure. */
  public Figure asBelowReportingThreshold() {
    return new Figure(
        this,
        lower,
        upper,
        method,
        pValue,
        adjustedPValue,
        pupilWeight,
        flags | BELOW_REPORTING_THRESHOLD,
        judgement,
        funnel,
        scheme);
  }

  /** This figure marked as not to be published: a new figure. */
  public Figure asSuppressed() {
    return new Figure(
        this,
        lower,
        upper,
        method,
        pValue,
        adjustedPValue,
        pupilWeight,
        flags | SUPPRESSED,
        judgement,
        funnel,
        scheme);
  }

  /** This figure with its place against the cluster's funnel limits: a new figure. */
  public Figure withFunnel(FunnelBand band) {
    return new Figure(
        this,
        lower,
        upper,
        method,
        pValue,
        adjustedPValue,
        pupilWeight,
        flags,
        judgement,
        band,
        scheme);
  }

  /**
   * This figure as small-number screening leaves it, in one copy: with what one pupil is worth in
   * its units (null to keep it as it is), and marked as resting on too few pupils and as not to be
   * published where told (a mark already set stays); this figure itself when nothing changes.
   */
  public Figure screened(Double weight, boolean belowThreshold, boolean withheld) {
    int marks = screeningMarks(weight, belowThreshold, withheld);
    if (weight == null && (flags | marks) == flags) {
      return this;
    }
    return new Figure(
        this,
        lower,
        upper,
        method,
        pValue,
        adjustedPValue,
        weight != null ? weight : pupilWeight,
        flags | marks,
        judgement,
        funnel,
        scheme);
  }

  /** The flags small-number screening sets: a pupil's weight, too few pupils, withheld. */
  private static int screeningMarks(Double weight, boolean belowThreshold, boolean withheld) {
    return (weight != null ? HAS_PUPIL_WEIGHT : 0)
        | (belowThreshold ? BELOW_REPORTING_THRESHOLD : 0)
        | (withheld ? SUPPRESSED : 0);
  }

  /**
   * This figure as small-number screening leaves it, with its test's p-value and its place against
   * the cluster's funnel limits, in one copy: {@code screened(weight, belowThreshold,
   * withheld).withPValueAndFunnel(p, band)}.
   */
  public Figure screenedWithPValueAndFunnel(
      Double weight, boolean belowThreshold, boolean withheld, double p, FunnelBand band) {
    int marks = screeningMarks(weight, belowThreshold, withheld);
    return new Figure(
        this,
        lower,
        upper,
        method,
        p,
        adjustedPValue,
        weight != null ? weight : pupilWeight,
        flags | marks | HAS_P_VALUE,
        judgement,
        band,
        scheme);
  }

  /**
   * This figure with its test's p-value and its place against the cluster's funnel limits, in one
   * copy: {@code withPValue(p).withFunnel(band)}.
   */
  public Figure withPValueAndFunnel(double p, FunnelBand band) {
    return new Figure(
        this,
        lower,
        upper,
        method,
        p,
        adjustedPValue,
        pupilWeight,
        flags | HAS_P_VALUE,
        judgement,
        band,
        scheme);
  }

  /**
   * This figure with its p-value adjusted within its family and the one judgement made on its
   * question, in one copy: {@code withAdjustedPValue(adjusted).withJudgement(made)}.
   */
  public Figure withAdjustedPValueAndJudgement(double adjusted, Judgement made) {
    if (!has(HAS_P_VALUE)) {
      throw new IllegalArgumentException("A figure's adjusted p-value needs its p-value beside it");
    }
    return new Figure(
        this,
        lower,
        upper,
        method,
        pValue,
        adjusted,
        pupilWeight,
        flags | HAS_ADJUSTED_P_VALUE,
        made,
        funnel,
        scheme);
  }

  /** A suppressed figure already stripped to its labels and flags. */
  private boolean isPublishable() {
    return (flags & (HAS_NUMERATOR | HAS_DENOMINATOR | HAS_P_VALUE | HAS_ADJUSTED_P_VALUE)) == 0
        && !has(HAS_PUPIL_WEIGHT)
        && Double.isNaN(value)
        && method == null
        && funnel == null
        && (judgement == null || !judgement.clear());
  }

  /**
   * This figure as it may be published once suppressed: its labels and flags only, with no count,
   * value, interval, p-value or funnel place that could give a withheld count away. A figure that
   * is not suppressed is returned as it is.
   */
  public Figure publishable() {
    if (!suppressed() || isPublishable()) {
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
        belowReportingThreshold(),
        true,
        judgement != null && judgement.clear() ? null : judgement,
        null,
        scheme);
  }
}
