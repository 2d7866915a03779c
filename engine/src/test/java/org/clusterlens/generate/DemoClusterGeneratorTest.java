package org.clusterlens.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.Grade;
import org.clusterlens.model.Term;
import org.clusterlens.model.Upn;
import org.clusterlens.scheme.AssessmentScheme;
import org.clusterlens.scheme.NationalCurriculumLevels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoClusterGeneratorTest {

  private static GeneratedCluster demo;

  @BeforeAll
  static void generateOnce() {
    demo = DemoClusterGenerator.generate(DemoClusterGenerator.DEFAULT_SEED);
  }

  @Test
  void sameSeedGivesIdenticalCluster() {
    assertThat(DemoClusterGenerator.generate(DemoClusterGenerator.DEFAULT_SEED)).isEqualTo(demo);
  }

  @Test
  void anotherSeedGivesOtherPupils() {
    GeneratedCluster other = DemoClusterGenerator.generate(7);
    assertThat(other.returns()).isNotEqualTo(demo.returns());
    assertThat(other.cluster()).isEqualTo(demo.cluster());
  }

  @Test
  void hasEightSchoolsEachWithOneReturnPerTermForSixTerms() {
    assertThat(demo.cluster().schools()).hasSize(8);
    assertThat(demo.cluster().shareSchoolNames()).isFalse();
    assertThat(demo.terms())
        .extracting(Term::id)
        .containsExactly(
            "2023-24-autumn",
            "2023-24-spring",
            "2023-24-summer",
            "2024-25-autumn",
            "2024-25-spring",
            "2024-25-summer");
    assertThat(demo.returns()).hasSize(8 * 6);
  }

  @Test
  void twoSchoolsHandInCsvAndTheRestXlsx() {
    Map<ReturnFormat, Set<String>> schoolsByFormat = new HashMap<>();
    demo.returns()
        .forEach(
            r ->
                schoolsByFormat
                    .computeIfAbsent(r.format(), f -> new HashSet<>())
                    .add(r.school().urn()));
    assertThat(schoolsByFormat.get(ReturnFormat.CSV)).hasSize(2);
    assertThat(schoolsByFormat.get(ReturnFormat.XLSX)).hasSize(6);
  }

  @Test
  void everyUpnIsValidAndUniqueWithinEachReturn() {
    for (GeneratedReturn r : demo.returns()) {
      List<String> upns = r.rows().stream().map(ReturnRow::upn).toList();
      assertThat(upns).as(r.relativePath()).allMatch(Upn::isValid).doesNotHaveDuplicates();
    }
  }

  @Test
  void rollsStayWithin35To300AndSpreadAcrossThatRange() {
    List<Integer> rolls = demo.returns().stream().map(r -> r.rows().size()).toList();
    assertThat(rolls).allMatch(n -> n >= 35 && n <= 300);
    assertThat(rolls.stream().mapToInt(Integer::intValue).min().orElseThrow())
        .isLessThanOrEqualTo(50);
    assertThat(rolls.stream().mapToInt(Integer::intValue).max().orElseThrow())
        .isGreaterThanOrEqualTo(280);
  }

  @Test
  void pupilsAreInYears1To6AndBornInTheirYearGroupsAcademicYear() {
    for (GeneratedReturn r : demo.returns()) {
      int startYear = r.term().startYear();
      for (ReturnRow row : r.rows()) {
        assertThat(row.yearGroup()).isBetween(1, 6);
        LocalDate earliest = LocalDate.of(startYear - row.yearGroup() - 5, 9, 1);
        assertThat(row.dateOfBirth())
            .as("%s in Year %d in %s", row.upn(), row.yearGroup(), r.term())
            .isBetween(earliest, earliest.plusYears(1).minusDays(1));
      }
    }
  }

  @Test
  void aYear6PupilIn2024To25WasBornSeptember2013ToAugust2014() {
    GeneratedReturn summer =
        demo.returnOf("128465", new Term("2024-25", Term.Season.SUMMER)).orElseThrow();
    assertThat(summer.rows())
        .filteredOn(r -> r.yearGroup() == 6)
        .isNotEmpty()
        .allMatch(
            r ->
                !r.dateOfBirth().isBefore(LocalDate.of(2013, 9, 1))
                    && !r.dateOfBirth().isAfter(LocalDate.of(2014, 8, 31)));
  }

  @Test
  void pupilsKeepTheirUpnAndMoveUpAYearAndYear6Leaves() {
    String urn = "128441";
    GeneratedReturn summer2024 =
        demo.returnOf(urn, new Term("2023-24", Term.Season.SUMMER)).orElseThrow();
    GeneratedReturn autumn2024 =
        demo.returnOf(urn, new Term("2024-25", Term.Season.AUTUMN)).orElseThrow();
    Map<String, ReturnRow> autumn = new HashMap<>();
    autumn2024.rows().forEach(r -> autumn.put(r.upn(), r));
    int stayed = 0;
    for (ReturnRow before : summer2024.rows()) {
      ReturnRow after = autumn.get(before.upn());
      if (before.yearGroup() == 6) {
        assertThat(after).as("Year 6 leaver %s", before.upn()).isNull();
      } else if (after != null) {
        stayed++;
        assertThat(after.yearGroup()).isEqualTo(before.yearGroup() + 1);
        assertThat(after.dateOfBirth()).isEqualTo(before.dateOfBirth());
        assertThat(after.surname()).isEqualTo(before.surname());
      }
    }
    long stayers = summer2024.rows().stream().filter(r -> r.yearGroup() < 6).count();
    assertThat(stayed).isGreaterThan((int) (stayers * 0.9));
    assertThat(autumn2024.rows()).anyMatch(r -> r.yearGroup() == 1);
  }

  @Test
  void someoneJoinsOrLeavesDuringTheTwoYears() {
    Set<String> seen = new HashSet<>();
    Set<String> firstTerm = new HashSet<>();
    demo.returns().stream()
        .filter(r -> r.term().id().equals("2023-24-autumn"))
        .forEach(r -> r.rows().forEach(row -> firstTerm.add(row.upn())));
    demo.returns().forEach(r -> r.rows().forEach(row -> seen.add(row.upn())));
    long joinersNotInYear1 =
        demo.returns().stream()
            .flatMap(r -> r.rows().stream())
            .filter(row -> !firstTerm.contains(row.upn()) && row.yearGroup() > 1)
            .map(ReturnRow::upn)
            .distinct()
            .count();
    assertThat(joinersNotInYear1).isPositive();
    assertThat(seen.size()).isGreaterThan(firstTerm.size());
  }

  @Test
  void everyFsmPupilIsDisadvantagedAndSomeOthersAreToo() {
    List<ReturnRow> rows = demo.returns().stream().flatMap(r -> r.rows().stream()).toList();
    assertThat(rows).filteredOn(ReturnRow::fsm).allMatch(ReturnRow::disadvantaged);
    assertThat(rows).anyMatch(r -> r.disadvantaged() && !r.fsm());
  }

  @Test
  void everyFullNameBelongsToOnePupil() {
    Map<String, String> upnByName = new HashMap<>();
    demo.returns().stream()
        .flatMap(r -> r.rows().stream())
        .forEach(
            row -> {
              String previous =
                  upnByName.putIfAbsent(row.forename() + " " + row.surname(), row.upn());
              assertThat(previous == null || previous.equals(row.upn()))
                  .as("%s %s", row.forename(), row.surname())
                  .isTrue();
            });
  }

  @Test
  void everyGradeCodeIsOneTheSchemeAccepts() {
    for (GeneratedReturn r : demo.returns()) {
      for (ReturnRow row : r.rows()) {
        assertAccepted(Assessment.TEACHER, row.teacherAssessment());
        if (row.ks1() != null) {
          assertAccepted(Assessment.KS1, row.ks1());
        }
        if (row.ks2() != null) {
          assertAccepted(Assessment.KS2, row.ks2());
        }
      }
    }
  }

  @Test
  void statutoryResultsAppearOnlyInYear2AndYear6SummerRows() {
    for (GeneratedReturn r : demo.returns()) {
      boolean summer = r.term().season() == Term.Season.SUMMER;
      for (ReturnRow row : r.rows()) {
        assertThat(row.ks1() != null).isEqualTo(summer && row.yearGroup() == 2);
        assertThat(row.ks2() != null).isEqualTo(summer && row.yearGroup() == 6);
      }
    }
  }

  @Test
  void teacherAssessmentRisesThroughTheYears() {
    AssessmentScheme scheme = NationalCurriculumLevels.forAssessment(Assessment.TEACHER);
    Map<Integer, Double> summerMean = new HashMap<>();
    for (int year = 1; year <= 6; year++) {
      int yearGroup = year;
      summerMean.put(
          year,
          demo.returns().stream()
              .filter(r -> r.term().id().equals("2024-25-summer"))
              .flatMap(r -> r.rows().stream())
              .filter(row -> row.yearGroup() == yearGroup)
              .mapToDouble(
                  row -> scheme.read(row.teacherAssessment().reading()).orElseThrow().points())
              .average()
              .orElseThrow());
    }
    assertThat(summerMean.get(2)).as("Year 2 around 2b").isBetween(14.0, 17.0);
    assertThat(summerMean.get(6)).as("Year 6 around 4b").isBetween(26.0, 30.0);
    for (int year = 2; year <= 6; year++) {
      assertThat(summerMean.get(year)).isGreaterThan(summerMean.get(year - 1) + 2);
    }
  }

  @Test
  void plantedSchoolHasExactlyThePlantedKs2CombinedCounts() {
    String urn = DemoClusterGenerator.PLANTED_RISE_URN;
    assertThat(combined(urn, "2023-24")).containsExactly(50, 36, 10);
    assertThat(combined(urn, "2024-25")).containsExactly(40, 32, 10);
    assertThat(demo.keyStage2Combined(urn, "2023-24")).isEqualTo(new KeyStage2Combined(50, 36, 10));
    assertThat(demo.keyStage2Combined(urn, "2024-25")).isEqualTo(new KeyStage2Combined(40, 32, 10));
  }

  @Test
  void clusterKs2CombinedLooksLikeTheLevelsEra() {
    for (String year : List.of("2023-24", "2024-25")) {
      KeyStage2Combined cluster = demo.keyStage2Combined(year);
      assertThat(cluster.percentLevel4Plus()).as(year).isBetween(65.0, 85.0);
      assertThat(cluster.percentLevel5Plus()).as(year).isBetween(12.0, 30.0);
    }
  }

  @Test
  void thePlantedRiseComesFromARiseInEachSubject() {
    String urn = DemoClusterGenerator.PLANTED_RISE_URN;
    for (String subject : List.of("reading", "writing", "maths")) {
      int[] before = subject(urn, "2023-24", subject);
      int[] after = subject(urn, "2024-25", subject);
      System.out.printf(
          "Kingsmead KS2 %s: 2023-24 L4+ %d of %d, L5+ %d; 2024-25 L4+ %d of %d, L5+ %d%n",
          subject, before[1], before[0], before[2], after[1], after[0], after[2]);
      assertThat(percent(after[1], after[0]))
          .as("Kingsmead's %s Level 4+ rises with its combined result", subject)
          .isGreaterThan(percent(before[1], before[0]));
      assertThat(percent(after[2], after[0]))
          .as("Kingsmead's %s Level 5+ does not fall", subject)
          .isGreaterThanOrEqualTo(percent(before[2], before[0]));
    }
  }

  @Test
  void eastwoldsMathsIsAClearStrengthInItsStatutoryResults() {
    String eastwold = PlantedPattern.MATHS_STRENGTH_URN;
    for (String year : List.of("2023-24", "2024-25")) {
      int[] school = subject(eastwold, year, "maths");
      int[] rest = new int[3];
      for (DemoSchool s : DemoClusterGenerator.SCHOOLS) {
        if (!s.school().urn().equals(eastwold)) {
          int[] other = subject(s.school().urn(), year, "maths");
          for (int i = 0; i < 3; i++) {
            rest[i] += other[i];
          }
        }
      }
      System.out.printf(
          "Eastwold KS2 maths %s: L4+ %d of %d, L5+ %d; other schools L4+ %d of %d, L5+ %d%n",
          year, school[1], school[0], school[2], rest[1], rest[0], rest[2]);
      double p =
          new org.apache.commons.math3.stat.inference.BinomialTest()
              .binomialTest(
                  school[0],
                  school[2],
                  (double) rest[2] / rest[0],
                  org.apache.commons.math3.stat.inference.AlternativeHypothesis.TWO_SIDED);
      assertThat(percent(school[2], school[0]) - percent(rest[2], rest[0]))
          .as("Eastwold's maths Level 5+ against the other schools' in %s", year)
          .isGreaterThanOrEqualTo(20);
      assertThat(p)
          .as("chance alone giving Eastwold's maths Level 5+ in %s", year)
          .isLessThan(0.01);
    }
  }

  private static double percent(int x, int n) {
    return 100.0 * x / n;
  }

  /** Pupils with a counted KS2 result in the subject, at Level 4+ and at Level 5+. */
  private static int[] subject(String urn, String academicYear, String subject) {
    AssessmentScheme ks2 = NationalCurriculumLevels.forAssessment(Assessment.KS2);
    GeneratedReturn summer =
        demo.returnOf(urn, new Term(academicYear, Term.Season.SUMMER)).orElseThrow();
    int[] counts = new int[3];
    for (ReturnRow row : summer.rows()) {
      if (row.ks2() == null) {
        continue;
      }
      String code =
          switch (subject) {
            case "reading" -> row.ks2().reading();
            case "writing" -> row.ks2().writing();
            default -> row.ks2().maths();
          };
      Grade g = ks2.read(code).orElseThrow();
      if (!g.counted()) {
        continue;
      }
      counts[0]++;
      counts[1] += g.level() >= 4 ? 1 : 0;
      counts[2] += g.level() >= 5 ? 1 : 0;
    }
    return counts;
  }

  /** Pupils, at Level 4+ and at Level 5+ in all three, counted straight from the KS2 codes. */
  private static List<Integer> combined(String urn, String academicYear) {
    AssessmentScheme ks2 = NationalCurriculumLevels.forAssessment(Assessment.KS2);
    GeneratedReturn summer =
        demo.returnOf(urn, new Term(academicYear, Term.Season.SUMMER)).orElseThrow();
    int pupils = 0;
    int level4 = 0;
    int level5 = 0;
    for (ReturnRow row : summer.rows()) {
      if (row.yearGroup() != 6) {
        continue;
      }
      List<Grade> grades =
          List.of(row.ks2().reading(), row.ks2().writing(), row.ks2().maths()).stream()
              .map(code -> ks2.read(code).orElseThrow())
              .toList();
      assertThat(grades).as("no absent codes in the planted school").allMatch(Grade::counted);
      int lowest = grades.stream().mapToInt(Grade::level).min().orElseThrow();
      pupils++;
      level4 += lowest >= 4 ? 1 : 0;
      level5 += lowest >= 5 ? 1 : 0;
    }
    return List.of(pupils, level4, level5);
  }

  private static void assertAccepted(Assessment assessment, SubjectGrades grades) {
    AssessmentScheme scheme = NationalCurriculumLevels.forAssessment(assessment);
    for (String code : List.of(grades.reading(), grades.writing(), grades.maths())) {
      assertThat(scheme.read(code)).as("%s code '%s'", assessment, code).isPresent();
    }
  }
}
