package org.clusterlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clusterlens.model.Pupil;
import org.clusterlens.model.Term;
import org.junit.jupiter.api.Test;

/**
 * Reading a Common Transfer File: pupil details directly under {@code <Pupil>} or in its {@code
 * <BasicDetails>} (as some MIS exports write them), never a contact's; InCare as looked after.
 */
class CtfReaderTest {

  private static final String CTF =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <CTfile>
        <Header>
          <DocumentName>Common Transfer File</DocumentName>
          <DateTime>2025-07-10T09:00:00</DateTime>
          <SourceSchool><LEA>850</LEA><Estab>2100</Estab></SourceSchool>
        </Header>
        <CTFpupilData>
          <Pupil>
            <UPN>W850210011501</UPN>
            <BasicDetails>
              <LegalSurname>Ashby</LegalSurname>
              <LegalForename>Ada</LegalForename>
              <DOB>2013-10-01</DOB>
              <Gender>F</Gender>
              <NCyearActual>6</NCyearActual>
            </BasicDetails>
            <Contacts>
              <Contact><Surname>Ashby</Surname><Gender>M</Gender><DOB>1980-01-01</DOB></Contact>
            </Contacts>
            <StageAssessments>
              <KeyStage>
                <Stage>KS2</Stage>
                <StageAssessment>
                  <Subject>ENG</Subject><Component>REA</Component><Method>TT</Method>
                  <Result>5</Result>
                </StageAssessment>
                <StageAssessment>
                  <Subject>ENG</Subject><Component>WRI</Component><Method>TA</Method>
                  <Result>4</Result>
                </StageAssessment>
              </KeyStage>
            </StageAssessments>
          </Pupil>
        </CTFpupilData>
      </CTfile>
      """;

  /** The CTF read and validated as a summer return: every pupil read, no error. */
  private static ReturnCheck read(byte[] ctf) throws Exception {
    RawSheet sheet = CtfReader.read("ctf.xml", ctf, ReturnLimits.DEFAULT);
    List<ReturnProblem> problems = new ArrayList<>();
    HeaderMapping header = HeaderMapping.find(sheet, problems).orElseThrow();
    ReturnCheck check =
        ReturnValidator.validate(
            sheet,
            header,
            new ReturnIdentity("100001", Term.parse("2024-25-summer"), "ctf.xml", "sha"));
    assertThat(problems).isEmpty();
    // A pupil with no first language recorded has EAL not known: a warning, not a problem read.
    assertThat(check.errors()).isEmpty();
    return check;
  }

  @Test
  void detailsInBasicDetailsAreThePupilsAndAContactsAreNot() throws Exception {
    ReturnCheck check = read(CTF.strip().getBytes(StandardCharsets.UTF_8));

    Pupil pupil = check.pupils().get(0);
    assertThat(pupil.dateOfBirth()).hasToString("2013-10-01");
    assertThat(pupil.gender()).isEqualTo("F");
    assertThat(pupil.assessments())
        .filteredOn(a -> a.grade() != null)
        .extracting(a -> a.assessment() + " " + a.subject() + " " + a.grade().code())
        .containsExactlyInAnyOrder("KS2 READING 5", "KS2 WRITING 4");
  }

  @Test
  void inCareIsLookedAfterAndAPupilWithoutItIsNotKnown() throws Exception {
    ReturnCheck check =
        read(
            CtfReaderTest.class
                .getResourceAsStream("/fixtures/returns/ctf-ks2-summer.xml")
                .readAllBytes());

    // The third pupil's CTF has no InCare element: not known, rather than not in care.
    assertThat(check.pupils()).extracting(Pupil::lookedAfter).containsExactly(false, true, null);
  }
}
