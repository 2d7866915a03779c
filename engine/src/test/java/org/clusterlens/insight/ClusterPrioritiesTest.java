package org.clusterlens.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.junit.jupiter.api.Test;

class ClusterPrioritiesTest {

  private static final String L4 = "pct_level4_plus";
  private static final String L5 = "pct_level5_plus";

  @Test
  void findsAWeaknessMostSchoolsShareAndTheOneSchoolThatCouldLead() {
    PriorityFixtures f = PriorityFixtures.planted();

    ClusterPriorities found = ClusterPriorities.find(f.figures(), f.urns());

    SharedPriority writing =
        found.all().stream()
            .filter(p -> p.kind() == SharedPriority.Kind.SHARED_WEAKNESS)
            .filter(p -> p.subject().equals("writing"))
            .findFirst()
            .orElseThrow();
    assertThat(writing.onSide()).hasSize(7).doesNotContain(f.urns().get(7));
    // Its one test is a row of metrics.csv: 7 of 8 schools below, writing 17% against the rate
    // across subjects 34% (247 of 720 pupil results).
    Figure row = writing.test();
    assertThat(row.measure()).isEqualTo("shared_pattern_pct_level5_plus");
    assertThat(row.school()).isEqualTo(Figure.CLUSTER);
    assertThat(row.numerator()).isEqualTo(7.0);
    assertThat(row.denominator()).isEqualTo(8L);
    assertThat(row.value()).isCloseTo(100.0 * 41 / 240 - 100.0 * 247 / 720, within(1e-9));
    assertThat(row.selectedFinding()).isTrue();
    assertThat(writing.adjustedPValue())
        .isEqualTo(row.adjustedPValue())
        .isLessThanOrEqualTo(ClusterPriorities.Q);
    assertThat(found.patternRows()).contains(row).hasSize(3);
    assertThat(writing.leaders()).extracting(x -> x.school()).containsExactly(f.urns().get(7));

    SharedPriority maths =
        found.all().stream()
            .filter(p -> p.kind() == SharedPriority.Kind.STRENGTH_TO_SHARE)
            .filter(p -> p.subject().equals("maths"))
            .findFirst()
            .orElseThrow();
    assertThat(maths.onSide()).containsExactly(f.urns().get(7));
    // Reading and maths sit above the rate across subjects only because writing pulls it down:
    // that mirror image is not reported as a shared strength, and no school stands out in reading.
    assertThat(found.all()).noneMatch(p -> p.subject().equals("reading"));
    assertThat(found.all()).noneMatch(p -> p.kind() == SharedPriority.Kind.SHARED_STRENGTH);
  }

  @Test
  void aPatternSeenInSeveralPupilGroupsIsOnePriorityLedByAllPupils() {
    // The planted cluster again, with the same writing weakness among its girls (15 of each 30).
    PriorityFixtures f = PriorityFixtures.planted();
    for (int i = 0; i < 8; i++) {
      f.add("pct_level5_plus", "reading", i, "gender", "F", 6, 15);
      f.add("pct_level5_plus", "writing", i, "gender", "F", i == 7 ? 7 : 1, 15);
      f.add("pct_level5_plus", "maths", i, "gender", "F", i == 7 ? 13 : 6, 15);
    }

    ClusterPriorities found = ClusterPriorities.find(f.figures(), f.urns());

    List<SharedPriority> writing =
        found.all().stream()
            .filter(p -> p.kind() == SharedPriority.Kind.SHARED_WEAKNESS)
            .filter(p -> p.subject().equals("writing"))
            .toList();
    assertThat(writing).hasSize(1);
    assertThat(writing.get(0).clusterFigure().group()).isEqualTo(Figure.ALL);
    assertThat(writing.get(0).alsoSeenIn())
        .extracting(Figure::group, Figure::groupValue)
        .containsExactly(tuple("gender", "F"));
    assertThat(PriorityWording.alsoSeenIn(writing.get(0)))
        .isEqualTo("The same pattern shows for girls.");
  }

