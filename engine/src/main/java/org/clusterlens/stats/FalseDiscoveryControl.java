package org.clusterlens.stats;

import it.unimi.dsi.fastutil.ints.IntArrays;
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
    double[] p = new double[m];
    int[] byP = new int[m];
    for (int i = 0; i < m; i++) {
      p[i] = Objects.requireNonNull(findings.get(i), "finding").pValue();
      byP[i] = i;
    }
    // By p-value, findings with the same p-value in the order given.
    IntArrays.quickSort(
        byP,
        (a, b) -> {
          int c = Double.compare(p[a], p[b]);
          return c != 0 ? c : Integer.compare(a, b);
        });

    int selectedCount = 0;
    for (int rank = 1; rank <= m; rank++) {
      if (p[byP[rank - 1]] <= rank * q / m) {
        selectedCount = rank;
      }
    }
    double[] adjusted = new double[m];
    double runningMin = 1;
    for (int rank = m; rank >= 1; rank--) {
      int index = byP[rank - 1];
      runningMin = Math.min(runningMin, m * p[index] / rank);
      adjusted[index] = runningMin;
    }
    ScreenedFinding[] screened = new ScreenedFinding[m];
    for (int rank = 1; rank <= m; rank++) {
      int index = byP[rank - 1];
      Selection selection = rank <= selectedCount ? Selection.SELECTED : Selection.NOT_SELECTED;
      screened[index] = new ScreenedFinding(findings.get(index), adjusted[index], selection);
    }
    return List.of(screened);
  }

  /**
   * The adjusted p-values {@link #benjaminiHochberg(List)} gives, from a tally of the findings'
   * p-values rather than the findings themselves, for families too large to hold as a list: {@code
   * pValues} the distinct p-values in ascending order, {@code counts} how many findings have each.
   * Findings with equal p-values get equal adjusted p-values, whatever their order, so the value
   * for each distinct p-value is the one every finding with it gets.
   *
   * @return the adjusted p-value of each distinct p-value, in the same order
   * @throws IllegalArgumentException if the arrays differ in length, a count is not positive, or
   *     the p-values are not strictly ascending
   */
  public static double[] adjustedPValues(double[] pValues, long[] counts) {
    if (pValues.length != counts.length) {
      throw new IllegalArgumentException(
          pValues.length + " p-values were tallied with " + counts.length + " counts");
    }
    long m = 0;
    long[] rankOfLast = new long[counts.length];
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 1 || (i > 0 && !(pValues[i - 1] < pValues[i]))) {
        throw new IllegalArgumentException(
            "A tally needs ascending distinct p-values with positive counts, but entry "
                + i
                + " is p = "
                + pValues[i]
                + " with count "
                + counts[i]);
      }
      m += counts[i];
      rankOfLast[i] = m;
    }
    double[] adjusted = new double[pValues.length];
    double runningMin = 1;
    for (int i = pValues.length - 1; i >= 0; i--) {
      // Of the findings with this p-value, the one of highest rank gives the smallest m·p/rank.
      runningMin = Math.min(runningMin, m * pValues[i] / rankOfLast[i]);
      adjusted[i] = runningMin;
    }
    return adjusted;
  }
}
