package org.clusterlens.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clusterlens.model.TermlyReturn;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ingests storing into one warehouse at the same moment: Delta refuses the second commit
 * (another changed the same term meanwhile), and the warehouse tries it again, so both land.
 */
class ConcurrentIngestTest {

  @TempDir Path dir;

  @Test
  void twoIngestsCommittingTheSameTermAtOnceAreBothStored() throws Exception {
    Warehouse warehouse = new Warehouse(SharedSpark.session(), dir.toString());
    warehouse.store(Fixtures.goodReturn("100001", "2023-24-summer"));
    // One round reproduces it: both commits read the autumn term before either is made.
    List<String> terms = List.of("2024-25-autumn");
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      for (String term : terms) {
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<StoreOutcome>> both = new ArrayList<>();
        for (String urn : List.of("100001", "100002")) {
          TermlyReturn r = Fixtures.goodReturn(urn, term);
          both.add(
              two.submit(
                  () -> {
                    together.await();
                    return warehouse.store(r);
                  }));
        }
        for (Future<StoreOutcome> f : both) {
          assertThat(f.get().action()).isEqualTo(StoreOutcome.Action.ADDED);
        }
      }
    } finally {
      two.shutdownNow();
    }

    assertThat(warehouse.currentReturns())
        .extracting(r -> r.schoolUrn() + " " + r.termId())
        .containsExactlyInAnyOrder(
            "100001 2023-24-summer", "100001 2024-25-autumn", "100002 2024-25-autumn");
    long rows = warehouse.assessments().count();
    long distinct =
        warehouse
            .assessments()
            .select("school_urn", "term_id", "upn", "subject")
            .distinct()
            .count();
    assertThat(rows).isEqualTo(distinct);
  }
}
