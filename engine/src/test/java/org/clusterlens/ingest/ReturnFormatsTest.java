package org.clusterlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.Pupil;
import org.clusterlens.model.PupilAssessment;
import org.clusterlens.model.Subject;
import org.clusterlens.model.Term;
import org.clusterlens.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the readers make of each format's quirks, beyond accepting or rejecting the file. */
class ReturnFormatsTest {

  private static final Optional<String> ASHDOWN = Optional.of("100001");
  private static final Optional<Term> AUTUMN = Optional.of(Term.parse("2024-25-autumn"));
  private static final Optional<Term> SUMMER = Optional.of(Term.parse("2024-25-summer"));

  private final ReturnReader reader = new ReturnReader(Fixtures.cluster());

  private static Path fixture(String name) {
    return Fixtures.path("returns/" + name);
  }

  @Test
  void windows1252CsvDecodesAccentedNames() throws Exception {
    RawSheet sheet =
        CsvSheetReader.read(
            "semicolon-cp1252.csv", Files.readAllBytes(fixture("semicolon-cp1252.csv")));

    assertThat(sheet.rows())
        .extracting(r -> r.cell(1) + " " + r.cell(2))
        .containsExactly(
            "Forename Surname", "Zoë Fairweather", "Siân Quennell", "Clementine Ó Súilleabháin");
    assertThat(sheet.rows().get(0).cell(13)).isEqualTo("Remarque élève");
  }

  @Test
  void utf8WithAByteOrderMarkDecodesAndFindsTheFirstHeader() throws Exception {
    RawSheet sheet =
        CsvSheetReader.read("utf8-bom.csv", Files.readAllBytes(fixture("utf8-bom.csv")));

    assertThat(sheet.rows().get(0).cell(0)).isEqualTo("UPN");
    assertThat(sheet.rows().get(1).cell(1)).isEqualTo("Zoë");
    assertThat(sheet.rows().get(2).cell(1)).isEqualTo("Siân");
  }

  @ParameterizedTest
  @ValueSource(strings = {"formulas-cached-values.xlsx", "formulas-cached-values.xls"})
  void formulasAreReadAsTheirCachedValues(String file) {
    ReturnCheck check = reader.read(fixture(file), ASHDOWN, AUTUMN);

    assertThat(check.errors()).isEmpty();
    Pupil first = check.pupils().get(0);
    assertThat(first.dateOfBirth()).isEqualTo(LocalDate.of(2013, 9, 14)); // =DATE(2013,9,14)
    assertThat(first.yearGroup()).isEqualTo(6); // =3+3
    assertThat(first.fsm()).isFalse(); // =IF(1>2,"Y","N")
    assertThat(grade(first, Assessment.TEACHER, Subject.READING)).isEqualTo("5b"); // ="5"&"b"
    assertThat(grade(check.pupils().get(1), Assessment.TEACHER, Subject.MATHS))
        .isEqualTo("4a"); // =LOWER("4A")
  }

  @ParameterizedTest
  @ValueSource(strings = {"merged-header-cells.xlsx", "merged-header-cells.xls"})
  void aTwoRowHeaderWithMergedCellsMapsEveryColumn(String file) {
    ReturnCheck check = reader.read(fixture(file), ASHDOWN, SUMMER);

    assertThat(check.problems()).isEmpty();
    Pupil second = check.pupils().get(1);
    assertThat(second.upn()).isEqualTo("K850210011502");
    assertThat(second.sen()).isEqualTo(org.clusterlens.model.Sen.ofCode("K"));
    assertThat(grade(second, Assessment.TEACHER, Subject.READING)).isEqualTo("4a");
    assertThat(grade(second, Assessment.KS2, Subject.READING)).isEqualTo("4");
    assertThat(grade(second, Assessment.KS2, Subject.WRITING)).isEqualTo("5");
  }

  @Test
  void hiddenColumnsAndRowsAreStillRead() {
    ReturnCheck check = reader.read(fixture("hidden-columns-and-rows.xlsx"), ASHDOWN, AUTUMN);

    assertThat(check.pupils()).extracting(Pupil::upn).contains("K850210011502"); // hidden row
    assertThat(check.pupils())
        .allSatisfy(p -> assertThat(grade(p, Assessment.TEACHER, Subject.MATHS)).isNotNull());
  }

  @Test
  void anExternalEntityIsNeitherFetchedNorExpanded(@TempDir Path dir) throws Exception {
    // A workbook whose shared strings name an entity served by a live local socket: reading it
    // must refuse the document type declaration before anything connects.
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(300);
      byte[] good = Files.readAllBytes(fixture("good-basic.xlsx"));
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/xxe";
      Path file = dir.resolve("100001.xlsx");
      Files.write(
          file,
          rewriteEntry(
              good,
              "xl/sharedStrings.xml",
              xml ->
                  xml.replaceFirst(
                          "\\?>", "?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"" + url + "\">]>")
                      .replaceFirst("<t>UPN</t>", "<t>UPN&xxe;</t>")));

      ReturnCheck check = reader.read(file, ASHDOWN, AUTUMN);

      assertThat(check.errors())
          .extracting(ReturnProblem::sentence)
          .containsExactly(
              "100001.xlsx: this workbook holds an XML document type declaration, which Excel"
                  + " never writes, so it was not read (it may have been built to attack the"
                  + " reader); open it in Excel, save it again as .xlsx and hand that in.");
      AtomicBoolean connected = new AtomicBoolean();
      try {
        server.accept().close();
        connected.set(true);
      } catch (SocketTimeoutException expected) {
        // nobody came
      }
      assertThat(connected).as("the reader connected to the entity's URL").isFalse();
    }
  }

  @Test
  void aZipBombIsRefusedQuicklyWithoutInflatingIt() {
    long start = System.nanoTime();
    ReturnCheck check = reader.read(fixture("zip-bomb.xlsx"), ASHDOWN, AUTUMN);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(check.errors())
        .extracting(ReturnProblem::problem)
        .containsExactly(
            "this workbook would expand to far more data than a return holds, so it was not"
                + " opened (it may be damaged, or built to harm the reader); open it in Excel,"
                + " save it again as .xlsx and hand that in");
    assertThat(millis).isLessThan(2_000);
  }

  @Test
  void aSheetWithMoreRowsThanTheLimitStopsBeingReadAtTheLimit() {
    assertThatThrownBy(
            () ->
                XlsxSheetReader.read(
                    "over-row-limit.xlsx",
                    fixture("over-row-limit.xlsx"),
                    new ReturnLimits(1_000_000, 2)))
        .isInstanceOf(UnreadableReturnException.class)
        .hasMessage(
            "this file has more than 22 rows, more than a return may hold (the limit is 2"
                + " pupils)");
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new ReturnLimits(0, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Return limits must be positive, not 0 bytes and 5 pupils");
  }

  private static String grade(Pupil pupil, Assessment assessment, Subject subject) {
    return pupil.assessments().stream()
        .filter(a -> a.assessment() == assessment && a.subject() == subject)
        .map(PupilAssessment::grade)
        .map(g -> g == null ? null : g.code())
        .findFirst()
        .orElse(null);
  }

  private static byte[] rewriteEntry(
      byte[] zip, String name, java.util.function.UnaryOperator<String> change) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(e.getName()));
        byte[] content = in.readAllBytes();
        if (e.getName().equals(name)) {
          content =
              change
                  .apply(new String(content, StandardCharsets.UTF_8))
                  .getBytes(StandardCharsets.UTF_8);
        }
        out.write(content);
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
