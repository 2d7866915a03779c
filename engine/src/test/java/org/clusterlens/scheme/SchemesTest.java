package org.clusterlens.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.Grade;
import org.clusterlens.model.Subject;
import org.clusterlens.model.Term;
import org.junit.jupiter.api.Test;

class SchemesTest {

  private static AssessmentScheme table(String scheme, Assessment a, Subject s) {
    return Schemes.BUILT_IN.byId(scheme).orElseThrow().table(a, s).orElseThrow();
  }

  @Test
  void ks2ScaledScoresReachTheExpectedStandardAt100AndTheHigherAt110() {
    AssessmentScheme reading = table(Schemes.KS2_2016, Assessment.KS2, Subject.READING);

    assertThat(reading.read("99")).contains(new Grade("99", 99.0, null, 0));
    assertThat(reading.read("100")).contains(new Grade("100", 100.0, null, 1));
    assertThat(reading.read(" 109.0 ")).contains(new Grade("109", 109.0, null, 1));
    assertThat(reading.read("110")).contains(new Grade("110", 110.0, null, 2));
    assertThat(reading.read("120")).map(Grade::standard).contains(2);
    assertThat(reading.read("79")).isEmpty();
    assertThat(reading.read("121")).isEmpty();
    assertThat(reading.read("100.5")).isEmpty();
    assertThat(reading.read("4b")).isEmpty();
  }

  @Test
  void ks2PupilsWithoutAScoreCountAsNotReachingTheStandardUnlessTheirResultIsMissing() {
    AssessmentScheme maths = table(Schemes.KS2_2016, Assessment.KS2, Subject.MATHS);

    for (String code : List.of("A", "B", "T", "U")) {
      assertThat(maths.read(code)).as(code).contains(new Grade(code, null, null, 0));
    }
    assertThat(maths.read("m")).contains(Grade.notCounted("M"));
    assertThat(maths.acceptedWords())
        .isEqualTo("a whole-number score from 80 to 120, or one of A, B, T, U, M");
  }

  @Test
  void ks2WritingIsJudgedNotScored() {
    AssessmentScheme writing = table(Schemes.KS2_2016, Assessment.KS2, Subject.WRITING);

    assertThat(writing.read("GDS").map(Grade::standard)).contains(2);
    assertThat(writing.read("exs").map(Grade::standard)).contains(1);
    assertThat(writing.read("WTS").map(Grade::standard)).contains(0);
    assertThat(writing.read("PK3").map(Grade::standard)).contains(0);
    assertThat(writing.read("HNM").map(Grade::standard)).contains(0);
    assertThat(writing.read("GDS").orElseThrow().points()).isNull();
    assertThat(writing.read("105")).isEmpty();
  }

  @Test
  void levelsKeepTheirPointsAndReachLevel4And5() {
    AssessmentScheme teacher = table(Schemes.NC_LEVELS, Assessment.TEACHER, Subject.WRITING);

    assertThat(teacher.read("3a")).contains(new Grade("3a", 23.0, 3, 0));
    assertThat(teacher.read("4c")).contains(new Grade("4c", 25.0, 4, 1));
    assertThat(teacher.read("5b")).contains(new Grade("5b", 33.0, 5, 2));
  }

  @Test
  void ks1JudgementsCarryThePriorAttainmentPoints() {
    AssessmentScheme ks1 = table(Schemes.KS1_2016, Assessment.KS1, Subject.MATHS);

    assertThat(ks1.read("PKF")).contains(new Grade("PKF", 4.0, null, 0));
    assertThat(ks1.read("WTS")).contains(new Grade("WTS", 6.0, null, 0));
    assertThat(ks1.read("EXS")).contains(new Grade("EXS", 8.0, null, 1));
    assertThat(ks1.read("GDS")).contains(new Grade("GDS", 10.0, null, 2));
  }

  @Test
  void termlyJudgementsReadTheirPlusVariants() {
    AssessmentScheme termly = table(Schemes.TEACHER_2016, Assessment.TEACHER, Subject.READING);

    assertThat(termly.read("WTS+").map(Grade::standard)).contains(0);
    assertThat(termly.read("EXS+").map(Grade::standard)).contains(1);
    assertThat(termly.read("4b")).isEmpty();
  }

  @Test
  void aTrackerReadsItsOwnSteps() {
    Scheme tracker =
        Schemes.tracker(
            "steps",
            List.of(
                new Schemes.TrackerStep("Emerging", 1.0, 0),
                new Schemes.TrackerStep("Secure", 3.0, 1),
                new Schemes.TrackerStep("Mastery", 4.0, 2),
                new Schemes.TrackerStep("Absent", null, null)));

    AssessmentScheme steps = tracker.table(Assessment.TEACHER, Subject.MATHS).orElseThrow();
    assertThat(steps.read("secure")).contains(new Grade("Secure", 3.0, null, 1));
    assertThat(steps.read("Absent")).contains(Grade.notCounted("Absent"));
    assertThat(tracker.table(Assessment.KS2, Subject.MATHS)).isEmpty();
  }

  @Test
  void aSchoolsChoiceHoldsFromItsTermOnAndBeatsTheClustersChoiceFromTheSameTerm() {
    Term from = Term.parse("2024-25-autumn");
    SchemeChoices choices =
        new SchemeChoices(
            Schemes.BUILT_IN,
            List.of(
                new SchemeChoices.Choice("all", Assessment.TEACHER, from, Schemes.TEACHER_2016),
                new SchemeChoices.Choice("100001", Assessment.KS2, from, Schemes.KS2_2016)));

    assertThat(choices.schemeFor("100001", Term.parse("2023-24-summer"), Assessment.KS2).id())
        .isEqualTo(Schemes.NC_LEVELS);
    assertThat(choices.schemeFor("100001", Term.parse("2024-25-summer"), Assessment.KS2).id())
        .isEqualTo(Schemes.KS2_2016);
    assertThat(choices.schemeFor("100002", Term.parse("2024-25-summer"), Assessment.KS2).id())
        .isEqualTo(Schemes.NC_LEVELS);
    assertThat(choices.schemeFor("100002", Term.parse("2024-25-spring"), Assessment.TEACHER).id())
        .isEqualTo(Schemes.TEACHER_2016);
  }

  @Test
  void aChoiceMustNameASchemeThatCoversItsAssessment() {
    Term from = Term.parse("2024-25-autumn");

    assertThatThrownBy(
            () ->
                new SchemeChoices(
                    Schemes.BUILT_IN,
                    List.of(new SchemeChoices.Choice("all", Assessment.KS2, from, "scaled"))))
        .hasMessage("'scaled' is not a scheme; use one of nc-levels, ks2-2016, ks1-2016, ta-2016");
    assertThatThrownBy(
            () ->
                new SchemeChoices(
                    Schemes.BUILT_IN,
                    List.of(
                        new SchemeChoices.Choice(
                            "all", Assessment.TEACHER, from, Schemes.KS2_2016))))
        .hasMessage(
            "KS2 scaled scores and writing judgements (ks2-2016) cannot be used for Teacher"
                + " assessment");
  }
}
