package org.clusterlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.Pupil;
import org.clusterlens.model.PupilAssessment;
import org.clusterlens.model.Subject;
import org.clusterlens.model.Term;
import org.clusterlens.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReturnReaderTest {

  private final ReturnReader reader = new ReturnReader(Fixtures.cluster());

  private static Path fixture(String folder) {
    return Fixtures.path("cluster/" + folder + "/2024-25/summer/100001.csv");
  }

  @Test
  void acceptsAGoodCsvReturnWithSchoolAndTermFromItsFolders() {
    ReturnCheck check = reader.read(fixture("year6-2024-25"), Optional.empty(), Optional.empty());

    assertThat(check.errors()).isEmpty();
    assertThat(check.identity().schoolUrn()).isEqualTo("100001");
    assertThat(check.identity().term()).isEqualTo(Term.parse("2024-25-summer"));
    assertThat(check.pupils()).hasSize(10);
    Pupil first = check.pupils().get(0);
    assertThat(first.upn()).isEqualTo("W850210011501");
    assertThat(first.dateOfBirth()).isEqualTo(LocalDate.of(2013, 9, 14));
    assertThat(first.assessments())
        .extracting(a -> a.assessment() + " " + a.subject() + " " + a.grade().code())
        .contains("TEACHER READING 5b", "KS2 MATHS 5");
    assertThat(check.summary()).isEqualTo("100001 2024-25-summer 100001.csv: accepted, 10 pupils");
  }

  @Test
  void rejectsAReturnWithMistakesAndPointsAtEachOne() {
    ReturnCheck check = reader.read(fixture("bad"), Optional.empty(), Optional.empty());

    assertThat(check.accepted()).isFalse();
    assertThat(check.termlyReturn()).isEmpty();
    assertThat(check.errors())
        .extracting(ReturnProblem::sentence)
        .containsExactly(
            "100001.csv, row 3, column 'UPN': 'A850210011502' the check letter should be 'K' for"
                + " these digits, so a character has probably been mistyped. Copy the UPN from the"
                + " MIS.",
            "100001.csv, row 4, column 'Reading': '4x' is not a grade in National Curriculum"
                + " sub-levels. Use one of W, 1c, 1b, 1a, 2c, 2b, 2a, 3c, 3b, 3a, 4c, 4b, 4a, 5c,"
                + " 5b, 5a, 6c, 6b, 6a, or leave it empty.",
            "100001.csv, row 5, column 'UPN': 'W850210011501' is already on row 2. List each pupil"
                + " once; remove the repeated row.",
            "100001.csv, row 6, column 'FSM': 'maybe' is not a yes/no value. Use Y or N (1/0,"
                + " Yes/No and TRUE/FALSE also work).");
    assertThat(check.summary()).endsWith("REJECTED, 4 error(s); nothing was stored");
  }

  @Test
  void aTermOnTheCommandLineThatDisagreesWithTheFoldersIsAnError() {
    ReturnCheck check =
        reader.read(
            fixture("year6-2024-25"), Optional.empty(), Optional.of(Term.parse("2024-25-autumn")));

    assertThat(check.errors())
        .extracting(ReturnProblem::sentence)
        .containsExactly(
            "100001.csv: the term given on the command line (2024-25-autumn) differs from the term"
                + " its folders say (2024-25-summer). Make the two agree: correct the wrong one, or"
                + " move the file.");
  }

  @Test
  void aReturnThatDoesNotSayItsTermIsRejectedWithoutInventingOne(@TempDir Path dir)
      throws Exception {
    Path file = Files.copy(fixture("year6-2024-25"), dir.resolve("100001.csv"));

    ReturnCheck check = reader.read(file, Optional.empty(), Optional.empty());

    assertThat(check.identity().term()).isNull();
    assertThat(check.summary())
        .isEqualTo("100001 (term unknown) 100001.csv: REJECTED, 1 error(s); nothing was stored");
  }

  @Test
  void aSchoolOutsideTheClusterIsRejected(@TempDir Path dir) throws Exception {
    Path file = Files.copy(fixture("year6-2024-25"), dir.resolve("999999.csv"));

    ReturnCheck check =
        reader.read(file, Optional.empty(), Optional.of(Term.parse("2024-25-summer")));

    assertThat(check.errors())
        .extracting(ReturnProblem::problem)
        .containsExactly("is for school 999999, which is not in cluster 'Test Valley Cluster'");
  }

  @Test
  void aMissingRequiredColumnIsNamed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("100001.csv");
    Files.writeString(file, "UPN,Gender,Reading,Writing\nW850210011501,F,4b,4c\n");

    ReturnCheck check =
        reader.read(file, Optional.empty(), Optional.of(Term.parse("2024-25-summer")));

    assertThat(check.errors())
        .extracting(ReturnProblem::sentence)
        .contains(
            "100001.csv, row 1: the required column 'Year group' is missing. Add a column headed"
                + " 'Year group' (R or 1 to 6).");
  }

  @Test
  void aReturnOfKeyStageTwoResultsAloneIsAcceptedAndAPupilWithoutResultsIsNamed(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("100001.csv");
    Files.writeString(
        file,
        "UPN,Year group,KS2 Reading,KS2 Writing,KS2 Maths\n"
            + "W850210011501,6,5,5,5\n"
            + "K850210011502,5,,,\n");

    ReturnCheck check =
        reader.read(file, Optional.empty(), Optional.of(Term.parse("2024-25-summer")));

    assertThat(check.errors()).isEmpty();
    assertThat(check.pupils()).hasSize(2);
    assertThat(check.pupils().get(0).fsm()).isNull();
    assertThat(check.pupils().get(0).dateOfBirth()).isNull();
    assertThat(check.warnings())
        .extracting(ReturnProblem::sentence)
        .containsExactly(
            "100001.csv, row 1: the return has no Date of birth, Gender, FSM, Disadvantaged, SEN"
                + " and EAL column, so they are not known for every pupil: the pupils count in the"
                + " figures for all pupils but in no group made from them. Add the columns from"
                + " the MIS if the school has them.",
            "100001.csv: 1 pupil has no result in this return (row 3), so the pupil is not stored"
                + " and counts in no figure. Give each pupil's results, or leave out pupils the"
                + " return does not report on.");
  }

  @Test
  void readsAnXlsxWithTitleRowsSynonymsAndRealDateCells(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("100002.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = wb.createSheet("Pupils");
      sheet.createRow(0).createCell(0).setCellValue("Beacon Primary - summer return");
      String[] header = {
        "Unique Pupil Number",
        "DOB",
        "Sex",
        "Year",
        "Free School Meals",
        "Pupil Premium",
        "SEN",
        "EAL",
        "Rdg",
        "Writing",
        "Mathematics",
        "Notes"
      };
      Row h = sheet.createRow(2);
      for (int c = 0; c < header.length; c++) {
        h.createCell(c).setCellValue(header[c]);
      }
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
      Row p = sheet.createRow(3);
      p.createCell(0).setCellValue("W850210011501");
      p.createCell(1).setCellValue(LocalDate.of(2017, 3, 14));
      p.getCell(1).setCellStyle(date);
      p.createCell(2).setCellValue("F");
      p.createCell(3).setCellValue(3);
      p.createCell(4).setCellValue("TRUE");
      p.createCell(5).setCellValue(1);
      p.createCell(6).setCellValue("K");
      p.createCell(7).setCellValue("N");
      p.createCell(8).setCellValue("2A");
      p.createCell(9).setCellValue("2b");
      p.createCell(10).setCellValue("3c");
      p.createCell(11).setCellValue("moved in from Kent");
      wb.write(out);
    }

    ReturnCheck check =
        reader.read(file, Optional.empty(), Optional.of(Term.parse("2024-25-autumn")));

    assertThat(check.errors()).isEmpty();
    assertThat(check.warnings())
        .extracting(ReturnProblem::sentence)
        .containsExactly(
            "100002.xlsx, sheet 'Pupils', row 3, column 'Notes': is not a column ClusterLens reads,"
                + " so it was left out. If it holds one of ClusterLens's columns, name it in the"
                + " cluster's mappings/<URN>.csv.");
    Pupil pupil = check.pupils().get(0);
    assertThat(pupil.dateOfBirth()).isEqualTo(LocalDate.of(2017, 3, 14));
    assertThat(pupil.yearGroup()).isEqualTo(3);
    assertThat(pupil.fsm()).isTrue();
    assertThat(pupil.disadvantaged()).isTrue();
    assertThat(pupil.assessments())
        .contains(
            new PupilAssessment(
                Assessment.TEACHER,
                Subject.READING,
                org.clusterlens.scheme.NationalCurriculumLevels.TEACHER_SUBLEVELS
                    .read("2a")
                    .orElseThrow()));
  }

  @Test
  void aBinaryFileNamedCsvIsRefusedWithASentence(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("100001.csv");
    Files.write(file, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 1, 2});

    ReturnCheck check =
        reader.read(file, Optional.empty(), Optional.of(Term.parse("2024-25-autumn")));

    assertThat(check.errors())
        .extracting(ReturnProblem::problem)
        .containsExactly(
            "this file is not a text csv file (it holds binary data); export the return again as"
                + " csv or xlsx");
  }
}
