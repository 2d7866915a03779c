package org.clusterlens.stats;

/** How funnel control limits are drawn, with a name fit to print; never null. */
public enum FunnelLimitMethod {
  /** θ₀ ± z·√(θ₀(1−θ₀)/n), clipped to [0, 1]. */
  NORMAL_APPROXIMATION("normal approximation"),
  /** Binomial quantiles with Spiegelhalter's (2005, appendix) interpolation, for small n. */
  EXACT_BINOMIAL("exact binomial");

  private final String label;

  FunnelLimitMethod(String label) {
    this.label = label;
  }

  /** The method's name for readers, e.g. "exact binomial". */
  public String label() {
    return label;
  }
}
