package org.clusterlens.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clusterlens.pipeline.PackWriter;
import org.clusterlens.report.KeyPoint;
import org.clusterlens.report.KeyPoint.Kind;
import org.clusterlens.report.SampleCluster;
import org.junit.jupiter.api.Test;

class KeyPointsTest {

  private final List<KeyPoint> ashby =
      PackWriter.governorPack(
              SampleCluster.cluster(false),
              SampleCluster.ASHBY,
              SampleCluster.figures(),
              SampleCluster.provenance())
          .keyPoints();

  @Test
  void leadsWithRwmLevel4WithItsNAndTheClustersBeside() {
    assertThat(ashby)
        .extracting(KeyPoint::statement)
        .contains(
            "In 2024-25, 72% (36 of 50) of Year 6 reached Level 4+ in reading, writing and maths"
                + " together. The cluster's figure was 74% (65 of 88). That is within the range"
                + " chance alone could produce around the cluster's rate.");
  }

  @Test
  void aShiftWithNoRangeIsNeitherAStrengthNorAProbe() {
    KeyPoint shift =
        ashby.stream().filter(p -> p.statement().startsWith("That is 8")).findFirst().orElseThrow();

    assertThat(shift.statement())
        .isEqualTo(
            "That is 8 percentage points higher than in 2023-24, when it was 64% (32 of 50).");
    assertThat(shift.kind()).isEqualTo(Kind.NOT_YET_CLEAR);
  }

  @Test
  void everyPointHasAQuestionAndTheyAreRankedStrengthsProbesThenUnclear() {
    assertThat(ashby).isNotEmpty().allSatisfy(p -> assertThat(p.question()).endsWith("?"));
    assertThat(ashby).isSortedAccordingTo((a, b) -> a.kind().compareTo(b.kind()));
  }

  @Test
  void aSchoolFarBelowTheClusterIsAProbeForThePartner() {
    List<KeyPoint> partner =
        PackWriter.clusterPack(
                SampleCluster.cluster(true), SampleCluster.figures(), SampleCluster.provenance())
            .keyPoints();

    // Brook Lane: 5 of 8 (63%) against a cluster rate of 65 of 88: inside the exact limits.
    assertThat(partner)
        .extracting(KeyPoint::statement)
        .noneMatch(s -> s.startsWith("Brook Lane School's"));
  }
}
