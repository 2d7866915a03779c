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
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Grade;
import org.clusterlens.model.Subject;
import org.clusterlens.scheme.AssessmentScheme;
import org.clusterlens.scheme.Schemes;
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
 * <p>The results are in the scheme they were published in, KS2 from 2016, read by the engine's own
 * scheme tables: a pupil who met the expected standard has a scaled score of 104 in reading and
 * maths and EXS in writing, one who did not 95 and WTS. For each school the counts are the whole
 * numbers of its TELIG pupils that round to its published percentages; pupils meeting all three
 * come first, and the rest meet at most two subjects each.
 */
class DfePublishedResultsReproductionTest {

  private static final String FIXTURE = "/dfe/ks2-2018-19-hampshire-expected-standard.csv";

  private static final List<String> SUBJECTS = List.of("reading", "writing", "maths");

  /** Tasks the generated rows are spread over, so that none is over Spark's recommended size. */
  private static final int ROW_SLICES = 8;

  /** Each subject's grade table in KS2 from 2016, and what a pupil who met or missed it had. */
  private static final List<AssessmentScheme> GRADES =
      SUBJECTS.stream()
          .map(
              s ->
                  Schemes.BUILT_IN
                      .byId(Schemes.KS2_2016)
                      .orElseThrow()
                      .table(Assessment.KS2, Subject.valueOf(s.toUpperCase(Locale.ROOT)))
                      .orElseThrow())
          .toList();

  private static final List<String> MET = List.of("104", "EXS", "104");
  private static final List<String> NOT_MET = List.of("95", "WTS", "95");

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
          Grade grade = GRADES.get(s).read(ok ? MET.get(s) : NOT_MET.get(s)).orElseThrow();
          rows.add(
              PupilRows.byName(
                  "school_urn",
                  school[1],
                  "academic_year",
                  "2018-19",
                  "term",
                  "summer",
                  "term_id",
                  "2018-19-summer",
                  "upn",
                  "P" + school[1] + "-" + p,
                  "date_of_birth",
                  LocalDate.of(2008, 1, 1),
                  "gender",
                  "F",
                  "year_group",
                  6,
                  "fsm",
                  false,
                  "disadvantaged",
                  false,
                  "sen",
                  "N",
                  "eal",
                  false,
                  "assessment",
                  "ks2",
                  "subject",
                  SUBJECTS.get(s),
                  "grade",
                  grade.code(),
                  "points",
                  grade.points(),
                  "level",
                  grade.level(),
                  "source_file",
                  "dfe.csv",
                  "source_sha256",
                  "sha",
                  "stored_at",
                  stored,
                  "scheme",
                  Schemes.KS2_2016,
                  "standard",
                  grade.standard()));
        }
      }
    }
    // Some 60,000 rows: spread over tasks of under Spark's recommended 1 MB each, as a table's
    // files would be, rather than shipped in one task.
    SparkSession spark = SharedSpark.session();
    JavaRDD<Row> spread =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, ROW_SLICES);
    for (Figure f : AttainmentMetrics.compute(spark.createDataFrame(spread, Warehouse.SCHEMA))) {
      if (f.measure().equals(Measures.PCT_EXPECTED_PLUS) && f.group().equals(Figure.ALL)) {
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
