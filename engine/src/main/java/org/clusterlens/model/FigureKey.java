package org.clusterlens.model;

import java.util.Objects;

/**
 * A figure's labels as one key: measure, assessment, scheme, subject, school, pupil group, group
 * value, academic year and term. Figures are indexed and joined by it wherever they are looked up
 * by their labels, rather than by text joined from the labels (an LA's run looks up its two and a
 * half million figures several times over, and each joined key was a new string of some hundred
 * characters).
 *
 * <p>Two keys are equal when every label is; the scheme may be null (figures not made from grades).
 * The hash is worked out once, by hand: a record's generated {@code hashCode} goes through method
 * handles, which cost more than the lookup itself when the JVM runs its quick compiler alone.
 */
public final class FigureKey {

  private final String measure;
  private final String assessment;
  private final String scheme;
  private final String subject;
  private final String school;
  private final String group;
  private final String groupValue;
  private final String academicYear;
  private final String term;
  private final int hash;

  /**
   * @throws NullPointerException if any label but {@code scheme} is null
   */
  public FigureKey(
      String measure,
      String assessment,
      String scheme,
      String subject,
      String school,
      String group,
      String groupValue,
      String academicYear,
      String term) {
    this.measure = Objects.requireNonNull(measure, "measure");
    this.assessment = Objects.requireNonNull(assessment, "assessment");
    this.scheme = scheme;
    this.subject = Objects.requireNonNull(subject, "subject");
    this.school = Objects.requireNonNull(school, "school");
    this.group = Objects.requireNonNull(group, "group");
    this.groupValue = Objects.requireNonNull(groupValue, "groupValue");
    this.academicYear = Objects.requireNonNull(academicYear, "academicYear");
    this.term = Objects.requireNonNull(term, "term");
    this.hash =
        hash(measure, assessment, scheme, subject, school, group, groupValue, academicYear, term);
  }

  private static int hash(
      String measure,
      String assessment,
      String scheme,
      String subject,
      String school,
      String group,
      String groupValue,
      String academicYear,
      String term) {
    int h = measure.hashCode();
    h = 31 * h + assessment.hashCode();
    h = 31 * h + (scheme == null ? 0 : scheme.hashCode());
    h = 31 * h + subject.hashCode();
    h = 31 * h + school.hashCode();
    h = 31 * h + group.hashCode();
    h = 31 * h + groupValue.hashCode();
    h = 31 * h + academicYear.hashCode();
    return 31 * h + term.hashCode();
  }

  /** The measure (or the name of a table whose cells the key stands for); never null. */
  public String measure() {
    return measure;
  }

  /** The assessment; never null. */
  public String assessment() {
    return assessment;
  }

  /** The assessment scheme, or null for none. */
  public String scheme() {
    return scheme;
  }

  /** The subject; never null. */
  public String subject() {
    return subject;
  }

  /** The school's URN, {@link Figure#CLUSTER}, or empty where the key stands for every school. */
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

  /** The academic year; never null. */
  public String academicYear() {
    return academicYear;
  }

  /** The term; never null. */
  public String term() {
    return term;
  }

  /** Tells whether {@code f} carries exactly these labels, its scheme included. */
  public boolean matches(Figure f) {
    return measure.equals(f.measure())
        && school.equals(f.school())
        && groupValue.equals(f.groupValue())
        && academicYear.equals(f.academicYear())
        && term.equals(f.term())
        && subject.equals(f.subject())
        && group.equals(f.group())
        && assessment.equals(f.assessment())
        && Objects.equals(scheme, f.scheme());
  }

  /** The labels of {@code f}, its scheme included. */
  public static FigureKey of(Figure f) {
    return new FigureKey(
        f.measure(),
        f.assessment(),
        f.scheme(),
        f.subject(),
        f.school(),
        f.group(),
        f.groupValue(),
        f.academicYear(),
        f.term());
  }

  /** The labels of {@code f} with another measure, school, group value, year and term. */
  public static FigureKey like(
      Figure f,
      String measure,
      String school,
      String groupValue,
      String academicYear,
      String term) {
    return new FigureKey(
        measure,
        f.assessment(),
        f.scheme(),
        f.subject(),
        school,
        f.group(),
        groupValue,
        academicYear,
        term);
  }

  /** The labels of {@code f} under another measure (or the name of a table its pupils count in). */
  public static FigureKey like(Figure f, String measure) {
    return like(f, measure, f.school(), f.groupValue(), f.academicYear(), f.term());
  }

  /** These labels with another pupil group, school and group value. */
  public FigureKey cell(String otherGroup, String otherSchool, String otherGroupValue) {
    return new FigureKey(
        measure,
        assessment,
        scheme,
        subject,
        otherSchool,
        otherGroup,
        otherGroupValue,
        academicYear,
        term);
  }

  /** These labels with another scheme (null for none). */
  public FigureKey inScheme(String otherScheme) {
    return new FigureKey(
        measure, assessment, otherScheme, subject, school, group, groupValue, academicYear, term);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof FigureKey k
        && hash == k.hash
        && measure.equals(k.measure)
        && school.equals(k.school)
        && groupValue.equals(k.groupValue)
        && academicYear.equals(k.academicYear)
        && term.equals(k.term)
        && subject.equals(k.subject)
        && group.equals(k.group)
        && assessment.equals(k.assessment)
        && Objects.equals(scheme, k.scheme);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** The labels joined by {@code |}, for messages. */
  @Override
  public String toString() {
    return String.join(
        "|",
        measure,
        assessment,
        String.valueOf(scheme),
        subject,
        school,
        group,
        groupValue,
        academicYear,
        term);
  }
}
