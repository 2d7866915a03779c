package org.clusterlens.bench;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.clusterlens.model.Figure;
import org.clusterlens.scheme.NationalCurriculumLevels;

/**
 * The engine's main attainment query (metrics.AttainmentMetrics: pupils, pupils at Level 4+ and 5+
 * and total points, per school and pooled, all pupils and per year group, as one GROUPING SETS
 * query) run by DuckDB over the Parquet files the warehouse's Delta table holds now.
 */
final class DuckDbMetrics {

  private static final String VIEW = "clusterlens_pupil_assessments";

  /** The SQL of AttainmentMetrics, word for word; DuckDB reads Spark's dialect of it unchanged. */
  private static final String QUERY =
      """
      WITH counted AS (
        SELECT school_urn, academic_year, term, assessment, subject, year_group, upn, points, level
        FROM %1$s
        WHERE points IS NOT NULL
      ),
      combined AS (
        SELECT school_urn, academic_year, term, assessment, '%2$s' AS subject, year_group, upn,
               CAST(NULL AS DOUBLE) AS points, min(level) AS level
        FROM counted
        GROUP BY school_urn, academic_year, term, assessment, year_group, upn
        HAVING count(DISTINCT subject) = 3
      ),
      pupils AS (
        SELECT * FROM counted
        UNION ALL
        SELECT * FROM combined
      ),
      grouped AS (
      SELECT
        CASE WHEN grouping(school_urn) = 1 THEN '%3$s' ELSE school_urn END AS school,
        academic_year, term, assessment, subject,
        CASE WHEN grouping(year_group) = 1 THEN '%4$s' ELSE 'year_group' END AS pupil_group,
        CASE WHEN grouping(year_group) = 1 THEN '%4$s' ELSE CAST(year_group AS STRING) END
          AS group_value,
        count(*) AS pupils,
        sum(CASE WHEN level >= %5$d THEN 1 ELSE 0 END) AS at_level4,
        sum(CASE WHEN level >= %6$d THEN 1 ELSE 0 END) AS at_level5,
        sum(points) AS total_points
      FROM pupils
      GROUP BY GROUPING SETS (
        (school_urn, academic_year, term, assessment, subject),
        (school_urn, academic_year, term, assessment, subject, year_group),
        (academic_year, term, assessment, subject),
        (academic_year, term, assessment, subject, year_group))
      )
      SELECT * FROM grouped WHERE pupil_group = '%4$s' OR assessment = 'teacher'
      """
          .formatted(
              VIEW,
              Figure.RWM,
              Figure.CLUSTER,
              Figure.ALL,
              NationalCurriculumLevels.LEVEL_4,
              NationalCurriculumLevels.LEVEL_5);

  private DuckDbMetrics() {}

  /**
   * Runs the query over the files and gives, per figure's labels ({@link #key}), the pupils and
   * those at Level 4+ and 5+.
   *
   * @param parquetFiles the table's current data files, as Spark names them (file: URIs)
   * @throws IllegalStateException if DuckDB fails
   */
  static Map<String, long[]> compute(String[] parquetFiles) {
    String files =
        Arrays.stream(parquetFiles)
            .map(f -> "'" + Path.of(URI.create(f)).toString().replace("'", "''") + "'")
            .collect(Collectors.joining(", "));
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      sql.execute(
          "CREATE VIEW "
              + VIEW
              + " AS SELECT * FROM read_parquet(["
              + files
              + "], hive_partitioning = true)");
      Map<String, long[]> counts = new HashMap<>();
      try (ResultSet r = sql.executeQuery(QUERY)) {
        while (r.next()) {
          counts.put(
              key(
                  r.getString("assessment"),
                  r.getString("subject"),
                  r.getString("school"),
                  r.getString("pupil_group"),
                  r.getString("group_value"),
                  r.getString("academic_year"),
                  r.getString("term")),
              new long[] {r.getLong("pupils"), r.getLong("at_level4"), r.getLong("at_level5")});
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB could not compute the figures: " + e.getMessage(), e);
    }
  }

  /** The labels that identify one query row (and its figures). */
  static String key(
      String assessment,
      String subject,
      String school,
      String group,
      String groupValue,
      String academicYear,
      String term) {
    return String.join("|", assessment, subject, school, group, groupValue, academicYear, term);
  }
}
