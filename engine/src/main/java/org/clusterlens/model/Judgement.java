package org.clusterlens.model;

/**
 * The one judgement made on a question a pack asks of a figure (is this school above the cluster?
 * did this change come by chance?): made once, when the figures are screened, and read by every
 * output — key points, tables, visit briefs, workbooks, self-evaluation text and the metrics
 * export.
 *
 * @param verdict what the figure says; never null
 * @param reason why, in one code the outputs turn into words; never null
 * @param family the declared family of questions the false-discovery control was run within, e.g.
 *     {@code school:128417:2024-25}; never null
 * @param familySize how many questions that family held (those with enough pupils to be tested)
 */
public record Judgement(Verdict verdict, Reason reason, String family, int familySize) {

  public Judgement {
    if (verdict == null || reason == null || family == null) {
      throw new IllegalArgumentException("A judgement needs its verdict, reason and family");
    }
  }

  /** What a figure says about its question. */
  public enum Verdict {
    /** Clearly better than chance alone would usually give, within its family's guard. */
    STRONG("strong"),
    /** Clearly worse than chance alone would usually give, within its family's guard. */
    TO_PROBE("to probe"),
    /**
     * A side question whose own test is small: shown beyond the first screen, never called clear.
     */
    WORTH_A_LOOK("worth a look"),
    /** Chance alone could give a result like this, or there are too few pupils to say. */
    CANNOT_TELL("cannot tell yet");

    private final String words;

    Verdict(String words) {
      this.words = words;
    }

    /** The verdict as the packs print it, e.g. "to probe". */
    public String words() {
      return words;
    }

    /** The code the metrics export writes, e.g. {@code to_probe}. */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Why a figure got its verdict. */
  public enum Reason {
    /**
     * Its test survived the false-discovery control within its family (and, on a funnel, it lies
     * outside the 95% limits).
     */
    CLEAR_OF_CHANCE,
    /** Its test, within its family, leaves chance a reasonable explanation. */
    WITHIN_CHANCE,
    /** On a funnel: its test alone is small but it lies inside the cluster's 95% limits. */
    INSIDE_LIMITS,
    /**
     * A side question: its own test is small (p at most 0.01), but it is one of very many asked.
     */
    SMALL_P_AMONG_MANY,
    /** Fewer pupils than the reporting threshold: no comparison is drawn. */
    TOO_FEW_PUPILS,
    /** Its counts are withheld to protect pupils, so nothing is said about it. */
    WITHHELD;

    /** The code the metrics export writes, e.g. {@code within_chance}. */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Tells whether the verdict is a clear one (strong or to probe). */
  public boolean clear() {
    return verdict == Verdict.STRONG || verdict == Verdict.TO_PROBE;
  }

  /** Tells whether the question is one of a school's or the cluster's headline questions. */
  public boolean headline() {
    return !family.equals(EXPLORATORY);
  }

  /** The family of every side question of a run: screened as worth a look, never clear. */
  public static final String EXPLORATORY = "exploratory";
}
