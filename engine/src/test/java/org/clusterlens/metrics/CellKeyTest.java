package org.clusterlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A cell's codes packed in one long come back as they went in, at the edges of each part's bits,
 * and a code that does not fit fails loudly rather than count two cells as one.
 */
class CellKeyTest {

  @Test
  void everyPartComesBackAtTheEdgesOfItsBits() {
    for (CellKey.Part part : CellKey.Part.values()) {
      for (int code : new int[] {PupilTable.UNKNOWN, 0, 1, part.largest()}) {
        int[] codes = {3, 2, 1, 4, 0, 5, 6, 7};
        codes[part.ordinal()] = code;

        long key = keyOf(codes);

        for (CellKey.Part other : CellKey.Part.values()) {
          assertThat(CellKey.code(key, other))
              .as(part + " " + code)
              .isEqualTo(codes[other.ordinal()]);
        }
      }
    }
  }

  @Test
  void theLargestSchoolAndTheClusterAreDifferentCells() {
    long largest = CellKey.of(CellKey.Part.SCHOOL.largest(), 0, 0, 0, 0, 0, 0, 0);
    long cluster = CellKey.of(PupilTable.CLUSTER, 0, 0, 0, 0, 0, 0, 0);

    assertThat(largest).isNotEqualTo(cluster);
    assertThat(CellKey.code(largest, CellKey.Part.SCHOOL)).isEqualTo(65_534);
    assertThat(CellKey.code(cluster, CellKey.Part.SCHOOL)).isEqualTo(PupilTable.CLUSTER);
  }

  @Test
  void aSchoolCodeBeyondItsBitsFailsWithTheCodeAndTheRange() {
    assertThatThrownBy(() -> CellKey.of(65_535, 0, 0, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "A cell's school code 65535 does not fit the 16 bits of its key (codes -1 to 65534):"
                + " too many distinct values in one pupil table");
  }

  @Test
  void aPupilGroupCodeBeyondItsBitsOrBelowUnknownFails() {
    assertThatThrownBy(() -> CellKey.of(0, 0, 0, 0, 0, 0, 0, 16_383))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("A cell's pupil group code 16383 does not fit the 14 bits");
    assertThatThrownBy(() -> CellKey.of(0, 0, 0, 0, 0, 0, -2, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("A cell's extra code -2 does not fit the 8 bits");
  }

  @Test
  void aCellInTheClusterAndWithAPupilGroupKeepsEveryOtherCode() {
    long school = CellKey.of(41, 2, 1, 3, 0, 5, 6, PupilTable.UNKNOWN);

    long cluster = CellKey.inCluster(CellKey.withPupilGroup(school, 9));

    assertThat(cluster).isEqualTo(CellKey.of(PupilTable.CLUSTER, 2, 1, 3, 0, 5, 6, 9));
    assertThat(CellKey.withPupilGroup(school, PupilTable.UNKNOWN)).isEqualTo(school);
    assertThatThrownBy(() -> CellKey.withPupilGroup(school, 16_383))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("A cell's pupil group code 16383 does not fit the 14 bits");
  }

  private static long keyOf(int[] c) {
    return CellKey.of(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
  }
}
