package org.clusterlens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TermTest {

  @Test
  void readsAndWritesTermIds() {
    Term t = Term.parse("2024-25-Autumn");
    assertThat(t.academicYear()).isEqualTo("2024-25");
    assertThat(t.season()).isEqualTo(Term.Season.AUTUMN);
    assertThat(t.id()).isEqualTo("2024-25-autumn");
    assertThat(t.label()).isEqualTo("Autumn 2024-25");
  }

  @Test
  void ordersTermsWithinAndAcrossYears() {
    assertThat(Term.parse("2023-24-summer")).isLessThan(Term.parse("2024-25-autumn"));
    assertThat(Term.parse("2024-25-autumn")).isLessThan(Term.parse("2024-25-spring"));
  }

  @Test
  void theYearBeforeCrossesTheCentury() {
    assertThat(Term.previousAcademicYear("2024-25")).isEqualTo("2023-24");
    assertThat(Term.previousAcademicYear("2000-01")).isEqualTo("1999-00");
  }

  @Test
  void rejectsAnAcademicYearThatDoesNotFollowOn() {
    assertThatThrownBy(() -> Term.parse("2024-26-autumn"))
        .hasMessage("'2024-26' is not an academic year; write it like 2024-25");
    assertThatThrownBy(() -> Term.parse("2024-25-winter"))
        .hasMessage(
            "'2024-25-winter' is not a term; write it like 2024-25-autumn (autumn, spring"
                + " or summer)");
  }
}
