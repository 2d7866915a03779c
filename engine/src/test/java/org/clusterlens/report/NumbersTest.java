package org.clusterlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Numbers as packs and metrics.csv print them. */
class NumbersTest {

  @Test
  void wholeNumbersPrintWithoutAPointOrSign() {
    assertThat(Numbers.round(27, 1)).isEqualTo("27");
    assertThat(Numbers.round(-3, 0)).isEqualTo("-3");
    assertThat(Numbers.round(-0.0, 1)).isEqualTo("0");
    assertThat(Numbers.round(1_293_573, 1)).isEqualTo("1293573");
    assertThat(Numbers.round(1e20, 1)).isEqualTo("100000000000000000000");
  }

  @Test
  void fractionsRoundHalfUpAndDropTrailingZeros() {
    assertThat(Numbers.round(27.45, 1)).isEqualTo("27.5");
    assertThat(Numbers.round(27.04, 1)).isEqualTo("27");
    assertThat(Numbers.round(-0.04, 1)).isEqualTo("0");
    assertThat(Numbers.percent(72.5)).isEqualTo("73%");
    assertThat(Numbers.signedPoints(-0.4)).isEqualTo("0");
    assertThat(Numbers.signedPoints(8.2)).isEqualTo("+8");
  }

  @Test
  void theWholeNumberShortcutPrintsWhatTheDecimalRouteWould() {
    SplittableRandom random = new SplittableRandom(20261207);
    for (int i = 0; i < 100_000; i++) {
      double whole = random.nextLong(-10_000_000_000L, 10_000_000_000L);
      double value = i % 2 == 0 ? whole : whole / 10.0;
      for (int places = 0; places <= 2; places++) {
        assertThat(Numbers.round(value, places))
            .as("%s to %d places", value, places)
            .isEqualTo(decimalRoute(value, places));
      }
    }
  }

  @Test
  void fractionsPrintWhatTheDecimalRouteWould() {
    double[] edges = {
      0.5,
      -0.5,
      0.05,
      0.95,
      9.95,
      99.95,
      9.9995,
      0.99995,
      -0.99995,
      0.00005,
      -0.00005,
      0.00004,
      0.0001,
      0.001,
      0.0015,
      0.00149,
      1.00005,
      12.34565,
      0.123456789,
      1234567.89,
      9999999.99999,
      -0.0004999,
      0.72,
      72.5,
      27.45,
      27.04,
      -27.45,
      0.999999,
      0.9999995
    };
    for (double value : edges) {
      for (int places = 0; places <= 6; places++) {
        assertThat(Numbers.round(value, places))
            .as("%s to %d places", value, places)
            .isEqualTo(decimalRoute(value, places));
      }
    }
    SplittableRandom random = new SplittableRandom(20261208);
    for (int i = 0; i < 200_000; i++) {
      double value =
          switch (i % 4) {
            case 0 -> random.nextDouble();
            case 1 -> random.nextDouble(-300, 300);
            case 2 -> random.nextInt(-100_000, 100_000) / 10_000.0 + 0.00005;
            default -> random.nextInt(1, 1000) / (double) random.nextInt(1, 1000);
          };
      for (int places : new int[] {0, 1, 4, 6}) {
        assertThat(Numbers.round(value, places))
            .as("%s to %d places", value, places)
            .isEqualTo(decimalRoute(value, places));
      }
    }
  }

  @Test
  void thousandsAreSeparatedByCommas() {
    assertThat(Numbers.thousands(2_691)).isEqualTo("2,691");
    assertThat(Numbers.thousands(12)).isEqualTo("12");
  }

  private static String decimalRoute(double value, int places) {
    BigDecimal d =
        BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros();
    if (d.signum() == 0) {
      return "0";
    }
    return d.scale() < 0
        ? d.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
        : d.toPlainString();
  }
}
