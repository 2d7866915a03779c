package org.clusterlens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class FisherExactTestTest {

  @Test
  void ladyTastingTeaIsNotSignificant() {
    // Fisher's tea-tasting table [[3, 1], [1, 3]]: two-sided p = 34/70 = 0.4857.
    double p = FisherExactTest.twoSidedPValue(new Proportion(3, 4), new Proportion(1, 4));
    assertThat(p).isCloseTo(34.0 / 70, within(1e-12));
  }

  @Test
  void eightPointRiseInCohortsOfTwelveIsNotSignificant() {
    // 6/12 → 7/12: the tables with these margins are symmetric about 6.5, so p = 1.
    assertThat(FisherExactTest.twoSidedPValue(new Proportion(6, 12), new Proportion(7, 12)))
        .isCloseTo(1.0, within(1e-12));
  }

  @Test
  void agreesWithBruteForceEnumerationOfEveryTableUpToTenPerCohort() {
    for (int n1 = 1; n1 <= 10; n1++) {
      for (int n2 = 1; n2 <= 10; n2++) {
        for (int x1 = 0; x1 <= n1; x1++) {
          for (int x2 = 0; x2 <= n2; x2++) {
            double expected = bruteForce(x1, n1, x2, n2);
            double actual =
                FisherExactTest.twoSidedPValue(new Proportion(x1, n1), new Proportion(x2, n2));
            assertThat(actual)
                .as("%d/%d vs %d/%d", x1, n1, x2, n2)
                .isCloseTo(expected, within(1e-10));
          }
        }
      }
    }
  }

  /** Exact rational arithmetic: enumerate every table with the observed margins. */
  private static double bruteForce(int x1, int n1, int x2, int n2) {
    int met = x1 + x2;
    BigInteger all = binomial(n1 + n2, met);
    BigInteger observed = binomial(n1, x1).multiply(binomial(n2, x2));
    BigInteger sum = BigInteger.ZERO;
    for (int a = 0; a <= n1; a++) {
      int c = met - a;
      if (c < 0 || c > n2) {
        continue;
      }
      BigInteger ways = binomial(n1, a).multiply(binomial(n2, c));
      if (ways.compareTo(observed) <= 0) {
        sum = sum.add(ways);
      }
    }
    return new BigDecimal(sum).divide(new BigDecimal(all), MathContext.DECIMAL64).doubleValue();
  }

  private static BigInteger binomial(int n, int k) {
    BigInteger result = BigInteger.ONE;
    for (int i = 1; i <= k; i++) {
      result = result.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
    }
    return result;
  }
}
