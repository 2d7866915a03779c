package org.clusterlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.clusterlens.model.Cluster;
import org.clusterlens.testing.Fixtures;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every file of the return corpus ({@code fixtures/returns/cases.csv}) through the reader. */
class ReturnCorpusTest {

  private static final Cluster CLUSTER = Fixtures.cluster();

  /** Even a hostile file is refused well within this, on a slow shared machine. */
  private static final Duration QUICKLY = Duration.ofSeconds(5);

  static Stream<Arguments> cases() {
    return ReturnCorpus.cases().stream().map(c -> Arguments.of(Named.of(c.id(), c)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsAsTheCorpusSays(ReturnCase c) {
    long start = System.nanoTime();
    ReturnCheck check = c.read(CLUSTER);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    List<String> sentences = check.problems().stream().map(ReturnProblem::sentence).toList();
    assertThat(check.accepted())
        .as("accepted, with problems %s", sentences)
        .isEqualTo(c.accepted());
    if (c.accepted()) {
      assertThat(check.pupils()).hasSize(c.pupils());
      assertThat(check.termlyReturn()).isPresent();
    } else {
      assertThat(check.termlyReturn()).isEmpty();
      assertThat(check.summary()).contains("REJECTED");
    }
    for (String expected : c.messages()) {
      assertThat(sentences)
          .as("a problem starting %s", expected)
          .anyMatch(s -> s.startsWith(expected));
      assertThat(expected).as("the message names the file").startsWith(c.file());
    }
    for (String sentence : sentences) {
      assertThat(c.messages())
          .as("an expected message for the problem: %s", sentence)
          .anyMatch(sentence::startsWith);
      assertThat(sentence).doesNotContain("root:", "Exception", "\tat ");
    }
    assertThat(took).as("time to read %s", c.file()).isLessThan(QUICKLY);
  }

  @Test
  void theCorpusListsEveryFixtureOnceAndHasEnoughOfBothKinds() throws IOException {
    List<ReturnCase> cases = ReturnCorpus.cases();
    List<String> files;
    try (Stream<Path> list = Files.list(Fixtures.path("returns"))) {
      files =
          list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("cases.csv")).toList();
    }

    assertThat(cases).extracting(ReturnCase::file).containsExactlyInAnyOrderElementsOf(files);
    assertThat(cases).extracting(ReturnCase::id).doesNotHaveDuplicates();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
    assertThat(cases).filteredOn(ReturnCase::accepted).hasSizeGreaterThanOrEqualTo(15);
    assertThat(ReturnCorpus.rejected()).hasSizeGreaterThanOrEqualTo(15);
    assertThat(ReturnCorpus.rejected()).allMatch(c -> !c.messages().isEmpty());
  }
}
