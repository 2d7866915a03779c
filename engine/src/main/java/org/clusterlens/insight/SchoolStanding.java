package org.clusterlens.insight;

import org.clusterlens.model.Figure;

/**
 * One school's figure on a measure, set against the cluster's own rate on that same measure with an
 * exact binomial test.
 *
 * @param figure the school's figure (with numerator and denominator); never null
 * @param clusterFigure the cluster's pooled figure on the same measure; never null
 * @param pValue the two-sided exact binomial p-value of the school's count against the cluster's
 *     rate
 * @param adjustedPValue that p-value adjusted (Benjamini–Hochberg) over every comparison the
 *     priorities made
 */
public record SchoolStanding(
    Figure figure, Figure clusterFigure, double pValue, double adjustedPValue) {

  /** The school's URN. */
  public String school() {
    return figure.school();
  }

  /** Tells whether the school is above the cluster and chance alone would rarely explain it. */
  public boolean clearlyAbove() {
    return figure.value() > clusterFigure.value() && adjustedPValue <= ClusterPriorities.Q;
  }
}
