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
 * @param expectation what the measure is set against: for a shared pattern, the cluster's figure in
 *     its middle subject at the same threshold (its typical rate); for a strength to share, the
 *     cluster's figure on the measure itself; never null
 * @param schoolFigures every school's figure on the measure that was compared; never null
 * @param onSide the URNs of the schools on the pattern's side of the expectation (below it for a
 *     weakness, above it for a strength), in the cluster's order; never null
 * @param pValue the chance of a pattern at least this strong if every school's pupils reached the
 *     measure at the expected rate: for a shared pattern, the schools' one-sided mid-p values
 *     combined by Stouffer's method (each school counts once, whatever its size); for a strength to
 *     share, the school's two-sided exact binomial test
 * @param schoolsPValue for a shared pattern, the chance of this many schools or more on this side
 *     (the Poisson-binomial sign test over schools); null for a strength to share
 * @param adjustedPValue that p-value adjusted (Benjamini–Hochberg) over every comparison made
 * @param candidates how many comparisons the adjustment allowed for
 * @param alsoSeenIn the cluster figures of other pupil groups (year groups, disadvantaged pupils…)
 *     in which the same pattern was found; they are not listed as priorities of their own
 * @param leaders the figures of schools that could lead a shared response, strongest first; never
 *     null, empty when no school in the cluster is above the expectation
 */
public record SharedPriority(
    Kind kind,
    Figure clusterFigure,
    Figure expectation,
    List<Figure> schoolFigures,
    List<String> onSide,
    double pValue,
    Double schoolsPValue,
    double adjustedPValue,
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
    schoolFigures = List.copyOf(schoolFigures);
    onSide = List.copyOf(onSide);
    leaders = List.copyOf(leaders);
    alsoSeenIn = List.copyOf(alsoSeenIn);
  }

  /** A priority found for one set of pupils only. */
  public SharedPriority(
      Kind kind,
      Figure clusterFigure,
      Figure expectation,
      List<Figure> schoolFigures,
      List<String> onSide,
      double pValue,
      Double schoolsPValue,
      double adjustedPValue,
      int candidates,
      List<Figure> leaders) {
    this(
        kind,
        clusterFigure,
        expectation,
        schoolFigures,
        onSide,
        pValue,
        schoolsPValue,
        adjustedPValue,
        candidates,
        leaders,
        List.of());
  }

  /** This priority with the cluster figures of the other pupil groups that show the same. */
  SharedPriority withAlsoSeenIn(List<Figure> others) {
    return new SharedPriority(
        kind,
        clusterFigure,
        expectation,
        schoolFigures,
        onSide,
        pValue,
        schoolsPValue,
        adjustedPValue,
        candidates,
        leaders,
        others);
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
