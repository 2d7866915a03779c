package org.clusterlens.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.clusterlens.report.MetricsCsv;
import org.junit.jupiter.api.Test;

class SelfEvaluationTest {

  private static final Cluster CLUSTER = RealisticFigures.cluster(false);
  private static final List<Figure> FIGURES = RealisticFigures.figures();
  private static final ClusterPriorities PRIORITIES =
      ClusterPriorities.find(FIGURES, List.of(RealisticFigures.URNS));

  @Test
  void everyNumberInEverySentenceIsARowOfMetricsCsv() {
    List<Figure> rows = new ArrayList<>(FIGURES);
    rows.addAll(PRIORITIES.patternRows());
    SentenceNumbers csv = new SentenceNumbers(MetricsCsv.render(rows));
    List<String> problems = new ArrayList<>();
    int numbers = 0;
    for (String urn : RealisticFigures.URNS) {
      for (TracedSentence s : SelfEvaluation.of(CLUSTER, urn, FIGURES, PRIORITIES).sentences()) {
        numbers += SentenceNumbers.numbersIn(s.text()).size();
        List<String> untraced = csv.untraced(s);
        if (!untraced.isEmpty()) {
          problems.add(urn + ": " + untraced + " in \"" + s.text() + "\"");
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(numbers).isGreaterThan(6 * 30);
  }

  @Test
  void everySentenceWithAPercentageGivesItsN() {
    for (String urn : RealisticFigures.URNS) {
      for (TracedSentence s : SelfEvaluation.of(CLUSTER, urn, FIGURES, PRIORITIES).sentences()) {
        long percentages = s.text().chars().filter(c -> c == '%').count();
        long ns = s.text().split(" of \\d+ pupil", -1).length - 1L;
        assertThat(ns).as(s.text()).isGreaterThanOrEqualTo(percentages / 3);
        if (percentages > 0) {
          assertThat(s.text()).as(s.text()).containsPattern("\\d+ of \\d+ pupil");
        }
      }
    }
  }

  @Test
  void theSchoolsInThePlantedWeaknessReadItAsASharedPriorityAndTheStrongOneAsALead() {
    SharedPriority writing =
        PRIORITIES.all().stream()
            .filter(p -> p.kind() == SharedPriority.Kind.SHARED_WEAKNESS)
            .filter(p -> p.subject().equals("writing") && p.measure().equals("pct_level5_plus"))
            .findFirst()
            .orElseThrow();
    String weak = writing.onSide().get(0);
    assertThat(SelfEvaluation.of(CLUSTER, weak, FIGURES, PRIORITIES).plainText("Orchard Cluster"))
        .contains("Writing at Level 5+ is a priority the cluster shares: ")
        .contains("Attainment at the end of Key Stage 2, 2024-25")
        .contains("Change since 2023-24")
        .contains("Progress from Key Stage 1, 2024-25")
        .contains(" made the expected progress of two whole levels from Key Stage 1, against ")
        .containsPattern(
            "Value added in maths was [-+]?\\d+(\\.\\d)? points for \\d+ pupils \\(range");
    assertThat(
            SelfEvaluation.of(CLUSTER, "300006", FIGURES, PRIORITIES).plainText("Orchard Cluster"))
        .contains("so the school could help lead the shared work")
        .doesNotContain("Alder", "Birch", "Cherry");
  }
}
