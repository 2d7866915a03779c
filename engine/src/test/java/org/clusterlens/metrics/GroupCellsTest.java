package org.clusterlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Sums counted by dimension and pupil group come out under the same keys, with the same sums, as
 * counting each row under its whole key for its school and again for the cluster.
 */
class GroupCellsTest {

  @Test
  void countedPerSchoolAndPooledTheCellsAreThoseOfCountingEveryRowTwice() {
    Random random = new Random(7);
    Long2ObjectOpenHashMap<long[]> expected = new Long2ObjectOpenHashMap<>();
    GroupCells<long[]> cells = new GroupCells<>(() -> new long[2]);
    // Many dimensions, so the table of recent dimensions is overwritten again and again.
    for (int row = 0; row < 20_000; row++) {
      int school = random.nextInt(300);
      int year = random.nextInt(3);
      int subject = random.nextInt(4);
      long points = 3 + random.nextInt(40);
      int[] groups = {PupilTable.UNKNOWN, random.nextInt(5), 5 + random.nextInt(60)};
      GroupCells.Dimension<long[]> dimension =
          cells.dimension(CellKey.of(school, year, 0, 1, 0, subject, 0, PupilTable.UNKNOWN));
      for (int group : groups) {
        long[] sums = dimension.at(group);
        sums[0]++;
        sums[1] += points;
        for (int counted : new int[] {school, PupilTable.CLUSTER}) {
          long[] e =
              expected.computeIfAbsent(
                  CellKey.of(counted, year, 0, 1, 0, subject, 0, group), k -> new long[2]);
          e[0]++;
          e[1] += points;
        }
      }
    }

    cells.poolSchools(
        (into, from) -> {
          into[0] += from[0];
          into[1] += from[1];
        });
    Long2ObjectOpenHashMap<long[]> counted = cells.cells();

    assertThat(counted.keySet()).isEqualTo(expected.keySet());
    expected.forEach(
        (key, sums) -> assertThat(counted.get(key)).as("cell %d", key).isEqualTo(sums));
  }

  @Test
  void aDimensionMustNameNoPupilGroup() {
    GroupCells<long[]> cells = new GroupCells<>(() -> new long[1]);

    assertThatThrownBy(() -> cells.dimension(CellKey.of(0, 0, 0, 0, 0, 0, 0, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A dimension's key names no pupil group");
  }
}
