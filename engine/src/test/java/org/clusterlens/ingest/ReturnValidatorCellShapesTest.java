package org.clusterlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.clusterlens.model.Pupil;
import org.clusterlens.model.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cell shapes ingest reads by hand for speed (dates, flags, year groups, genders, UPNs), each
 * read as before: what is accepted, what it means, and what is refused with which words.
 */
class ReturnValidatorCellShapesTest {

  private static final String HEADER =
      "UPN|Date of birth|Gender|Year group|FSM|Disadvantaged|SEN|EAL|Reading|Writing|Maths";

  private static ReturnCheck validate(
      String upn, String dob, String gender, String yearGroup, String fsm) {
    List<RawSheet.Row> rows = new ArrayList<>();
    rows.add(new RawSheet.Row(1, List.of(HEADER.split("\\|"))));
    rows.add(
        new RawSheet.Row(
            2, List.of(upn, dob, gender, yearGroup, fsm, "N", "N", "N", "4b", "4b", "4b")));
    RawSheet sheet = new RawSheet("100001.csv", null, rows);
    HeaderMapping header = HeaderMapping.find(sheet, new ArrayList<>()).orElseThrow();
    return ReturnValidator.validate(
        sheet, header, new ReturnIdentity("100001", Term.parse("2024-25-autumn"), "f", "sha"));
  }

  @ParameterizedTest
  @CsvSource({
    "14/03/2015, 2015-03-14",
    "4/3/2015, 2015-03-04",
    "04/3/2015, 2015-03-04",
    "29/02/2016, 2016-02-29",
    "2015-03-14, 2015-03-14",
    "42077, 2015-03-14",
    "42077.0, 2015-03-14",
    "42077.000, 2015-03-14"
  })
  void datesAreReadInEveryShapeAccepted(String written, LocalDate meant) {
    ReturnCheck check = validate("W850210011501", written, "F", "5", "N");

    // Some of these dates fall in another year group: a warning, not an error.
    assertThat(check.errors()).isEmpty();
    assertThat(check.pupils()).extracting(Pupil::dateOfBirth).containsExactly(meant);
  }

  @ParameterizedTest
  @CsvSource({
    "31/02/2015",
    "29/02/2015",
    "14/13/2015",
    "0/3/2015",
    "14/03/15",
    "14/03/02015",
    "144/3/2015",
    "14//2015",
    "/03/2015",
    "14/03/",
    "42077.5",
    "42077.",
    "420",
    "2015-02-30",
    "14-03-2015"
  })
  void anythingElseIsNotADate(String written) {
    ReturnCheck check = validate("W850210011501", written, "F", "5", "N");

    assertThat(check.errors())
        .extracting(ReturnProblem::sentence)
        .containsExactly(
            "100001.csv, row 2, column 'Date of birth': '"
                + written
                + "' is not a date. Write the date as day/month/year, e.g. 14/03/2015.");
  }

  @ParameterizedTest
  @CsvSource({
    "Y, true",
    "y, true",
    "Yes, true",
    "1, true",
    "TRUE, true",
    "t, true",
    "N, false",
    "no, false",
    "0, false",
    "False, false",
    "f, false"
  })
  void flagsAreReadInEveryForm(String written, boolean meant) {
    ReturnCheck check = validate("W850210011501", "14/03/2015", "F", "5", written);

    assertThat(check.problems()).isEmpty();
    assertThat(check.pupils()).extracting(Pupil::fsm).containsExactly(meant);
  }

  @Test
  void anEmptyFlagIsNotKnownAndAWarningNeverNo() {
    ReturnCheck check = validate("W850210011501", "14/03/2015", "F", "5", "");

    assertThat(check.errors()).isEmpty();
    assertThat(check.pupils()).extracting(Pupil::fsm).containsNull();
    assertThat(check.warnings())
        .extracting(ReturnProblem::sentence)
        .containsExactly(
            "100001.csv, column 'FSM': FSM not recorded for 1 pupil (row 2): the pupil counts as"
                + " not known, so is left out of the FSM groups (neither Y nor N). Write Y or N for"
                + " each pupil; leave a cell empty only where the school does not know.");
  }

  @Test
  void anEmptyDateOfBirthOrGenderIsNotKnownButAnUnreadableGenderIsStillAnError() {
    ReturnCheck empty = validate("W850210011501", "", "", "5", "N");

    assertThat(empty.errors()).isEmpty();
    assertThat(empty.pupils()).extracting(Pupil::dateOfBirth).containsNull();
    assertThat(empty.pupils()).extracting(Pupil::gender).containsNull();
    assertThat(empty.warnings())
        .extracting(ReturnProblem::column)
        .containsExactlyInAnyOrder("Date of birth", "Gender");

    ReturnCheck wrong = validate("W850210011501", "14/03/2015", "Q", "5", "N");

    assertThat(wrong.errors())
        .extracting(ReturnProblem::sentence)
        .containsExactly(
            "100001.csv, row 2, column 'Gender': 'Q' is not a gender ClusterLens reads. Use M or"
                + " F.");
  }

  @ParameterizedTest
  @CsvSource({"X", "2", "yy", "maybe"})
  void otherFlagsAreRefused(String written) {
    ReturnCheck check = validate("W850210011501", "14/03/2015", "F", "5", written);

    assertThat(check.errors())
        .extracting(ReturnProblem::problem)
        .containsExactly("is not a yes/no value");
  }

  @ParameterizedTest
  @CsvSource({"5, 5", "Y5, 5", "Year 5, 5", "5.0, 5", "NCY 5, 5", "yr 5, 5"})
  void yearGroupsAreReadInEveryForm(String written, int meant) {
    ReturnCheck check = validate("W850210011501", "14/03/2015", "m", written, "N");

    assertThat(check.problems()).isEmpty();
    assertThat(check.pupils()).extracting(Pupil::yearGroup).containsExactly(meant);
    assertThat(check.pupils()).extracting(Pupil::gender).containsExactly("M");
  }

  @ParameterizedTest
  @CsvSource({
    "w850210011501, ''",
    "W85021001150A, 'the check letter should be'",
    "I850210011501, 'a UPN is a capital letter (not I, O or S)'",
    "W8502100115O1, 'a UPN is a capital letter (not I, O or S)'",
    "W85021001150S, 'a UPN is a capital letter (not I, O or S)'",
    "W85021001150, 'a UPN has 13 characters'"
  })
  void upnsAreCheckedAsBefore(String written, String problemStart) {
    ReturnCheck check = validate(written, "14/03/2015", "F", "5", "N");

    if (problemStart.isEmpty()) {
      assertThat(check.problems()).isEmpty();
      assertThat(check.pupils()).extracting(Pupil::upn).containsExactly("W850210011501");
    } else {
      assertThat(check.errors())
          .singleElement()
          .satisfies(p -> assertThat(p.problem()).startsWith(problemStart));
    }
  }
}
