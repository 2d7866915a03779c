package org.clusterlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.clusterlens.ingest.ReturnProblem;
import org.clusterlens.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Things in a returns folder that are not returns: a link to another file, a named pipe, a folder
 * whose name is not an academic year, a cell longer than a spreadsheet cell can be. Each is refused
 * on its own, with a sentence saying why, and none of them is read into anyone's feedback. Every
 * return here is rejected, so no Spark session starts.
 */
class IngestRefusesWhatIsNotAReturnTest {

  private static final String SECRET = "-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjE";

  @TempDir Path dir;

  private List<IngestRun.FileOutcome> ingest(Path returns) {
    return new IngestRun(
            Fixtures.cluster(),
            () -> {
              throw new AssertionError("nothing here may be stored");
            })
        .withFeedback(dir.resolve("feedback"))
        .run(List.of(returns), Optional.empty(), Optional.empty());
  }

  private String everyFeedbackFile() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir.resolve("feedback"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.append(f.getFileName()).append('\n');
        all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
      }
    }
    return all.toString();
  }

  private static String errors(IngestRun.FileOutcome o) {
    return String.join("\n", o.check().problems().stream().map(ReturnProblem::sentence).toList());
  }

  @Test
  void aLinkInTheReturnsFolderIsRefusedUnreadAndNothingOfItsTargetReachesTheFeedback()
      throws IOException {
    Path secret = dir.resolve("elsewhere/id_ed25519");
    Files.createDirectories(secret.getParent());
    Files.writeString(secret, SECRET + "\nsecond line of the key\n");
    Path term = Files.createDirectories(dir.resolve("returns/2024-25/summer"));
    Files.createSymbolicLink(term.resolve("100001.csv"), secret);
    Path secretFolder = Files.createDirectories(dir.resolve("elsewhere/other-returns"));
    Files.copy(Fixtures.path("returns/good-basic.csv"), secretFolder.resolve("100002.csv"));
    Files.createSymbolicLink(dir.resolve("returns/2024-25/spring"), secretFolder);

    List<IngestRun.FileOutcome> outcomes = ingest(dir.resolve("returns"));

    assertThat(outcomes).hasSize(2);
    assertThat(outcomes).noneMatch(o -> o.check().accepted());
    IngestRun.FileOutcome fileLink =
        outcomes.stream()
            .filter(o -> o.check().identity().fileName().equals("100001.csv"))
            .findFirst()
            .orElseThrow();
    assertThat(errors(fileLink))
        .contains("100001.csv: is a link to another file or folder (a symbolic link)")
        .contains("never follows links in a returns folder, so it was not opened");
    IngestRun.FileOutcome folderLink =
        outcomes.stream()
            .filter(o -> o.check().identity().fileName().equals("spring"))
            .findFirst()
            .orElseThrow();
    assertThat(errors(folderLink)).contains("spring: is a link to another file or folder");
    // The page says what was refused and why; no marked-up copy exists, and no line of the target.
    assertThat(fileLink.feedback()).hasSize(1);
    String feedback = everyFeedbackFile();
    assertThat(feedback).contains("is a link to another file or folder");
    assertThat(feedback).doesNotContain("BEGIN OPENSSH", "second line of the key", "Fairweather");
    assertThat(feedback).doesNotContain("elsewhere");
  }

  @Test
  void aNamedPipeInTheReturnsFolderIsRefusedWithoutWaitingForIt() throws Exception {
    Path term = Files.createDirectories(dir.resolve("returns/2024-25/summer"));
    Path pipe = term.resolve("100001.csv");
    Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");

    List<IngestRun.FileOutcome> outcomes = ingest(dir.resolve("returns"));

    assertThat(outcomes).hasSize(1);
    assertThat(errors(outcomes.get(0)))
        .contains("100001.csv: is not an ordinary file (it is a named pipe, a device or a socket)");
  }
}