  @Test
  void theWeaknessReadsWithItsCountsAndNamesTheLeaderAsTheClusterAgreed() {
    PriorityFixtures f = PriorityFixtures.planted();
    Cluster cluster = f.cluster(false);
    SharedPriority writing = ClusterPriorities.find(f.figures(), f.urns()).all().get(0);

    // The eighth school is School H in every pack, the first school's included.
    String text =
        PriorityWording.paragraph(writing, SchoolNames.forSchool(cluster, f.urns().get(0)));

    assertThat(text)
        .startsWith(
            "Writing at Level 5+ (Key Stage 2, 2024-25): 7 of 8 schools are below the cluster's"
                + " rate for reading, writing and maths together.")
        .contains(
            "Across the cluster 17% (41 of 240 pupils) reached Level 5+ in writing, against 40%"
                + " (96 of 240 pupils) in reading and 46% (110 of 240 pupils) in maths.")
        .contains("The test, one for the whole pattern: if writing were no different")
        .contains("joint moderation of writing")
        .doesNotContain("pupil results")
        .contains("Could lead: School H (43% (13 of 30 pupils))")
        .doesNotContain("School number 8");
    assertThat(PriorityWording.paragraph(writing, SchoolNames.named(cluster)))
        .contains("Could lead: School number 8");
    // One test, one probability.
    assertThat(text.split("probability", -1)).hasSize(2);
  }

  @Test
  void schoolsThatDifferOnlyByChanceGiveNoPriorityInMostClusters() {
    // 200 clusters of eight schools (12 to 40 pupils) whose pupils all reach Level 4+ at 70% and
    // Level 5+ at 30% in every subject: any priority found is a false alarm.
    Random sizes = new Random(20251123L);
    JDKRandomGenerator rng = new JDKRandomGenerator(7);
    int clustersWithAlarm = 0;
    int clusters = 200;
    for (int c = 0; c < clusters; c++) {
      PriorityFixtures f = new PriorityFixtures(8);
      for (int i = 0; i < 8; i++) {
        int n = 12 + sizes.nextInt(29);
        for (String subject : List.of("reading", "writing", "maths")) {
          f.add(L4, subject, i, new BinomialDistribution(rng, n, 0.7).sample(), n);
          f.add(L5, subject, i, new BinomialDistribution(rng, n, 0.3).sample(), n);
        }
      }
      if (!ClusterPriorities.find(f.figures(), f.urns()).all().isEmpty()) {
        clustersWithAlarm++;
      }
    }
    System.out.printf(
        "ClusterPrioritiesTest: %d of %d null clusters raised any priority%n",
        clustersWithAlarm, clusters);
    assertThat(clustersWithAlarm).isLessThanOrEqualTo(clusters / 10);
  }

  @Test
  void aFixedNullClusterRaisesNothing() {
    PriorityFixtures f = new PriorityFixtures(6);
    int[][] counts = {{8, 20}, {6, 18}, {9, 25}, {5, 15}, {11, 30}, {7, 22}};
    for (int i = 0; i < 6; i++) {
      f.add(L5, "reading", i, counts[i][0], counts[i][1]);
      f.add(
          L5,
          "writing",
          i,
          counts[(i + 1) % 6][0] * counts[i][1] / counts[(i + 1) % 6][1],
          counts[i][1]);
      f.add(L5, "maths", i, counts[i][0] + (i % 2 == 0 ? 1 : -1), counts[i][1]);
    }

    assertThat(ClusterPriorities.find(f.figures(), f.urns()).all()).isEmpty();
  }

  @Test
  void aPupilGroupBelowTheReportingThresholdIsNotCompared() {
    PriorityFixtures f = new PriorityFixtures(8);
    for (int i = 0; i < 8; i++) {
      f.add(L5, "reading", i, "disadvantaged", "Y", 4, 10);
      f.add(L5, "writing", i, "disadvantaged", "Y", 0, 10);
      f.add(L5, "maths", i, "disadvantaged", "Y", 4, 10);
    }
    assertThat(ClusterPriorities.find(f.figures(), f.urns()).candidates()).isZero();

    PriorityFixtures bigger = new PriorityFixtures(8);
    for (int i = 0; i < 8; i++) {
      bigger.add(L5, "reading", i, "disadvantaged", "Y", 5, 12);
      bigger.add(L5, "writing", i, "disadvantaged", "Y", 0, 12);
      bigger.add(L5, "maths", i, "disadvantaged", "Y", 5, 12);
    }
    ClusterPriorities found = ClusterPriorities.find(bigger.figures(), bigger.urns());
    assertThat(found.all())
        .anyMatch(
            p ->
                p.kind() == SharedPriority.Kind.SHARED_WEAKNESS
                    && p.subject().equals("writing")
                    && PriorityWording.headline(p, u -> u)
                        .contains("Writing at Level 5+ for disadvantaged pupils"));
  }

