package org.clusterlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.PrintedOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterlens ingest} with its own limits and feedback folder. Every return here is
 * rejected, so no Spark session starts.
 */
class IngestCommandLimitsTest {

  @TempDir Path dir;

  @RegisterExtension final PrintedOutput terminal = new PrintedOutput();

  private int ingest(String... more) {
    String[] args = new String[more.length + 11];
    String[] fixed = {
      "ingest",
      "--cluster",
      Fixtures.path("cluster").toString(),
      "--warehouse",
      dir.resolve("warehouse").toString(),
      "--feedback",
      dir.resolve("feedback").toString(),
      "--school",
      "100001",
      "--term",
      "2024-25-autumn"
    };
    System.arraycopy(fixed, 0, args, 0, fixed.length);
    System.arraycopy(more, 0, args, fixed.length, more.length);
    return ClusterLens.run(args);
  }

  @Test
  void aReturnOverTheGivenPupilLimitIsRefusedAndItsFeedbackWritten() throws Exception {
    int code = ingest("--max-pupils", "2", Fixtures.path("returns/good-basic.csv").toString());

    String printed = terminal.standardOutput();
    assertThat(code).isEqualTo(ClusterLens.BAD_INPUT);
    assertThat(printed)
        .contains(
            "100001 2024-25-autumn good-basic.csv: REJECTED, 1 error(s); nothing was stored",
            "Error: good-basic.csv: lists 3 pupils, more than the 2 a return may hold.",
            "Feedback for each return (a page and a marked-up copy) is in "
                + dir.resolve("feedback"));
    assertThat(dir.resolve("feedback/100001-2024-25-autumn-good-basic.html")).exists();
    assertThat(dir.resolve("feedback/100001-2024-25-autumn-good-basic-marked.xlsx")).exists();
    assertThat(Files.exists(dir.resolve("warehouse"))).isFalse();
  }

  @Test
  void aFileOverTheGivenSizeIsRefusedUnopened() throws Exception {
    Path big = dir.resolve("100001.csv");
    Files.write(big, new byte[1024 * 1024 + 1]);

    int code = ingest("--max-file-mb", "1", big.toString());

    assertThat(code).isEqualTo(ClusterLens.BAD_INPUT);
    assertThat(terminal.standardOutput())
        .contains(
            "Error: 100001.csv: is 1,048,577 bytes, more than the 1 MB a return may be, so it was"
                + " not opened.");
  }

  @Test
  void aLimitThatIsNotPositiveIsAUsageError() {
    int code = ingest("--max-pupils", "0", Fixtures.path("returns/good-basic.csv").toString());

    assertThat(code).isEqualTo(ClusterLens.BAD_INPUT);
    assertThat(terminal.standardError())
        .contains("--max-file-mb and --max-pupils must be positive whole numbers");
  }
}
