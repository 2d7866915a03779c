package org.clusterlens.insight;

import java.util.List;
import org.clusterlens.model.Figure;

/**
 * A measure the cluster could work on together: a weakness or a strength several schools share, or
 * one school's clear strength that others could learn from.
 *
 * @param kind which of the three it is; never null
 * @param clusterFigure the cluster's pooled figure on the measure (its subject, threshold, group,
 *     year and term); never null
 * @param test the row of metrics.csv whose p-value is the priority's one test: for a shared pattern
 *     its {@code shared_pattern_…} row (schools on its side of those compared, the schools'
 *     evidence combined by Stouffer's method, two-sided); for a strength to share, the school's own
 *     row (the exact binomial p-value of its count against the schools' pooled rate); never null
 * @param adjustedPValue that p-value adjusted (Benjamini–Hochberg) over the priorities' own
 *     comparisons
 * @param clusterSubjects the cluster's figures in reading, writing and maths at the same threshold
 *     for the same pupils (for a strength to share, the cluster's figure on the measure only);
 *     never null
 * @param schoolFigures every school's figure on the measure that was compared; never null
 * @param onSide the URNs of the schools on the pattern's side of the cluster's rate across subjects
 *     (below it for a weakness, above it for a strength), in the cluster's order; never null
 * @param candidates how many comparisons the adjustment allowed for
 * @param leaders the figures of schools that could lead a shared response, strongest first; never
 *     null, empty when no school in the cluster is above the rate across subjects
 * @param alsoSeenIn the cluster figures of other pupil groups (year groups, disadvantaged pupils…)
 *     in which the same pattern was found; they are not listed as priorities of their own
 */
public record SharedPriority(
    Kind kind,
    Figure clusterFigure,
    Figure test,
    double adjustedPValue,
    List<Figure> clusterSubjects,
    List<Figure> schoolFigures,
    List<String> onSide,
    int candidates,
    List<Figure> leaders,
    List<Figure> alsoSeenIn) {

  /** What kind of priority this is. */
  public enum Kind {
    /** Most schools are below the cluster's rate across subjects on this measure. */
    SHARED_WEAKNESS,
    /** Most schools are above the cluster's rate across subjects on this measure. */
    SHARED_STRENGTH,
    /** One school is clearly above the cluster on this measure: it could lead others. */
    STRENGTH_TO_SHARE
  }

  public SharedPriority {
    clusterSubjects = List.copyOf(clusterSubjects);
    schoolFigures = List.copyOf(schoolFigures);
    onSide = List.copyOf(onSide);
    leaders = List.copyOf(leaders);
    alsoSeenIn = List.copyOf(alsoSeenIn);
  }

  /** A priority found for one set of pupils only. */
  public SharedPriority(
      Kind kind,
      Figure clusterFigure,
      Figure test,
      double adjustedPValue,
      List<Figure> clusterSubjects,
      List<Figure> schoolFigures,
      List<String> onSide,
      int candidates,
      List<Figure> leaders) {
    this(
        kind,
        clusterFigure,
        test,
        adjustedPValue,
        clusterSubjects,
        schoolFigures,
        onSide,
        candidates,
        leaders,
        List.of());
  }

  /** This priority with the cluster figures of the other pupil groups that show the same. */
  SharedPriority withAlsoSeenIn(List<Figure> others) {
    return new SharedPriority(
        kind,
        clusterFigure,
        test,
        adjustedPValue,
        clusterSubjects,
        schoolFigures,
        onSide,
        candidates,
        leaders,
        others);
  }

  /** The priority's one p-value: its test row's. */
  public double pValue() {
    return test.pValue();
  }

  /** The subject code, e.g. {@code writing}. */
  public String subject() {
    return clusterFigure.subject();
  }

  /** The measure code, e.g. {@code pct_level5_plus}. */
  public String measure() {
    return clusterFigure.measure();
  }

  /** Tells whether the priority names this school: on its side, or as a school that could lead. */
  public boolean touches(String urn) {
    return onSide.contains(urn) || leaders.stream().anyMatch(f -> f.school().equals(urn));
  }

  /** This school's figure on the measure, if it was compared. */
  public java.util.Optional<Figure> figureOf(String urn) {
    return schoolFigures.stream().filter(f -> f.school().equals(urn)).findFirst();
  }
}
