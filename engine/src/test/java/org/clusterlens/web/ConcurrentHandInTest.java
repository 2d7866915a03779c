package org.clusterlens.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.clusterlens.model.School;
import org.clusterlens.warehouse.StoredReturn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eight schools of the demo cluster hand in their summer returns at the same moment, each
 * through its own business manager's session: every return ends stored, each business manager sees
 * the feedback on their own school's file, and nothing is lost.
 */
class ConcurrentHandInTest {

  @TempDir Path dir;

  @Test
  void eightSchoolsHandingInAtOnceAreAllStoredEachWithItsOwnFeedback() throws Exception {
    String repoRoot = System.getProperty("clusterlens.repo.root");
    assumeTrue(repoRoot != null, "clusterlens.repo.root is set by the build");
    Path cluster = Path.of(repoRoot, "datasets/demo-cluster");
    try (ServiceFixture fixture = ServiceFixture.start(cluster, dir, 20L * 1024 * 1024)) {
      List<School> schools = schools(cluster);
      List<ServiceFixture.Browser> managers = new ArrayList<>();
      List<Path> files = new ArrayList<>();
      for (School s : schools) {
        fixture.account("sbm-" + s.urn(), Role.SBM, s.urn());
        ServiceFixture.Browser b = fixture.browser();
        b.signIn("sbm-" + s.urn());
        managers.add(b);
        try (Stream<Path> found = Files.list(cluster.resolve("returns/2024-25/summer"))) {
          files.add(
              found
                  .filter(p -> p.getFileName().toString().startsWith(s.urn() + "."))
                  .findFirst()
                  .orElseThrow());
        }
      }
      assertThat(managers).hasSize(8);
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < 8; i++) {
        ServiceFixture.Browser b = managers.get(i);
        Path file = files.get(i);
        String urn = schools.get(i).urn();
        byte[] bytes = Files.readAllBytes(file);
        sent.add(
            pool.submit(
                () -> {
                  go.await();
                  return b.upload(
                      "/school/" + urn + "/returns",
                      Map.of("_csrf", b.csrf, "confirm", "yes"),
                      file.getFileName().toString(),
                      bytes);
                }));
      }
      go.countDown();
      for (int i = 0; i < 8; i++) {
        HttpResponse<String> r = sent.get(i).get();
        assertThat(r.statusCode()).as(schools.get(i).name()).isEqualTo(303);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/school/" + schools.get(i).urn() + "/returns/");
        String page = managers.get(i).get(location).body();
        assertThat(page)
            .contains(schools.get(i).name())
            .contains("Accepted:")
            .contains(files.get(i).getFileName().toString());
      }
      System.out.printf(
          "Eight hand-ins at once: all answered in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      pool.shutdown();

      List<HandIn> ledger = fixture.service.desk().all();
      assertThat(ledger).hasSize(8).allMatch(HandIn::accepted);
      assertThat(ledger.stream().map(HandIn::school).distinct()).hasSize(8);
      List<StoredReturn> held =
          fixture.warehouse.currentReturns().stream()
              .filter(r -> r.termId().equals("2024-25-summer"))
              .toList();
      assertThat(held.stream().map(StoredReturn::schoolUrn).distinct())
          .containsExactlyInAnyOrderElementsOf(schools.stream().map(School::urn).toList());
    }
  }

  private static List<School> schools(Path cluster) throws Exception {
    return org.clusterlens.ingest.ClusterFolder.read(cluster).schools();
  }
}
