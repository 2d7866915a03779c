package org.clusterlens.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.clusterlens.report.MetricsCsv;
import org.clusterlens.report.html.TrainingPageHtml;
import org.junit.jupiter.api.Test;

class DataTrainingTest {

  private static final List<Figure> FIGURES = RealisticFigures.figures();

  @Test
  void threeWorkedExamplesFromTheClustersOwnFiguresEveryNumberARowOfMetricsCsv() {
    TrainingPage page = DataTraining.of(RealisticFigures.cluster(false), FIGURES);
    SentenceNumbers csv = new SentenceNumbers(MetricsCsv.render(FIGURES));

    assertThat(page.examples()).hasSize(3);
    List<String> problems = new ArrayList<>();
    List<TracedSentence> all = new ArrayList<>();
    page.examples().forEach(x -> all.addAll(x.steps()));
    page.questions().forEach(q -> all.addAll(List.of(q.question(), q.answer())));
    for (TracedSentence s : all) {
      List<String> untraced = csv.untraced(s);
      if (!untraced.isEmpty()) {
        problems.add(untraced + " in \"" + s.text() + "\"");
      }
    }
    assertThat(problems).isEmpty();
    assertThat(page.questions()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(page.glossary())
        .extracting(TrainingPage.GlossaryEntry::term)
        .contains(
            "Average points (APS)",
            "Expected progress",
            "Prior attainment",
            "95% interval",
            "Test (how often chance alone would give this)",
            "Strong, to probe, cannot tell yet",
            "Why small cohorts swing");
  }

  @Test
  void theFallExampleIsTheLargestFallThatChanceCouldExplain() {
    Figure expected =
        FIGURES.stream()
            .filter(f -> f.measure().equals("shift_pct_level4_plus") && f.subject().equals("rwm"))
            .filter(f -> !f.school().equals(Figure.CLUSTER) && f.value() < 0)
            .filter(f -> f.judgement() != null && !f.selectedFinding())
            .min((a, b) -> Double.compare(a.value(), b.value()))
            .orElseThrow();
    TrainingPage page = DataTraining.of(RealisticFigures.cluster(false), FIGURES);

    TrainingPage.WorkedExample fall = page.examples().get(0);
    assertThat(fall.title()).isEqualTo("This looks like a fall: could chance explain it?");
    assertThat(fall.steps().get(0).sources()).contains(expected);
    assertThat(fall.steps().get(3).text()).contains("so this is not yet a clear change:");
  }

  @Test
  void schoolsAreAnonymousOnThePageEvenWhereTheClusterSharesNames() {
    Cluster sharing = RealisticFigures.cluster(true);
    String html = TrainingPageHtml.render(DataTraining.of(sharing, FIGURES), Instant.EPOCH);

    assertThat(html).contains("<h1>Reading your data</h1>", "School ", "Answers");
    sharing.schools().forEach(s -> assertThat(html).doesNotContain(s.name(), s.urn()));
    assertThat(html).doesNotContain("<script");
  }
}
