package org.clusterlens.stats;

/** The method behind an interval, with a name fit to print once per pack; never null. */
public enum IntervalMethod {
  WILSON_SCORE("Wilson score"),
  CLOPPER_PEARSON_EXACT("Clopper–Pearson exact"),
  NEWCOMBE_HYBRID_SCORE("Newcombe hybrid score");

  private final String label;

  IntervalMethod(String label) {
    this.label = label;
  }

  /** The method's name for readers, e.g. "Wilson score". */
  public String label() {
    return label;
  }
}
