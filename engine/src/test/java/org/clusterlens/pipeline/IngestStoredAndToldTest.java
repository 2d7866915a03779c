package org.clusterlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.ingest.ReturnProblem;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.SharedSpark;
import org.clusterlens.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ingest says is what it stored: each file is taken on its own, a return's feedback that
 * cannot be written does not hide that the return was stored, and the marked-up copy a business
 * manager hands back as the feedback page asks is read as the return it is.
 */
class IngestStoredAndToldTest {

  @TempDir Path dir;

  @BeforeAll
  static void spark() {
    SharedSpark.session();
  }

  private Warehouse warehouse() {
    return new Warehouse(SharedSpark.session(), dir.resolve("warehouse").toString());
  }

  private static Path copy(String fixture, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    return Files.copy(Fixtures.path(fixture), to);
  }

  private static String sentences(IngestRun.FileOutcome o) {
    return String.join("\n", o.check().problems().stream().map(ReturnProblem::sentence).toList());
  }

  @Test
  void aFolderNotAnAcademicYearAndAnOverlongCellRejectTheirOwnFilesAndTheOthersAreStored()
      throws IOException {
    Path returns = dir.resolve("returns");
    copy("returns/good-basic.csv", returns.resolve("2024-25/autumn/100001.csv"));
    copy("returns/good-basic.csv", returns.resolve("2025-24/autumn/100002.csv"));
    Path overlong =
        Files.createDirectories(returns.resolve("2024-25/spring")).resolve("100002.csv");
    Files.writeString(
        overlong,
        Files.readString(Fixtures.path("returns/good-basic.csv"))
            .replace("Amelia", "A".repeat(40_000)));
    Warehouse warehouse = warehouse();

    List<IngestRun.FileOutcome> outcomes =
        new IngestRun(Fixtures.cluster(), () -> warehouse)
            .withFeedback(dir.resolve("feedback"))
            .run(List.of(returns), Optional.empty(), Optional.empty());

    assertThat(outcomes).hasSize(3);
    IngestRun.FileOutcome good = outcomes.get(0);
    assertThat(good.check().identity().term().id()).isEqualTo("2024-25-autumn");
    assertThat(good.check().accepted()).isTrue();
    assertThat(good.stored()).isPresent();
    IngestRun.FileOutcome spring = outcomes.get(1);
    assertThat(spring.check().accepted()).isFalse();
    assertThat(sentences(spring))
        .contains(
            "100002.csv, row 2: the cell in column 2 holds 40,000 characters, more than the"
                + " 32,767 a spreadsheet cell can hold");
    assertThat(spring.feedback()).isNotEmpty();
    IngestRun.FileOutcome wrongYear = outcomes.get(2);
    assertThat(wrongYear.check().accepted()).isFalse();
    assertThat(sentences(wrongYear))
        .contains(
            "100002.csv: is in the folder 2025-24/autumn/, but 2025-24 is not an academic year"
                + " (its two years must follow on). Move it into a folder named for its academic"
                + " year, e.g. 2025-26/autumn/.");
    assertThat(warehouse.currentReturns())
        .extracting(r -> r.schoolUrn() + " " + r.termId())
        .containsExactly("100001 2024-25-autumn");
  }

  @Test
  void feedbackThatCannotBeWrittenLeavesTheReturnStoredAndSaidToBe() throws IOException {
    Path returns = dir.resolve("returns");
    copy("returns/good-basic.csv", returns.resolve("2024-25/autumn/100001.csv"));
    // A file where the feedback folder should be: no one, not even root, can write into it.
    Path feedback = Files.writeString(dir.resolve("feedback"), "not a folder");
    Warehouse warehouse = warehouse();

    List<IngestRun.FileOutcome> outcomes =
        new IngestRun(Fixtures.cluster(), () -> warehouse)
            .withFeedback(feedback)
            .run(List.of(returns), Optional.empty(), Optional.empty());

    assertThat(outcomes).hasSize(1);
    assertThat(outcomes.get(0).stored()).isPresent();
    assertThat(outcomes.get(0).feedback()).isEmpty();
    assertThat(outcomes.get(0).feedbackFailure())
        .hasValueSatisfying(why -> assertThat(why).contains("Could not write the feedback"));
    assertThat(warehouse.currentReturns()).hasSize(1);
  }

  @Test
  void theMarkedUpCopyHandedBackIsAcceptedAsTheReturnAndMarkedAfresh() throws IOException {
    Warehouse warehouse = warehouse();
    Path feedback = dir.resolve("feedback");
    Path first = copy("returns/good-basic.csv", dir.resolve("returns/2024-25/autumn/100001.csv"));
    new IngestRun(Fixtures.cluster(), () -> warehouse)
        .withFeedback(feedback)
        .run(List.of(first), Optional.empty(), Optional.empty());
    Path marked = feedback.resolve("100001-2024-25-autumn-100001-marked.xlsx");
    assertThat(marked).exists();
    Path handedBack = dir.resolve("returns/2024-25/spring/100001.xlsx");
    Files.createDirectories(handedBack.getParent());
    Files.copy(marked, handedBack);

    List<IngestRun.FileOutcome> outcomes =
        new IngestRun(Fixtures.cluster(), () -> warehouse)
            .withFeedback(feedback)
            .run(List.of(handedBack), Optional.empty(), Optional.empty());

    assertThat(outcomes).hasSize(1);
    assertThat(sentences(outcomes.get(0))).isEmpty();
    assertThat(outcomes.get(0).stored()).isPresent();
    assertThat(outcomes.get(0).feedbackFailure()).isEmpty();
    Path remarked = feedback.resolve("100001-2024-25-spring-100001-marked.xlsx");
    try (InputStream in = Files.newInputStream(remarked);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      assertThat(wb.getNumberOfSheets()).isEqualTo(2);
      assertThat(wb.getSheetName(0)).isEqualTo("Problems");
      assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue())
          .isEqualTo("No problems were found.");
    }
    assertThat(warehouse.currentReturns())
        .extracting(r -> r.termId())
        .containsExactly("2024-25-autumn", "2024-25-spring");
  }
}
