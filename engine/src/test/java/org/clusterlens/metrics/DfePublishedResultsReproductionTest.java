package org.clusterlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.clusterlens.model.Figure;
import org.clusterlens.testing.SharedSpark;
import org.clusterlens.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pupils generated to match Hampshire's published KS2 results for 2018/19, school by school
 * (mainstream and special), run through the engine's metrics: every school's published percentage
 * meeting the expected standard in reading, writing, maths and all three is reproduced exactly, and
 * the pupils pooled over the authority give its published figure within rounding.
 *
 * <p>The engine counts thresholds on whatever scheme a grade belongs to; here a pupil who met the
 * expected standard in a subject is given Level 4 and one who did not Level 3, so "% Level 4+" is
 * the published "% meeting the expected standard". For each school the counts are the whole numbers
 * of its TELIG pupils that round to its published percentages; pupils meeting all three come first,
 * and the rest meet at most two subjects each.
 */
class DfePublishedResultsReproductionTest {

  private static final String FIXTURE = "/dfe/ks2-2018-19-hampshire-expected-standard.csv";

  private static final List<String> SUBJECTS = List.of("reading", "writing", "maths");

  /** Published rows: RECTYPE, URN, TELIG, % RWM, % reading, % writing, % maths. */
  private static final List<String[]> SCHOOLS = new ArrayList<>();

  private static String[] authority;

  private static final Map<String, Figure> ENGINE = new HashMap<>();

  private static int generated;

  @BeforeAll
  static void generateAndMeasure() {
    readFixture();
    List<Row> rows = new ArrayList<>();
    Instant stored = Timestamp.valueOf("2019-07-20 10:00:00").toInstant();
    for (String[] school : SCHOOLS) {
      int n = Integer.parseInt(school[2]);
      int[] met = new int[4];
      for (int i = 0; i < 4; i++) {
        met[i] = countRoundingTo(percent(school[3 + i]), n);
      }
      boolean[][] meets = pupils(n, met);
      if (meets == null) {
        continue;
      }
      generated++;
      for (int p = 0; p < n; p++) {
        for (int s = 0; s < 3; s++) {
          boolean ok = meets[p][s];
          rows.add(
              RowFactory.create(
                  school[1],
                  "2018-19",
                  "summer",
                  "2018-19-summer",
                  "P" + school[1] + "-" + p,
                  LocalDate.of(2008, 1, 1),
                  "F",
                  6,
                  false,
                  false,
                  "N",
                  false,
                  "ks2",
                  SUBJECTS.get(s),
                  ok ? "4" : "3",
                  ok ? 27.0 : 21.0,
                  ok ? 4 : 3,
                  "dfe.csv",
                  "sha",
                  stored,
                  null,
                  null,
                  null));
        }
      }
    }
    for (Figure f :
        AttainmentMetrics.compute(SharedSpark.session().createDataFrame(rows, Warehouse.SCHEMA))) {
      if (f.measure().equals(Measures.PCT_LEVEL4_PLUS) && f.group().equals(Figure.ALL)) {
        ENGINE.put(f.school() + "|" + f.subject(), f);
      }
    }
  }

  @Test
  void everySchoolsPublishedPercentagesAreReproducedExactly() {
    // Every school with numbers published (no SUPP or NP) could be generated.
    assertThat(generated).isEqualTo(SCHOOLS.size()).isGreaterThan(320);
    List<String> subjects = List.of(Figure.RWM, "reading", "writing", "maths");
    for (String[] school : SCHOOLS) {
      for (int i = 0; i < 4; i++) {
        Figure f = ENGINE.get(school[1] + "|" + subjects.get(i));
        assertThat(Math.round(f.value()))
            .as("school %s %s", school[1], subjects.get(i))
            .isEqualTo(percent(school[3 + i]));
        assertThat(f.denominator()).isEqualTo(Long.parseLong(school[2]));
      }
    }
  }

  @Test
  void thePupilWeightedAuthorityFigureMatchesTheLocalAuthorityRowWithinRounding() {
    List<String> subjects = List.of(Figure.RWM, "reading", "writing", "maths");
    for (int i = 0; i < 4; i++) {
      Figure pooled = ENGINE.get(Figure.CLUSTER + "|" + subjects.get(i));
      // The authority's published whole percentage is the pooled figure rounded; the few pupils
      // in schools whose results were suppressed (9 of 14,855) cannot move it past rounding.
      assertThat(pooled.value())
          .as(subjects.get(i))
          .isBetween(percent(authority[3 + i]) - 0.5, percent(authority[3 + i]) + 0.5);
    }
  }

  /** The whole number of n pupils whose percentage rounds (half up) to p, nearest p·n/100. */
  private static int countRoundingTo(int p, int n) {
    int best = -1;
    for (int x = 0; x <= n; x++) {
      if (Math.round(100.0 * x / n) == p
          && (best < 0 || Math.abs(x - p * n / 100.0) < Math.abs(best - p * n / 100.0))) {
        best = x;
      }
    }
    if (best < 0) {
      throw new IllegalStateException("No count of " + n + " pupils rounds to " + p + "%");
    }
    return best;
  }

  /**
   * Pupils meeting each subject: the first met[0] meet all three; the extra met[1..3] − met[0] go
   * round the remaining pupils in turn, so none of them meets all three. Null when impossible.
   */
  private static boolean[][] pupils(int n, int[] met) {
    int all = met[0];
    int rest = n - all;
    int extras = 0;
    for (int s = 1; s <= 3; s++) {
      int extra = met[s] - all;
      if (extra < 0 || extra > rest) {
        return null;
      }
      extras += extra;
    }
    if (extras > 2 * rest) {
      return null;
    }
    boolean[][] meets = new boolean[n][3];
    for (int p = 0; p < all; p++) {
      meets[p] = new boolean[] {true, true, true};
    }
    int next = 0;
    for (int s = 0; s < 3; s++) {
      for (int k = 0; k < met[s + 1] - all; k++) {
        meets[all + next % rest][s] = true;
        next++;
      }
    }
    return meets;
  }

  private static int percent(String published) {
    return Integer.parseInt(published.replace("%", ""));
  }

  private static void readFixture() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                DfePublishedResultsReproductionTest.class.getResourceAsStream(FIXTURE),
                StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] cells = line.split(",", -1);
        if (cells[0].equals("3")) {
          authority = cells;
        } else if (java.util.Arrays.stream(cells, 2, 7).allMatch(c -> c.matches("\\d+%?"))) {
          SCHOOLS.add(cells);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
