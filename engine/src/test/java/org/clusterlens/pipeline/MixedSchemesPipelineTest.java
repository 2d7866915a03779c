package org.clusterlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.clusterlens.ingest.ClusterFolder;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Upn;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.SharedSpark;
import org.clusterlens.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a cluster whose first school hands in its 2024-25 Key Stage 2 results as scaled
 * scores (chosen in schemes.csv) while the second still uses levels. Ingest reads each in its
 * scheme, the metrics keep them apart, and both packs say why the first school stands alone.
 */
class MixedSchemesPipelineTest {

  @TempDir Path dir;

  private static final String HEADER =
      "UPN,Date of birth,Gender,Year group,FSM,Disadvantaged,SEN,EAL,Reading,Writing,Maths,"
          + "KS2 Reading,KS2 Writing,KS2 Maths\n";

  private static String upn(int school, int pupil) {
    String rest = String.format("850%03d%06d", school, pupil);
    return Upn.checkLetter(rest) + rest;
  }

  private void write(String urn, int school, List<String> ks2) throws Exception {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < ks2.size(); i++) {
      csv.append(upn(school, i + 1))
          .append(",14/10/2013,")
          .append(i % 2 == 0 ? "F" : "M")
          .append(",6,N,N,N,N,4b,4b,4b,")
          .append(ks2.get(i))
          .append('\n');
    }
    Path file = dir.resolve("cluster/returns/2024-25/summer/" + urn + ".csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, csv);
  }

  /** Six pupils with one set of results and six with another. */
  private static List<String> twelve(String first, String second) {
    List<String> results = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      results.add(first);
      results.add(second);
    }
    return results;
  }

  @Test
  void eachSchoolIsReadMeasuredAndReportedInItsOwnScheme() throws Exception {
    Path cluster = dir.resolve("cluster");
    Files.createDirectories(cluster);
    for (String f : List.of(ClusterFolder.SETTINGS, ClusterFolder.SCHOOLS)) {
      Files.copy(Fixtures.path("cluster/" + f), cluster.resolve(f));
    }
    Files.writeString(
        cluster.resolve(ClusterFolder.SCHEME_CHOICES),
        "school,assessment,from,scheme\n100001,ks2,2024-25-autumn,ks2-2016\n");
    // 100001: six pupils at the higher standard in all three; six whose maths is 98, so below
    // the expected standard in RWM: RWM expected 6 of 12, higher 6 of 12. Counts of six or more
    // are published.
    write("100001", 1, twelve("112,GDS,115", "100,EXS,98"));
    // 100002: six at Level 5 throughout, six with reading at Level 3: RWM Level 4+ 6 of 12.
    write("100002", 2, twelve("5,5,5", "3,4,4"));
    Cluster c = ClusterFolder.read(cluster);
    Warehouse warehouse = new Warehouse(SharedSpark.session(), dir.resolve("wh").toString());

    List<IngestRun.FileOutcome> outcomes =
        new IngestRun(c, () -> warehouse)
            .withSchemes(ClusterFolder.schemeChoices(cluster, c))
            .run(List.of(cluster.resolve("returns")), Optional.empty(), Optional.empty());
    assertThat(outcomes).allSatisfy(o -> assertThat(o.check().errors()).isEmpty());
    Path packs = dir.resolve("packs");
    ReportRun.run(c, warehouse, packs);

    List<String> metrics = Files.readAllLines(packs.resolve("metrics.csv"));
    assertThat(metrics)
        .anyMatch(
            l ->
                l.startsWith(
                    "pct_expected_plus,ks2,ks2-2016,rwm,100001,all,all,2024-25,summer,6,12,50,"))
        .anyMatch(
            l ->
                l.startsWith(
                    "pct_higher_plus,ks2,ks2-2016,rwm,100001,all,all,2024-25,summer,6,12,50,"))
        .anyMatch(
            l ->
                l.startsWith(
                    "pct_level4_plus,ks2,nc-levels,rwm,CLUSTER,all,all,2024-25,summer,6,12,50,"))
        .noneMatch(l -> l.startsWith("pct_level4_plus,ks2,nc-levels,rwm,100001,"));
    String governor = Files.readString(packs.resolve("governor-100001.html"));
    assertThat(governor)
        .contains("were handed in as KS2 scaled scores and writing judgements")
        .contains("50% (6 of 12)");
    assertThat(Files.readString(packs.resolve("cluster-pack.html")))
        .contains("Results in another assessment scheme")
        .contains("were handed in as KS2 scaled scores and writing judgements");
    assertThat(Files.readString(packs.resolve("governor-100002.html")))
        .doesNotContain("Results in another assessment scheme");
  }
}
