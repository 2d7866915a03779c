package org.clusterlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.clusterlens.generate.GeneratedTermlyReturn;
import org.clusterlens.generate.ScaleClusterGenerator;
import org.clusterlens.generate.ScaleSize;
import org.clusterlens.testing.PrintedOutput;
import org.clusterlens.testing.SharedSpark;
import org.clusterlens.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterlens bench --warehouse DIR}: what an engineer comparing two builds reads from it
 * (the metrics stage in its parts, DuckDB's agreement, and a digest that is the same exactly when
 * the figures are).
 */
class BenchWarehouseTest {

  private static final Pattern AGREEMENT =
      Pattern.compile(
          "DuckDB agrees on (\\d+) of (\\d+) percentage figures; the ([\\d,]+) figures'"
              + " digest ([0-9a-f]+)");

  @TempDir static Path dir;

  @RegisterExtension final PrintedOutput terminal = new PrintedOutput();

  @BeforeAll
  static void warehouses() throws IOException {
    fill("first", 20261207L);
    fill("other-pupils", 20261208L);
    copy(dir.resolve("first"), dir.resolve("same-pupils"));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
  }

  /** Two generated schools over two years, loaded straight into a warehouse. */
  private static void fill(String name, long seed) {
    ScaleClusterGenerator generator =
        new ScaleClusterGenerator(ScaleSize.LOCAL_AUTHORITY.withSchools(2).withYears(2), seed);
    new Warehouse(SharedSpark.session(), dir.resolve(name).toString())
        .loadGenerated(
            2, i -> generator.returnsOf(i).stream().map(GeneratedTermlyReturn::of).toList());
  }

  /** Runs the bench on one warehouse and reads the agreement line it printed last. */
  private Matcher benchOf(String name) {
    int code = ClusterLens.run("bench", "--warehouse", dir.resolve(name).toString());
    String printed = terminal.text();
    assertThat(code).as(printed).isEqualTo(ClusterLens.OK);
    Matcher agreement = AGREEMENT.matcher(printed);
    int found = 0;
    int last = -1;
    while (agreement.find()) {
      found++;
      last = agreement.start();
    }
    assertThat(found).as(printed).isPositive();
    agreement.find(last);
    return agreement;
  }

  @Test
  void measuresTheStageInItsPartsAndDuckDbAgreesOnEveryPercentage() {
    Matcher agreement = benchOf("first");

    assertThat(Integer.parseInt(agreement.group(2))).isGreaterThan(100);
    assertThat(agreement.group(1)).isEqualTo(agreement.group(2));
    assertThat(agreement.group(4)).hasSize(64);
    assertThat(terminal.standardOutput())
        .contains(
            "| scan into the pupil table (first in process) |",
            "| scan into the pupil table (warm) |",
            "| figures from the table (warm) |",
            "| metrics (warm) |",
            "| metrics query, DuckDB (warm) |")
        .containsPattern("\\| \\d+\\.\\dx \\(\\d+\\.\\dx\\) \\| [\\d,]+ of [\\d,]+ \\|");
  }

  @Test
  void theDigestIsTheSameRunAfterRunAndDiffersForOtherPupils() {
    String first = benchOf("first").group(4);
    String same = benchOf("same-pupils").group(4);
    String other = benchOf("other-pupils").group(4);

    assertThat(same).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void aFolderWithNoWarehouseIsNamedAndNothingIsMeasured() {
    Path nothing = dir.resolve("no-warehouse-here");

    int code = ClusterLens.run("bench", "--warehouse", nothing.toString());

    assertThat(code).isEqualTo(ClusterLens.BAD_INPUT);
    assertThat(terminal.text())
        .contains("The warehouse " + nothing + " holds no returns yet")
        .doesNotContain("Measuring")
        .doesNotContain("Exception");
  }
}
