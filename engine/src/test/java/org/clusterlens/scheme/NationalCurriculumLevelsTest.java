package org.clusterlens.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import org.clusterlens.model.Grade;
import org.junit.jupiter.api.Test;

class NationalCurriculumLevelsTest {

  private static Grade teacher(String code) {
    return NationalCurriculumLevels.TEACHER_SUBLEVELS.read(code).orElseThrow();
  }

  @Test
  void wholeLevelIsSixLPlusThree() {
    assertThat(NationalCurriculumLevels.wholeLevelPoints(2)).isEqualTo(15);
    assertThat(NationalCurriculumLevels.wholeLevelPoints(4)).isEqualTo(27);
    assertThat(NationalCurriculumLevels.wholeLevelPoints(5)).isEqualTo(33);
  }

  @Test
  void subLevelsSitTwoPointsApart() {
    assertThat(teacher("3c").points()).isEqualTo(19.0);
    assertThat(teacher("3b").points()).isEqualTo(21.0);
    assertThat(teacher("3a").points()).isEqualTo(23.0);
    assertThat(teacher("4c").points()).isEqualTo(25.0);
    assertThat(teacher("5a").points()).isEqualTo(35.0);
    assertThat(teacher("W").points()).isEqualTo(3.0);
  }

  @Test
  void fourCIsLevelFourForTheThreshold() {
    assertThat(teacher("4c").level()).isEqualTo(4);
    assertThat(teacher("3a").level()).isEqualTo(3);
  }

  @Test
  void readsCodesWithoutRegardToCaseAndWholeLevelsAsB() {
    assertThat(teacher(" 4B ").code()).isEqualTo("4b");
    assertThat(teacher("4")).isEqualTo(teacher("4b"));
  }

  @Test
  void keyStageOnePointsMatchThePublishedTable() {
    AssessmentScheme ks1 = NationalCurriculumLevels.KS1_RESULTS;
    assertThat(ks1.read("W").orElseThrow().points()).isEqualTo(3.0);
    assertThat(ks1.read("1").orElseThrow().points()).isEqualTo(9.0);
    assertThat(ks1.read("2c").orElseThrow().points()).isEqualTo(13.0);
    assertThat(ks1.read("2B").orElseThrow().points()).isEqualTo(15.0);
    assertThat(ks1.read("2A").orElseThrow().points()).isEqualTo(17.0);
    assertThat(ks1.read("3").orElseThrow().points()).isEqualTo(21.0);
    assertThat(ks1.read("4+").orElseThrow().points()).isEqualTo(27.0);
    assertThat(ks1.read("A").orElseThrow().counted()).isFalse();
  }

  @Test
  void keyStageTwoPointsMatchThePublishedTable() {
    AssessmentScheme ks2 = NationalCurriculumLevels.KS2_RESULTS;
    assertThat(ks2.read("B").orElseThrow().points()).isEqualTo(15.0);
    assertThat(ks2.read("N").orElseThrow().points()).isEqualTo(15.0);
    assertThat(ks2.read("3").orElseThrow().points()).isEqualTo(21.0);
    assertThat(ks2.read("4").orElseThrow().points()).isEqualTo(27.0);
    assertThat(ks2.read("5").orElseThrow().points()).isEqualTo(33.0);
    assertThat(ks2.read("6").orElseThrow().points()).isEqualTo(39.0);
    assertThat(ks2.read("B").orElseThrow().level()).isZero();
    assertThat(ks2.read("M").orElseThrow().counted()).isFalse();
  }

  @Test
  void unknownCodesAreNotRead() {
    assertThat(NationalCurriculumLevels.TEACHER_SUBLEVELS.read("4x")).isEmpty();
    assertThat(NationalCurriculumLevels.KS2_RESULTS.read("4b")).isEmpty();
  }
}
