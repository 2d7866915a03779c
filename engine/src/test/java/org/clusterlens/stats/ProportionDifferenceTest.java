package org.clusterlens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProportionDifferenceTest {

  /**
   * Newcombe (1998) Stat Med 17:873, Table II, method 10, for p1 − p2 with z = 1.96; here "after"
   * is p1 and "before" is p2.
   */
  @ParameterizedTest(name = "{0}/{1} − {2}/{3}")
  @CsvSource({
    "56, 70, 48, 80, 0.2000, 0.0524, 0.3339",
    "9, 10, 3, 10, 0.6000, 0.1705, 0.8090",
    "6, 7, 2, 7, 0.5714, 0.0582, 0.8062",
    "5, 56, 0, 29, 0.0893, -0.0381, 0.1926",
    "0, 10, 0, 20, 0.0000, -0.1611, 0.2775",
    "10, 10, 0, 20, 1.0000, 0.6791, 1.0000",
  })
  void matchesNewcombesPublishedExamples(
      int x1, int n1, int x2, int n2, double difference, double lower, double upper) {
    ProportionDifference d =
        ProportionDifference.newcombe(
            new Proportion(x2, n2), new Proportion(x1, n1), ConfidenceLevel.NINETY_FIVE);
    assertThat(d.difference()).isCloseTo(difference, within(5e-5));
    assertThat(d.interval().lower()).isCloseTo(lower, within(5e-5));
    assertThat(d.interval().upper()).isCloseTo(upper, within(5e-5));
    assertThat(d.method().label()).isEqualTo("Newcombe hybrid score");
  }

  @ParameterizedTest(name = "{0}/{1} vs {2}/{3}")
  @CsvSource({"3, 12, 7, 11", "0, 5, 5, 5", "14, 20, 9, 26"})
  void swappingTheCohortsNegatesTheInterval(int x1, int n1, int x2, int n2) {
    Proportion a = new Proportion(x1, n1);
    Proportion b = new Proportion(x2, n2);
    Interval forward = ProportionDifference.newcombe(a, b, ConfidenceLevel.NINETY_FIVE).interval();
    Interval back = ProportionDifference.newcombe(b, a, ConfidenceLevel.NINETY_FIVE).interval();
    assertThat(forward.lower()).isCloseTo(-back.upper(), within(1e-12));
    assertThat(forward.upper()).isCloseTo(-back.lower(), within(1e-12));
  }
}
