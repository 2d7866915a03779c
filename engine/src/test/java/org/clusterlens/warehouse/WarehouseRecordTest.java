package org.clusterlens.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.clusterlens.ingest.ReturnReader;
import org.clusterlens.model.Term;
import org.clusterlens.model.TermlyReturn;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse's record read without Spark ({@code clusterlens history}) is the one Spark reads:
 * the same returns held, pupils, times and versions, and every version with its time, operation and
 * notes, through additions, a replacement, a commit of two returns and both kinds of restore.
 */
class WarehouseRecordTest {

  @TempDir Path dir;

  private TermlyReturn read(Path file, String urn, String term) {
    return new ReturnReader(Fixtures.cluster())
        .read(file, Optional.of(urn), Optional.of(Term.parse(term)))
        .termlyReturn()
        .orElseThrow();
  }

  private static TermlyReturn goodReturn(String urn, String term) {
    return Fixtures.goodReturn(urn, term);
  }

  /** The good return less its last pupil: another file for the same school and term. */
  private TermlyReturn correctedReturn(String urn, String term) throws IOException {
    List<String> lines =
        Files.readAllLines(Fixtures.path("returns/good-basic.csv"), StandardCharsets.UTF_8);
    Path corrected = dir.resolve("corrected/" + urn + ".csv");
    Files.createDirectories(corrected.getParent());
    Files.write(corrected, lines.subList(0, lines.size() - 1), StandardCharsets.UTF_8);
    return read(corrected, urn, term);
  }

  @Test
  void readsTheReturnsAndVersionsSparkReadsThroughReplacementsAndRestores() throws IOException {
    String root = dir.resolve("warehouse").toString();
    Warehouse warehouse = new Warehouse(SharedSpark.session(), root);
    warehouse.store(goodReturn("100001", "2024-25-autumn"));
    warehouse.store(goodReturn("100002", "2024-25-autumn"));
    warehouse.store(correctedReturn("100001", "2024-25-autumn"));
    warehouse.storeAll(
        List.of(goodReturn("100001", "2024-25-spring"), goodReturn("100002", "2024-25-spring")));
    warehouse.restoreSchoolTerm("100001", "2024-25-autumn", 0);
    warehouse.restoreAll(3);
    warehouse.store(goodReturn("100002", "2024-25-summer"));

    WarehouseRecord record = WarehouseRecord.read(root);

    assertThat(record.versions()).isEqualTo(warehouse.historyThroughSpark());
    assertThat(warehouse.history()).isEqualTo(warehouse.historyThroughSpark());
    assertThat(record.versions())
        .extracting(WarehouseVersion::version, WarehouseVersion::operation)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(6L, "WRITE"),
            org.assertj.core.groups.Tuple.tuple(5L, "RESTORE"),
            org.assertj.core.groups.Tuple.tuple(4L, "WRITE"),
            org.assertj.core.groups.Tuple.tuple(3L, "WRITE"),
            org.assertj.core.groups.Tuple.tuple(2L, "WRITE"),
            org.assertj.core.groups.Tuple.tuple(1L, "WRITE"),
            org.assertj.core.groups.Tuple.tuple(0L, "WRITE"));
    assertThat(record.currentReturns()).isEqualTo(warehouse.currentReturnsThroughSpark());
    assertThat(warehouse.currentReturns()).isEqualTo(warehouse.currentReturnsThroughSpark());
    assertThat(record.currentReturns())
        .extracting(r -> r.schoolUrn() + " " + r.termId() + " " + r.pupils() + " v" + r.version())
        .containsExactly(
            "100001 2024-25-autumn 2 v2",
            "100001 2024-25-spring 3 v3",
            "100002 2024-25-autumn 3 v1",
            "100002 2024-25-spring 3 v3",
            "100002 2024-25-summer 3 v6");
    assertThat(record.isEmpty()).isFalse();
  }

  @Test
  void aWarehouseNotYetWrittenHoldsNothing() {
    WarehouseRecord record = WarehouseRecord.read(dir.resolve("new-warehouse").toString());

    assertThat(record.isEmpty()).isTrue();
    assertThat(record.currentReturns()).isEmpty();
  }

  @Test
  void aCommitFileCutShortIsNamedInTheSameSentenceAsEveryOtherCommandGives() throws IOException {
    Path log = Files.createDirectories(dir.resolve("warehouse/pupil_assessments/_delta_log"));
    Files.writeString(
        log.resolve("00000000000000000000.json"), "{\"commitInfo\":{\"timestamp\":1}}\n");
    Files.writeString(log.resolve("00000000000000000001.json"), "{\"commitInfo\":{\"tim");
    String root = dir.resolve("warehouse").toString();
    String sentence = null;
    try {
      Warehouse.checkLog(root);
    } catch (DamagedWarehouseException e) {
      sentence = e.getMessage();
    }

    assertThat(sentence).contains("(version 1) is damaged (it is cut short or corrupt)");
    assertThatThrownBy(() -> WarehouseRecord.read(root))
        .isInstanceOf(DamagedWarehouseException.class)
        .hasMessage(sentence);
  }
}