  @Test
  void theMidPZScoreMatchesAHandWorkedCase() {
    // One of two at 0.5 sits exactly at the middle: mid-p 0.5, z = 0.
    assertThat(ClusterPriorities.midPZ(1, 2, 0.5)).isCloseTo(0, within(1e-12));
    // 0 of 10 at 0.3: mid-p = ½ · 0.7^10 = 0.0141243, z = -2.1935.
    assertThat(ClusterPriorities.midPZ(0, 10, 0.3)).isCloseTo(-2.1935, within(1e-3));
  }

  @Test
  void teacherAssessmentIsJudgedYearGroupByYearGroupInYearsFiveAndSixOnly() {
    // Writing planted low in every school, in Years 3 and 6 and in all pupils pooled.
    List<Figure> figures = new java.util.ArrayList<>();
    for (String yearGroup : List.of("3", "6", Figure.ALL)) {
      PriorityFixtures f = new PriorityFixtures(8);
      for (int i = 0; i < 8; i++) {
        f.add(L4, "reading", i, 20, 30);
        f.add(L4, "writing", i, i == 7 ? 21 : 8, 30);
        f.add(L4, "maths", i, 20, 30);
      }
      f.figures().stream().map(x -> asTeacherAssessment(x, yearGroup)).forEach(figures::add);
    }

    ClusterPriorities found = ClusterPriorities.find(figures, PriorityFixtures.planted().urns());

    assertThat(found.all())
        .filteredOn(p -> p.kind() == SharedPriority.Kind.SHARED_WEAKNESS)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.clusterFigure().group()).isEqualTo("year_group");
              assertThat(p.clusterFigure().groupValue()).isEqualTo("6");
              assertThat(PriorityWording.headline(p, u -> u))
                  .startsWith(
                      "Writing at Level 4+ in Year 6 (teacher assessment, Autumn 2025-26): 7 of 8"
                          + " schools are below");
            });
    assertThat(found.patternRows()).allSatisfy(r -> assertThat(r.groupValue()).isEqualTo("6"));
  }

  @Test
  void aSchoolsStrengthInOneSubjectIsOnePriorityLedByItsStatutoryResult() {
    // The planted cluster's last school is strong in maths at KS2 and in Year 6 teacher assessment.
    PriorityFixtures f = PriorityFixtures.planted();
    List<Figure> figures = new java.util.ArrayList<>(f.figures());
    f.figures().stream().map(x -> asTeacherAssessment(x, "6")).forEach(figures::add);

    List<SharedPriority> maths =
        ClusterPriorities.find(figures, f.urns()).all().stream()
            .filter(p -> p.kind() == SharedPriority.Kind.STRENGTH_TO_SHARE)
            .filter(p -> p.subject().equals("maths"))
            .toList();

    assertThat(maths).hasSize(1);
    assertThat(maths.get(0).clusterFigure().assessment()).isEqualTo("ks2");
    assertThat(PriorityWording.alsoSeenIn(maths.get(0)))
        .isEqualTo(
            "The same pattern shows at Level 5+ in Year 6 (teacher assessment, Autumn 2025-26).");
  }

  @Test
  void everyNumberInEveryPrioritySentenceIsARowOfMetricsCsv() {
    PriorityFixtures f = PriorityFixtures.planted();
    ClusterPriorities found = ClusterPriorities.find(f.figures(), f.urns());
    List<Figure> rows = new java.util.ArrayList<>(f.figures());
    rows.addAll(found.patternRows());
    SentenceNumbers csv = new SentenceNumbers(org.clusterlens.report.MetricsCsv.render(rows));

    assertThat(found.all()).hasSizeGreaterThanOrEqualTo(2);
    for (SharedPriority p : found.all()) {
      // Peers by letter: the fixture's school names hold digits of their own.
      SchoolNames names = SchoolNames.forSchool(f.cluster(false), f.urns().get(0));
      for (TracedSentence s : PriorityWording.sentences(p, names)) {
        assertThat(csv.untraced(s)).as(s.text()).isEmpty();
      }
    }
  }

  private static Figure asTeacherAssessment(Figure f, String yearGroup) {
    Figure t =
        new Figure(
            f.measure(),
            "teacher",
            f.subject(),
            f.school(),
            yearGroup.equals(Figure.ALL) ? Figure.ALL : "year_group",
            yearGroup,
            "2025-26",
            "autumn",
            f.numerator(),
            f.denominator(),
            f.value());
    return f.pValue() == null ? t : t.withPValue(f.pValue());
  }
}
