package org.clusterlens.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpnTest {

  @Test
  void acceptsThePublishedExample() {
    assertThat(Upn.checkLetter("801200005001")).isEqualTo('B');
    assertThat(Upn.isValid("B801200005001")).isTrue();
  }

  @Test
  void rejectsWrongCheckLetterAndSaysWhichIsRight() {
    assertThat(Upn.problem("A801200005001"))
        .hasValue(
            "the check letter should be 'B' for these digits, so a character has probably been"
                + " mistyped");
  }

  @Test
  void acceptsTemporaryUpnEndingInALetter() {
    String rest = "80120000500A";
    assertThat(Upn.isValid(Upn.checkLetter(rest) + rest)).isTrue();
  }

  @Test
  void rejectsWrongLengthAndForbiddenLetters() {
    assertThat(Upn.problem("B80120000500")).get().asString().contains("13 characters");
    assertThat(Upn.problem("I801200005001")).get().asString().contains("not I, O or S");
    assertThat(Upn.problem(" ")).hasValue("the UPN is missing");
  }
}
