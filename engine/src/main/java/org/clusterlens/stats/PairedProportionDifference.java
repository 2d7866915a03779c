package org.clusterlens.stats;

import java.util.Objects;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The change in the share of the same pupils meeting a threshold from one judgement to the next
 * (after − before), with Newcombe's square-and-add interval for paired proportions (method 10 of
 * Newcombe 1998, Stat Med 17:2635; as Fagerland, Lydersen and Laake give it, with the continuity
 * corrected correlation) and the exact McNemar test on the pupils who changed side. No component is
 * null ({@link NullPointerException}).
 *
 * <p>Pairing uses what unpaired methods throw away: most pupils stay on the same side of the
 * threshold from one term to the next, so the change is known far better than two independent
 * cohorts' would be.
 *
 * @param counts the paired table
 * @param confidence the level
 * @param interval limits on after − before, within [−1, 1]
 * @param pValue the exact McNemar two-sided p-value: twice the binomial(b + c, ½) tail of the
 *     smaller of the two discordant counts, at most 1; 1 when no pupil changed side
 */
public record PairedProportionDifference(
    PairedCounts counts, ConfidenceLevel confidence, Interval interval, double pValue) {

  /** The interval's name for readers. */
  public static final String METHOD = "Newcombe paired square-and-add";

  /** The test's name for readers. */
  public static final String TEST = "exact McNemar";

  /** Checks for nulls. */
  public PairedProportionDifference {
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(interval, "interval");
  }

  /** The change, its interval and its exact test for a paired table; throws on null. */
  public static PairedProportionDifference of(PairedCounts counts, ConfidenceLevel confidence) {
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(confidence, "confidence");
    Proportion before = counts.before();
    Proportion after = counts.after();
    Interval b = ProportionIntervals.wilson(before, confidence).interval();
    Interval a = ProportionIntervals.wilson(after, confidence).interval();
    double pb = before.value();
    double pa = after.value();
    double phi = correlation(counts);
    double d = pa - pb;
    double dropA = pa - a.lower();
    double riseB = b.upper() - pb;
    double riseA = a.upper() - pa;
    double dropB = pb - b.lower();
    double lower = d - Math.sqrt(dropA * dropA + riseB * riseB - 2 * phi * dropA * riseB);
    double upper = d + Math.sqrt(riseA * riseA + dropB * dropB - 2 * phi * riseA * dropB);
    return new PairedProportionDifference(
        counts,
        confidence,
        new Interval(Math.max(-1, lower), Math.min(1, upper)),
        exactMcNemar(counts));
  }

  /**
   * The correlation between the two judgements, with Newcombe's continuity correction: (ad − bc −
   * n/2)/√(row and column totals) when ad − bc exceeds n/2, 0 from 0 to n/2, and (ad − bc)/√(…)
   * when negative; 0 when a margin is empty.
   */
  private static double correlation(PairedCounts c) {
    double met1 = c.both() + c.beforeOnly();
    double notMet1 = c.afterOnly() + c.neither();
    double met2 = c.both() + c.afterOnly();
    double notMet2 = c.beforeOnly() + c.neither();
    if (met1 == 0 || notMet1 == 0 || met2 == 0 || notMet2 == 0) {
      return 0;
    }
    double cross = (double) c.both() * c.neither() - (double) c.beforeOnly() * c.afterOnly();
    double half = c.pupils() / 2.0;
    double corrected = cross > half ? cross - half : (cross >= 0 ? 0 : cross);
    return corrected / Math.sqrt(met1 * notMet1 * met2 * notMet2);
  }

  private static double exactMcNemar(PairedCounts c) {
    int changed = c.beforeOnly() + c.afterOnly();
    if (changed == 0) {
      return 1;
    }
    int fewer = Math.min(c.beforeOnly(), c.afterOnly());
    return Math.min(
        1, 2 * new BinomialDistribution(null, changed, 0.5).cumulativeProbability(fewer));
  }

  /** After − before, as a fraction between −1 and 1. */
  public double difference() {
    return counts.after().value() - counts.before().value();
  }
}
