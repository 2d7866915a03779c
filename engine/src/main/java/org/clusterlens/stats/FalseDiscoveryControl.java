package org.clusterlens.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Benjamini–Hochberg false-discovery control over a list of candidate findings, so that key points
 * are not chosen by raw p &lt; 0.05; the list and its findings must not be null ({@link
 * NullPointerException}) and q must lie in (0, 1] ({@link IllegalArgumentException}).
 */
public final class FalseDiscoveryControl {

  /** The default false-discovery rate, 5%. */
  public static final double DEFAULT_Q = 0.05;

  private FalseDiscoveryControl() {}

  /** Screens at q = {@value #DEFAULT_Q}; see {@link #benjaminiHochberg(List, double)}. */
  public static List<ScreenedFinding> benjaminiHochberg(List<Finding> findings) {
    return benjaminiHochberg(findings, DEFAULT_Q);
  }

  /**
   * Screens the findings, returned in the order given: with m findings ranked by p-value, the k
   * smallest are selected where k is the largest rank i with p(i) ≤ i·q/m (step-up); the adjusted
   * p-value of rank i is min over j ≥ i of min(1, m·p(j)/j). An empty list gives an empty list.
   */
  public static List<ScreenedFinding> benjaminiHochberg(List<Finding> findings, double q) {
    Objects.requireNonNull(findings, "findings");
    if (!(q > 0 && q <= 1)) {
      throw new IllegalArgumentException(
          "The false-discovery rate q must lie in (0, 1], but was " + q);
    }
    int m = findings.size();
    List<Integer> byP = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      Objects.requireNonNull(findings.get(i), "finding");
      byP.add(i);
    }
    byP.sort(Comparator.comparingDouble(i -> findings.get(i).pValue()));

    int selectedCount = 0;
    for (int rank = 1; rank <= m; rank++) {
      if (findings.get(byP.get(rank - 1)).pValue() <= rank * q / m) {
        selectedCount = rank;
      }
    }
    double[] adjusted = new double[m];
    double runningMin = 1;
    for (int rank = m; rank >= 1; rank--) {
      int index = byP.get(rank - 1);
      runningMin = Math.min(runningMin, m * findings.get(index).pValue() / rank);
      adjusted[index] = runningMin;
    }
    ScreenedFinding[] screened = new ScreenedFinding[m];
    for (int rank = 1; rank <= m; rank++) {
      int index = byP.get(rank - 1);
      Selection selection = rank <= selectedCount ? Selection.SELECTED : Selection.NOT_SELECTED;
      screened[index] = new ScreenedFinding(findings.get(index), adjusted[index], selection);
    }
    return List.of(screened);
  }
}
