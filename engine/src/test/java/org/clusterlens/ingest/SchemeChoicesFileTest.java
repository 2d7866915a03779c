package org.clusterlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.PupilAssessment;
import org.clusterlens.model.Subject;
import org.clusterlens.model.Term;
import org.clusterlens.scheme.SchemeChoices;
import org.clusterlens.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster's {@code schemes.csv} and {@code schemes/<id>.csv}: each school's grades read in the
 * scheme it uses that term, and a configuration that cannot be used refused with its file and line.
 */
class SchemeChoicesFileTest {

  private static final Cluster CLUSTER = Fixtures.cluster();

  private static final String HEADER =
      "UPN,Forename,Surname,Date of birth,Gender,Year group,FSM,Disadvantaged,SEN,EAL,"
          + "Reading,Writing,Maths,KS2 Reading,KS2 Writing,KS2 Maths\n";

  @TempDir Path dir;

  private SchemeChoices choices(String schemesCsv) throws Exception {
    Files.writeString(dir.resolve(ClusterFolder.SCHEME_CHOICES), schemesCsv);
    return ClusterFolder.schemeChoices(dir, CLUSTER);
  }

  private Path summerReturn(String urn, String rows) throws Exception {
    Path file = dir.resolve("returns/2024-25/summer/" + urn + ".csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, HEADER + rows);
    return file;
  }

  @Test
  void aSchoolOnKs2ScaledScoresHasItsScoresReadAsScores() throws Exception {
    SchemeChoices schemes =
        choices("school,assessment,from,scheme\n100001,ks2,2024-25-autumn,ks2-2016\n");
    Path file =
        summerReturn(
            "100001",
            "W850210011501,Amelia,Fairweather,14/09/2013,F,6,N,N,N,N,5c,5b,4a,104,GDS,99\n"
                + "K850210011502,Barnaby,Quennell,02/10/2013,M,6,Y,Y,K,N,3a,3b,3c,A,WTS,B\n");

    ReturnCheck check =
        new ReturnReader(CLUSTER, ReturnLimits.DEFAULT, Map.of(), schemes)
            .read(file, Optional.empty(), Optional.empty());

    assertThat(check.errors()).isEmpty();
    List<PupilAssessment> amelia = check.pupils().get(0).assessments();
    assertThat(amelia)
        .extracting(
            a ->
                a.subject()
                    + " "
                    + a.grade().code()
                    + " "
                    + a.grade().standard()
                    + " "
                    + a.scheme())
        .containsExactly(
            "READING 5c 2 nc-levels",
            "WRITING 5b 2 nc-levels",
            "MATHS 4a 1 nc-levels",
            "READING 104 1 ks2-2016",
            "WRITING GDS 2 ks2-2016",
            "MATHS 99 0 ks2-2016");
    assertThat(check.pupils().get(1).assessments())
        .filteredOn(a -> a.assessment() == Assessment.KS2)
        .allSatisfy(a -> assertThat(a.grade().standard()).isZero());
  }

  @Test
  void aLevelInAScaledScoreColumnIsAnErrorThatSaysWhatWouldBeAccepted() throws Exception {
    SchemeChoices schemes =
        choices("school,assessment,from,scheme\n100001,ks2,2024-25-autumn,ks2-2016\n");
    Path file =
        summerReturn(
            "100001", "W850210011501,Amelia,Fairweather,14/09/2013,F,6,N,N,N,N,4b,4b,4b,4,5,130\n");

    ReturnCheck check =
        new ReturnReader(CLUSTER, ReturnLimits.DEFAULT, Map.of(), schemes)
            .read(file, Optional.empty(), Optional.empty());

    assertThat(check.errors())
        .extracting(ReturnProblem::sentence)
        .containsExactly(
            "100001.csv, row 2, column 'KS2 Reading': '4' is not a grade in KS2 scaled scores. Use"
                + " a whole-number score from 80 to 120, or one of A, B, T, U, M, or leave it"
                + " empty.",
            "100001.csv, row 2, column 'KS2 Writing': '5' is not a grade in KS2 writing"
                + " judgements. Use one of GDS, EXS, WTS, PK6, PK5, PK4, PK3, PK2, PK1, BLW, PKG,"
                + " PKE, PKF, HNM, EM, A, D, M, or leave it empty.",
            "100001.csv, row 2, column 'KS2 Maths': '130' is not a grade in KS2 scaled scores. Use"
                + " a whole-number score from 80 to 120, or one of A, B, T, U, M, or leave it"
                + " empty.");
  }

  @Test
  void aSchoolWithoutAChoiceStillHasItsResultsReadAsLevels() throws Exception {
    SchemeChoices schemes =
        choices("school,assessment,from,scheme\n100001,ks2,2024-25-autumn,ks2-2016\n");

    assertThat(schemes.schemeFor("100002", Term.parse("2024-25-summer"), Assessment.KS2).id())
        .isEqualTo("nc-levels");
    assertThat(schemes.schemeFor("100001", Term.parse("2023-24-summer"), Assessment.KS2).id())
        .isEqualTo("nc-levels");
  }

  @Test
  void aClusterWithoutSchemesCsvReadsEveryReturnInLevels() throws Exception {
    SchemeChoices schemes = ClusterFolder.schemeChoices(dir, CLUSTER);

    assertThat(schemes.schemeFor("100001", Term.parse("2024-25-summer"), Assessment.TEACHER).id())
        .isEqualTo("nc-levels");
  }

  @Test
  void aClusterTrackerIsReadFromItsFileAndCanBeChosenForTeacherAssessment() throws Exception {
    Files.createDirectories(dir.resolve("schemes"));
    Files.writeString(
        dir.resolve("schemes/steps.csv"),
        "code,points,standard\nEmerging,1,below\nDeveloping,2,below\nSecure,3,expected\n"
            + "Mastery,4,higher\nAbsent,,not counted\n");
    SchemeChoices schemes =
        choices("school,assessment,from,scheme\nall,teacher,2024-25-autumn,steps\n");

    var table =
        schemes
            .schemeFor("100002", Term.parse("2024-25-spring"), Assessment.TEACHER)
            .table(Assessment.TEACHER, Subject.READING)
            .orElseThrow();
    assertThat(table.read("secure").map(g -> g.standard() + " " + g.points())).contains("1 3.0");
    assertThat(table.read("Absent").map(g -> g.counted())).contains(false);
  }

  @Test
  void aTrackerStepWithAnUnknownStandardIsRefusedWithItsFileAndLine() throws Exception {
    Files.createDirectories(dir.resolve("schemes"));
    Path file = dir.resolve("schemes/steps.csv");
    Files.writeString(file, "code,points,standard\nSecure,3,expected\nMastery,4,great\n");

    assertThatThrownBy(() -> ClusterFolder.schemeChoices(dir, CLUSTER))
        .isInstanceOf(ClusterFolder.InvalidClusterException.class)
        .hasMessage(
            file
                + ", line 3: 'great' is not a standard; use below, expected, higher or not"
                + " counted");
  }

  @Test
  void aChoiceForASchoolOutsideTheClusterOrAnUnknownSchemeIsRefused() throws Exception {
    Path file = dir.resolve(ClusterFolder.SCHEME_CHOICES);

    assertThatThrownBy(
            () -> choices("school,assessment,from,scheme\n999999,ks2,2024-25-autumn,ks2-2016\n"))
        .hasMessage(
            file + ", line 2: school '999999' is not in schools.csv; use a URN from it, or all");
    assertThatThrownBy(
            () -> choices("school,assessment,from,scheme\nall,ks2,2024-25-autumn,scaled\n"))
        .hasMessage(
            file
                + ": 'scaled' is not a scheme; use one of nc-levels, ks2-2016, ks1-2016,"
                + " ta-2016");
    assertThatThrownBy(
            () -> choices("school,assessment,from,scheme\nall,ks3,2024-25-autumn,ks2-2016\n"))
        .hasMessage(file + ", line 2: 'ks3' is not an assessment; use teacher, ks1 or ks2");
  }

  @Test
  void aValueAddedReferenceIsReadAndAnOverlappingLineIsRefused() throws Exception {
    Files.createDirectories(dir.resolve("reference"));
    Path file = dir.resolve(ClusterFolder.VALUE_ADDED_REFERENCE);
    Files.writeString(
        file,
        "academic_year,subject,prior_band,expected_points,pupil_sd\n"
            + "all,reading,middle,25.5,4.2\nall,Maths,High,31,5\n");

    assertThat(ClusterFolder.valueAddedReference(dir).lines())
        .extracting(l -> l.subject() + " " + l.band() + " " + l.expectedPoints())
        .containsExactly("reading middle 25.5", "maths high 31.0");

    Files.writeString(
        file,
        "academic_year,subject,prior_band,expected_points,pupil_sd\n"
            + "all,reading,middle,25.5,4.2\n2014-15,reading,middle,26,4\n");
    assertThatThrownBy(() -> ClusterFolder.valueAddedReference(dir))
        .hasMessage(
            file + ": a line for reading, middle band, 2014-15 overlaps the line for all years");
    Files.writeString(
        file,
        "academic_year,subject,prior_band,expected_points,pupil_sd\nall,reading,middle,lots,4\n");
    assertThatThrownBy(() -> ClusterFolder.valueAddedReference(dir))
        .hasMessage(
            file + ", line 2: expected_points and pupil_sd must be numbers, e.g. 27.4 and 4.1");
  }
}
