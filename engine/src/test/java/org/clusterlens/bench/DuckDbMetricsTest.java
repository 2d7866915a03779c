package org.clusterlens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.clusterlens.metrics.AttainmentMetrics;
import org.clusterlens.model.Figure;
import org.junit.jupiter.api.Test;

class DuckDbMetricsTest {

  @Test
  void duckDbRunsTheEnginesOwnQueryWithItsStackClauseRewritten() {
    assertThat(AttainmentMetrics.query()).contains("LATERAL VIEW stack(");
    assertThat(DuckDbMetrics.QUERY)
        .doesNotContain("LATERAL VIEW")
        .contains(", LATERAL (VALUES ('all', 'all'), ('year_group', CAST(year_group AS STRING))")
        .contains(") g(pupil_group, group_value)");
    // Everything before the rewritten clause is the engine's text, character for character.
    String engine = AttainmentMetrics.query();
    int clause = engine.indexOf("LATERAL VIEW stack(");
    assertThat(DuckDbMetrics.QUERY).startsWith(engine.substring(0, clause).stripTrailing());
  }

  /**
   * Three KS2 pupils at one school: levels 5/4/5 (FSM), 3/4/4, and 4 in reading with writing
   * absent. Reading: 3 pupils, 2 at Level 4+, 1 at Level 5+. Reading, writing and maths together:
   * the two with all three, 1 at Level 4+ (the lowest of the three counts). FSM reading: 1 of 1.
   */
  @Test
  void duckDbCountsAHandWorkedSchoolByPupilGroup() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      sql.execute(
          "CREATE TABLE "
              + AttainmentMetrics.VIEW
              + " (school_urn VARCHAR, academic_year VARCHAR, term VARCHAR, upn VARCHAR,"
              + " date_of_birth DATE, gender VARCHAR, year_group INTEGER, fsm BOOLEAN,"
              + " disadvantaged BOOLEAN, sen VARCHAR, eal BOOLEAN, assessment VARCHAR,"
              + " subject VARCHAR, points DOUBLE, level INTEGER, ethnicity VARCHAR,"
              + " date_joined DATE, scheme VARCHAR, standard INTEGER)");
      pupil(sql, "A1", true, new Integer[] {5, 4, 5});
      pupil(sql, "A2", false, new Integer[] {3, 4, 4});
      pupil(sql, "A3", false, new Integer[] {4, null, 4});

      Map<String, long[]> counts = DuckDbMetrics.counts(sql);

      assertThat(counts.get(key("reading", "100001", "all", "all"))).containsExactly(3, 2, 1);
      assertThat(counts.get(key("reading", Figure.CLUSTER, "all", "all"))).containsExactly(3, 2, 1);
      assertThat(counts.get(key("rwm", "100001", "all", "all"))).containsExactly(2, 1, 0);
      assertThat(counts.get(key("reading", "100001", "fsm", "Y"))).containsExactly(1, 1, 1);
      assertThat(counts.get(key("reading", "100001", "fsm", "N"))).containsExactly(2, 1, 0);
      assertThat(counts).doesNotContainKey(key("reading", "100001", "year_group", "6"));
    }
  }

  private static String key(String subject, String school, String group, String value) {
    return DuckDbMetrics.key("ks2", subject, school, group, value, "2025-26", "summer");
  }

  private static void pupil(Statement sql, String upn, boolean fsm, Integer[] levels)
      throws Exception {
    String[] subjects = {"reading", "writing", "maths"};
    for (int i = 0; i < 3; i++) {
      String level = levels[i] == null ? "NULL" : levels[i].toString();
      String points = levels[i] == null ? "NULL" : Integer.toString(levels[i] * 6 + 3);
      String standard =
          levels[i] == null ? "NULL" : Integer.toString(Math.max(0, Math.min(2, levels[i] - 3)));
      sql.execute(
          "INSERT INTO "
              + AttainmentMetrics.VIEW
              + " VALUES ('100001', '2025-26', 'summer', '"
              + upn
              + "', DATE '2014-10-01', 'F', 6, "
              + fsm
              + ", "
              + fsm
              + ", 'N', false, 'ks2', '"
              + subjects[i]
              + "', "
              + points
              + ", "
              + level
              + ", NULL, DATE '2020-09-01', 'nc-levels', "
              + standard
              + ")");
    }
  }
}
