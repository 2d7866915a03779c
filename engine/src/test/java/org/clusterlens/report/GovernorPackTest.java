package org.clusterlens.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.clusterlens.model.Figure;
import org.junit.jupiter.api.Test;

class GovernorPackTest {

  private final GovernorPack ashby =
      GovernorPack.assemble(
          SampleCluster.cluster(false),
          SampleCluster.ASHBY,
          SampleCluster.figures(),
          SampleCluster.provenance());

  @Test
  void peersAreLettersWhenTheClusterDoesNotShareNames() {
    assertThat(ashby.peers())
        .extracting(SchoolResults::label)
        .containsExactly("School B", "School C");
    assertThat(ashby.ownLetter()).isEqualTo("School A");
    assertThat(ashby.sources())
        .filteredOn(s -> s.school().equals("School B"))
        .singleElement()
        .satisfies(s -> assertThat(s.sourceFile()).isNull());
  }

  @Test
  void latestTermsComeFromTheFigures() {
    assertThat(ashby.ks2Year()).isEqualTo("2024-25");
    assertThat(ashby.previousKs2Year()).isEqualTo("2023-24");
    assertThat(ashby.teacherTerm().id()).isEqualTo("2025-26-autumn");
  }

  @Test
  void twoFiguresWithTheSameLabelsAreRejected() {
    Figure f = SampleCluster.ks2("pct_level4_plus", "rwm", "100001", "2024-25", 1, 2);

    assertThatThrownBy(
            () ->
                GovernorPack.assemble(
                    SampleCluster.cluster(false),
                    SampleCluster.ASHBY,
                    List.of(f, f),
                    SampleCluster.provenance()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Two figures carry the same labels");
  }
}
