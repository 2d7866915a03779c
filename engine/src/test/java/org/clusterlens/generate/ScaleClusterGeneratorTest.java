package org.clusterlens.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.clusterlens.ingest.ReturnCheck;
import org.clusterlens.ingest.ReturnReader;
import org.clusterlens.model.Term;
import org.clusterlens.model.TermlyReturn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleClusterGeneratorTest {

  private static final ScaleClusterGenerator LA =
      new ScaleClusterGenerator(ScaleSize.LOCAL_AUTHORITY.withSchools(12), 7L);

  @Test
  void aSchoolComesOutTheSameWhicheverOrderSchoolsAreMadeIn() {
    List<GeneratedReturn> first = LA.returnsOf(5);
    LA.returnsOf(2);
    assertThat(LA.returnsOf(5)).isEqualTo(first);
    assertThat(LA.returnsOf(6)).isNotEqualTo(first);
  }

  @Test
  void threeYearsGiveNineTermlyReturnsPerSchoolEndingIn2025To26() {
    List<GeneratedReturn> returns = LA.returnsOf(0);
    assertThat(returns).extracting(GeneratedReturn::term).containsExactlyElementsOf(LA.terms());
    assertThat(LA.terms()).hasSize(9).last().isEqualTo(new Term("2025-26", Term.Season.SUMMER));
    for (GeneratedReturn r : returns) {
      assertThat(r.rows().size()).as(r.relativePath()).isBetween(35, 300);
      // Year group must agree with date of birth in the third year too, or ingest rejects it.
      r.rows()
          .forEach(
              row ->
                  assertThat(r.term().startYear() - row.dateOfBirth().getYear())
                      .as(row.upn())
                      .isBetween(row.yearGroup() + 4, row.yearGroup() + 6));
    }
  }

  @Test
  void theWarehouseFormIsWhatIngestMakesOfTheCsvFile(@TempDir Path dir) throws Exception {
    for (GeneratedReturn generated : List.of(LA.returnsOf(3).get(2), LA.returnsOf(3).get(8))) {
      Path file = dir.resolve(generated.relativePath());
      Files.createDirectories(file.getParent());
      Files.writeString(file, ReturnFileRenderer.csv(generated));

      ReturnCheck check =
          new ReturnReader(LA.cluster()).read(file, Optional.empty(), Optional.empty());

      assertThat(check.problems()).filteredOn(p -> p.isError()).isEmpty();
      TermlyReturn ingested = check.termlyReturn().orElseThrow();
      assertThat(GeneratedTermlyReturn.of(generated)).isEqualTo(ingested);
    }
  }
}
