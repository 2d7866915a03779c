package org.clusterlens.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clusterlens.metrics.Measures;
import org.clusterlens.report.GovernorDetails;
import org.clusterlens.report.GovernorDetails.NotKnownRow;
import org.junit.jupiter.api.Test;

/** A pack's group table says, in one line, how many pupils' characteristic is not known. */
class GroupsNotKnownLineTest {

  @Test
  void oneCharacteristicNotRecordedIsOneLine() {
    assertThat(GovernorDetails.notKnownLine(List.of(new NotKnownRow(Measures.FSM, 12L))))
        .hasValue("FSM not recorded for 12 pupils. They are left out of these groups.");
  }

  @Test
  void aReturnOfResultsAloneNamesEveryCharacteristicOnce() {
    List<NotKnownRow> rows =
        List.of(
            new NotKnownRow(Measures.SEASON_OF_BIRTH, 11L),
            new NotKnownRow(Measures.GENDER, 11L),
            new NotKnownRow(Measures.FSM, 11L),
            new NotKnownRow(Measures.DISADVANTAGED, 11L),
            new NotKnownRow(Measures.SEN, 11L),
            new NotKnownRow(Measures.EAL, 11L));

    assertThat(GovernorDetails.notKnownLine(rows))
        .hasValue(
            "Date of birth (season of birth), gender, FSM, disadvantaged (pupil premium), SEN and"
                + " EAL not recorded for 11 pupils. They are left out of these groups.");
  }

  @Test
  void aWithheldCountIsNotPrintedAndNothingIsSaidWhenAllAreKnown() {
    assertThat(GovernorDetails.notKnownLine(List.of(new NotKnownRow(Measures.SEN, null))))
        .hasValue(
            "SEN not recorded for some pupils (how many is withheld to protect pupils). They are"
                + " left out of these groups.");
    assertThat(GovernorDetails.notKnownLine(List.of())).isEmpty();
  }

  @Test
  void theGroupsSectionPrintsTheLineEvenWithNoGapToShow() {
    StringBuilder out = new StringBuilder();

    GovernorSections.groups(
        out,
        "Groups and gaps",
        List.of(),
        List.of(new NotKnownRow(Measures.FSM, 12L)),
        "the rest of the school");

    assertThat(out.toString())
        .contains("<p>FSM not recorded for 12 pupils. They are left out of these groups.</p>");
  }
}
