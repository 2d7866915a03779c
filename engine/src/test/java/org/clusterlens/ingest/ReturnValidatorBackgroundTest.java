package org.clusterlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.clusterlens.model.Ethnicity;
import org.clusterlens.model.Pupil;
import org.clusterlens.model.Term;
import org.junit.jupiter.api.Test;

/**
 * The optional ethnicity, date-joined and looked-after columns: read when present, never required.
 */
class ReturnValidatorBackgroundTest {

  private static final String[] UPNS = {"W850210011501", "K850210011502", "Z850210011503"};

  private static ReturnCheck validate(String headerRow, String... pupils) {
    List<RawSheet.Row> rows = new ArrayList<>();
    rows.add(new RawSheet.Row(1, List.of(headerRow.split(","))));
    for (int i = 0; i < pupils.length; i++) {
      rows.add(
          new RawSheet.Row(
              i + 2,
              List.of((UPNS[i] + ",01/10/2013,F,6,N,N,N,N,4b,4b,4b," + pupils[i]).split(",", -1))));
    }
    RawSheet sheet = new RawSheet("100001.csv", null, rows);
    List<ReturnProblem> problems = new ArrayList<>();
    HeaderMapping header = HeaderMapping.find(sheet, problems).orElseThrow();
    return ReturnValidator.validate(
        sheet,
        header,
        new ReturnIdentity("100001", Term.parse("2024-25-spring"), "100001.csv", "sha"));
  }

  private static final String BASE =
      "UPN,Date of birth,Gender,Year group,FSM,Disadvantaged,SEN,EAL,Reading,Writing,Maths";

  @Test
  void readsCensusCodesDescriptionsAndEntryDatesUnderTheirCensusNames() {
    ReturnCheck check =
        validate(
            BASE + ",Ethnic group,EntryDate", "wbri,01/09/2018", "Black African,14/01/2025", ",");

    assertThat(check.problems()).isEmpty();
    assertThat(check.pupils())
        .extracting(Pupil::ethnicity, Pupil::dateJoined)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Ethnicity.WBRI, LocalDate.of(2018, 9, 1)),
            org.assertj.core.groups.Tuple.tuple(Ethnicity.BAFR, LocalDate.of(2025, 1, 14)),
            org.assertj.core.groups.Tuple.tuple(null, null));
    assertThat(Ethnicity.BAFR.majorGroup().code()).isEqualTo("black");
  }

  @Test
  void aReturnWithoutTheColumnsIsAcceptedWithNeitherKnown() {
    ReturnCheck check = validate(BASE, "");

    assertThat(check.accepted()).isTrue();
    assertThat(check.pupils().get(0).ethnicity()).isNull();
    assertThat(check.pupils().get(0).dateJoined()).isNull();
  }

  @Test
  void anUnknownCodeOrAJoiningDateBeforeBirthIsAnErrorNamingWhatWouldBeAccepted() {
    ReturnCheck check =
        validate(BASE + ",Ethnicity,Date joined", "WBR,01/09/2018", "WBRI,01/09/2012");

    assertThat(check.accepted()).isFalse();
    assertThat(check.errors())
        .extracting(ReturnProblem::sentence)
        .containsExactly(
            "100001.csv, row 2, column 'Ethnicity': 'WBR' is not a school census ethnicity code."
                + " Use one of WBRI, WIRI, WIRT, WOTH, WROM, MWBC, MWBA, MWAS, MOTH, AIND, APKN,"
                + " ABAN, AOTH, BCRB, BAFR, BOTH, CHNE, OOTH, REFU, NOBT, or leave it empty.",
            "100001.csv, row 3, column 'Date joined': '01/09/2012' is before the pupil's date of"
                + " birth 01/10/2013. Write the date the pupil joined this school, e.g. 01/09/2019.");
  }

  @Test
  void lookedAfterIsReadUnderItsCommonNamesAndUnknownWhenLeftEmpty() {
    for (String header : List.of("Looked after", "LAC", "CLA", "Child looked after", "In care")) {
      ReturnCheck check = validate(BASE + "," + header, "Y", "n", "");

      assertThat(check.problems()).as(header).isEmpty();
      assertThat(check.pupils()).extracting(Pupil::lookedAfter).containsExactly(true, false, null);
    }
  }

  @Test
  void aReturnWithoutLookedAfterLeavesItUnknownAndAWrongValueIsAnError() {
    assertThat(validate(BASE, "").pupils().get(0).lookedAfter()).isNull();

    ReturnCheck check = validate(BASE + ",LAC", "maybe");

    assertThat(check.errors())
        .extracting(ReturnProblem::sentence)
        .containsExactly(
            "100001.csv, row 2, column 'LAC': 'maybe' is not a yes/no value. Use Y or N (1/0,"
                + " Yes/No and TRUE/FALSE also work).");
  }
}
