package org.clusterlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clusterlens.model.Term;
import org.junit.jupiter.api.Test;

/** The year group against the date of birth: the school year starts on 1 September. */
class ReturnValidatorYearGroupTest {

  private static final String HEADER =
      "UPN,Date of birth,Gender,Year group,FSM,Disadvantaged,SEN,EAL,Reading,Writing,Maths";

  private static ReturnCheck validate(String term, String... pupils) {
    List<RawSheet.Row> rows = new ArrayList<>();
    rows.add(new RawSheet.Row(1, List.of(HEADER.split(","))));
    String[] upns = {"W850210011501", "K850210011502", "Z850210011503"};
    for (int i = 0; i < pupils.length; i++) {
      rows.add(
          new RawSheet.Row(
              i + 2, List.of((upns[i] + "," + pupils[i] + ",N,N,N,N,4b,4b,4b").split(","))));
    }
    RawSheet sheet = new RawSheet("100001.csv", null, rows);
    List<ReturnProblem> problems = new ArrayList<>();
    HeaderMapping header = HeaderMapping.find(sheet, problems).orElseThrow();
    return ReturnValidator.validate(
        sheet, header, new ReturnIdentity("100001", Term.parse(term), "100001.csv", "sha"));
  }

  @Test
  void year6In2024To25RunsFromFirstSeptember2013ToThirtyFirstAugust2014() {
    ReturnCheck check = validate("2024-25-spring", "01/09/2013,F,6", "31/08/2014,F,6");

    assertThat(check.problems()).isEmpty();
  }

  @Test
  void bornOnFirstSeptemberIsOneYearYoungerSoAWarning() {
    ReturnCheck check = validate("2024-25-spring", "01/09/2014,F,6");

    assertThat(check.accepted()).isTrue();
    assertThat(check.warnings())
        .extracting(ReturnProblem::sentence)
        .containsExactly(
            "100001.csv, row 2, column 'Year group': '6' is one year away from the pupil's age:"
                + " the date of birth 01/09/2014 puts the pupil in Year 5 in 2024-25. Is the pupil"
                + " taught out of their year group? If not, correct the year group or the date of"
                + " birth.");
  }

  @Test
  void twoYearsAwayIsAnError() {
    ReturnCheck check = validate("2023-24-summer", "14/03/2017,F,R");

    assertThat(check.accepted()).isFalse();
    assertThat(check.errors())
        .extracting(ReturnProblem::problem)
        .containsExactly(
            "does not fit the pupil's age: the date of birth 14/03/2017 puts the pupil in Year 2"
                + " in 2023-24");
  }

  @Test
  void receptionIsTheYearAfterTheFourthBirthday() {
    ReturnCheck check = validate("2024-25-autumn", "01/09/2019,F,R", "31/08/2020,F,R");

    assertThat(check.problems()).isEmpty();
  }
}
