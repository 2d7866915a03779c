package org.clusterlens.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clusterlens.metrics.Screening;
import org.clusterlens.model.Figure;
import org.clusterlens.pipeline.PackWriter;
import org.clusterlens.report.KeyPoint;
import org.clusterlens.report.KeyPoint.Kind;
import org.clusterlens.report.SampleCluster;
import org.clusterlens.stats.SmallNumberRules;
import org.junit.jupiter.api.Test;

class KeyPointsTest {

  private static final List<Figure> SCREENED =
      Screening.screen(SampleCluster.figures(), SmallNumberRules.DEFAULT);

  private final List<KeyPoint> ashby =
      PackWriter.governorPack(
              SampleCluster.cluster(false),
              SampleCluster.ASHBY,
              SCREENED,
              SampleCluster.provenance())
          .keyPoints();

  @Test
  void leadsWithAHeadlineQuestionWithItsNTheClustersBesideAndItsJudgement() {
    assertThat(ashby)
        .extracting(KeyPoint::statement)
        .contains(
            "In 2024-25, 72% (36 of 50) reached Level 4+ in reading, writing and maths combined;"
                + " the cluster 74% (65 of 88). Cannot tell yet: chance alone could give this,"
                + " allowing for the 2 schools compared. By chance alone a school this size lands"
                + " between 60 and 85 in 100, 19 years in 20.");
  }

  @Test
  void aShiftThatWasNeverTestedIsNotAKeyPoint() {
    // Ashby's shifts carry no test (no p-value), so nothing can be said of them as a finding.
    assertThat(ashby).extracting(KeyPoint::statement).noneMatch(s -> s.contains(" rose "));
  }

  @Test
  void everyPointHasAQuestionAndTheyAreRankedStrengthsProbesThenUnclear() {
    assertThat(ashby).isNotEmpty().allSatisfy(p -> assertThat(p.question()).endsWith("?"));
    assertThat(ashby).isSortedAccordingTo((a, b) -> a.kind().compareTo(b.kind()));
    assertThat(ashby).hasSizeLessThanOrEqualTo(KeyPoints.FIRST_SCREEN);
  }

  @Test
  void aSchoolFarBelowTheClusterIsAProbeForThePartner() {
    List<KeyPoint> partner =
        PackWriter.clusterPack(SampleCluster.cluster(true), SCREENED, SampleCluster.provenance())
            .keyPoints();

    // Brook Lane: 5 of 8 (63%) against a cluster rate of 65 of 88: too few pupils to compare.
    assertThat(partner)
        .extracting(KeyPoint::statement)
        .noneMatch(s -> s.startsWith("Brook Lane School's"));
  }

  @Test
  void aPointsKindIsItsFiguresJudgement() {
    assertThat(ashby)
        .filteredOn(p -> p.kind() == Kind.NOT_YET_CLEAR)
        .allSatisfy(p -> assertThat(p.statement()).contains("Cannot tell yet"));
  }
}
