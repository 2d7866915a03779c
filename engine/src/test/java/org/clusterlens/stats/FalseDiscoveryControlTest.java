package org.clusterlens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FalseDiscoveryControlTest {

  @Test
  void stepUpSelectsAFindingThatMissedItsOwnThresholdBecauseALaterOneMetIts() {
    // Ranked: 0.005 (≤ 0.01), 0.025 (> 0.02), 0.029 (≤ 0.03), 0.20, 0.5, so k = 3.
    // Adjusted: 0.025, min(0.0625, 0.04833) = 0.04833, 0.04833, 0.25, 0.5 (as R's p.adjust "BH"
    // and scipy's false_discovery_control give).
    List<ScreenedFinding> screened =
        FalseDiscoveryControl.benjaminiHochberg(
            List.of(
                new Finding("School A maths", 0.20),
                new Finding("School B reading", 0.025),
                new Finding("School C writing", 0.005),
                new Finding("School D maths", 0.5),
                new Finding("School E reading", 0.029)));
    assertThat(screened)
        .extracting(s -> s.finding().label())
        .containsExactly(
            "School A maths",
            "School B reading",
            "School C writing",
            "School D maths",
            "School E reading");
    assertThat(screened)
        .extracting(ScreenedFinding::selection)
        .containsExactly(
            Selection.NOT_SELECTED,
            Selection.SELECTED,
            Selection.SELECTED,
            Selection.NOT_SELECTED,
            Selection.SELECTED);
    double[] adjusted = screened.stream().mapToDouble(ScreenedFinding::adjustedPValue).toArray();
    assertThat(adjusted[0]).isCloseTo(0.25, within(1e-12));
    assertThat(adjusted[1]).isCloseTo(0.145 / 3, within(1e-12));
    assertThat(adjusted[2]).isCloseTo(0.025, within(1e-12));
    assertThat(adjusted[3]).isCloseTo(0.5, within(1e-12));
    assertThat(adjusted[4]).isCloseTo(0.145 / 3, within(1e-12));
  }

  @Test
  void aSingleRawPBelowFivePercentAmongTwentyIsNotEnough() {
    List<Finding> findings = new ArrayList<>();
    findings.add(new Finding("School A reading", 0.04));
    for (int i = 1; i < 20; i++) {
      findings.add(new Finding("Other " + i, 0.3 + i * 0.03));
    }
    assertThat(FalseDiscoveryControl.benjaminiHochberg(findings))
        .noneMatch(ScreenedFinding::isSelected);
  }

  @Test
  void agreesWithTheDefinitionEvaluatedNaivelyOnRandomPValues() {
    Random random = new Random(20260401L);
    for (int trial = 0; trial < 200; trial++) {
      int m = 1 + random.nextInt(30);
      double q = trial % 2 == 0 ? 0.05 : 0.2;
      List<Finding> findings = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        double p = random.nextBoolean() ? random.nextDouble() * 0.02 : random.nextDouble();
        // Some ties, as with exact tests on equal cohorts.
        findings.add(new Finding("F" + i, i > 0 && i % 7 == 0 ? findings.get(i - 1).pValue() : p));
      }
      double[] sorted = findings.stream().mapToDouble(Finding::pValue).sorted().toArray();
      List<ScreenedFinding> screened = FalseDiscoveryControl.benjaminiHochberg(findings, q);
      for (int i = 0; i < m; i++) {
        double p = findings.get(i).pValue();
        // Naive: adjusted = min over sorted positions j at or after p's first rank of m·p(j)/j.
        int firstRank = Arrays.binarySearch(sorted, p);
        while (firstRank > 0 && sorted[firstRank - 1] == p) {
          firstRank--;
        }
        double naive = 1;
        boolean naiveSelected = false;
        for (int j = firstRank; j < m; j++) {
          naive = Math.min(naive, m * sorted[j] / (j + 1));
          naiveSelected |= sorted[j] <= (j + 1) * q / m;
        }
        assertThat(screened.get(i).adjustedPValue()).isCloseTo(naive, within(1e-12));
        assertThat(screened.get(i).isSelected())
            .as("trial %d finding %d", trial, i)
            .isEqualTo(naiveSelected);
      }
    }
  }

  @Test
  void aTallyOfPValuesGivesEachFindingTheAdjustedPValueTheListGivesIt() {
    Random random = new Random(20261207L);
    for (int trial = 0; trial < 200; trial++) {
      int m = 1 + random.nextInt(60);
      List<Finding> findings = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        // Exact tests of small cohorts give many equal p-values: draw from a few.
        double p = random.nextBoolean() ? (1 + random.nextInt(5)) / 64.0 : random.nextDouble();
        findings.add(new Finding("F" + i, p));
      }
      double[] distinct =
          findings.stream().mapToDouble(Finding::pValue).distinct().sorted().toArray();
      long[] counts = new long[distinct.length];
      for (Finding f : findings) {
        counts[Arrays.binarySearch(distinct, f.pValue())]++;
      }
      double[] adjusted = FalseDiscoveryControl.adjustedPValues(distinct, counts);
      List<ScreenedFinding> screened = FalseDiscoveryControl.benjaminiHochberg(findings);
      for (int i = 0; i < m; i++) {
        assertThat(adjusted[Arrays.binarySearch(distinct, findings.get(i).pValue())])
            .as("trial %d finding %d", trial, i)
            .isEqualTo(screened.get(i).adjustedPValue());
      }
    }
    assertThatThrownBy(
            () -> FalseDiscoveryControl.adjustedPValues(new double[] {0.2, 0.1}, new long[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry 1 is p = 0.1 with count 1");
  }

  @Test
  void emptyListGivesEmptyScreenAndBadQIsRejected() {
    assertThat(FalseDiscoveryControl.benjaminiHochberg(List.of())).isEmpty();
    assertThatThrownBy(() -> FalseDiscoveryControl.benjaminiHochberg(List.of(), 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The false-discovery rate q must lie in (0, 1], but was 5.0");
    assertThatThrownBy(() -> new Finding("School A maths", 1.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Finding 'School A maths' has p-value 1.2, but p-values lie in [0, 1]");
  }
}
