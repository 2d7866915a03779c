package org.clusterlens.bench;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.clusterlens.metrics.AttainmentMetrics;

/**
 * The engine's attainment query ({@link AttainmentMetrics#query()}: pupils, pupils at Level 4+ and
 * 5+ and total points, per school and pooled, per term, assessment, subject and pupil group, as one
 * GROUPING SETS query) run by DuckDB over the Parquet files the warehouse's Delta table holds now.
 *
 * <p>DuckDB runs the engine's own SQL text, not a copy, so the two cannot drift apart. One clause
 * of it is Spark's alone and is rewritten into DuckDB's words: {@code LATERAL VIEW stack(n, a1, b1,
 * a2, b2, ...) g AS x, y} (one output row per pair) becomes {@code , LATERAL (VALUES (a1, b1), (a2,
 * b2), ...) g(x, y)}.
 */
final class DuckDbMetrics {

  private static final Pattern STACK =
      Pattern.compile(
          "LATERAL VIEW stack\\(\\d+,(.*?)\\) (\\w+) AS (\\w+), (\\w+)\\s*\\n", Pattern.DOTALL);

  /** The engine's query in DuckDB's dialect. */
  static final String QUERY = inDuckDbDialect(AttainmentMetrics.query());

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
              + AttainmentMetrics.VIEW
              + " AS SELECT * FROM read_parquet(["
              + files
              + "], hive_partitioning = true)");
      return counts(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB could not compute the figures: " + e.getMessage(), e);
    }
  }

  /**
   * Runs the query over the rows in view {@link AttainmentMetrics#VIEW} of a DuckDB database and
   * gives, per figure's labels ({@link #key}), the pupils and those at Level 4+ and 5+.
   */
  static Map<String, long[]> counts(Statement sql) throws SQLException {
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
            new long[] {r.getLong("pupils"), r.getLong("at_first"), r.getLong("at_second")});
      }
    }
    return counts;
  }

  /**
   * Spark's SQL with its {@code LATERAL VIEW stack(...)} clauses rewritten as DuckDB's lateral
   * {@code VALUES}; everything else in the engine's query reads the same in both.
   *
   * @throws IllegalStateException if the query holds no such clause (the rewrite would be stale)
   */
  static String inDuckDbDialect(String sparkSql) {
    Matcher m = STACK.matcher(sparkSql);
    StringBuilder out = new StringBuilder();
    boolean found = false;
    while (m.find()) {
      found = true;
      List<String> args = topLevelArguments(m.group(1));
      StringBuilder rows = new StringBuilder();
      for (int i = 0; i + 1 < args.size(); i += 2) {
        rows.append(i == 0 ? "" : ", ")
            .append('(')
            .append(args.get(i))
            .append(", ")
            .append(args.get(i + 1))
            .append(')');
      }
      String lateral =
          ", LATERAL (VALUES "
              + rows
              + ") "
              + m.group(2)
              + "("
              + m.group(3)
              + ", "
              + m.group(4)
              + ")\n";
      m.appendReplacement(out, Matcher.quoteReplacement(lateral));
    }
    if (!found) {
      throw new IllegalStateException(
          "The engine's attainment query no longer uses LATERAL VIEW stack(...); update"
              + " DuckDbMetrics.inDuckDbDialect");
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The comma-separated arguments of a call, split only where no bracket or quote is open. */
  private static List<String> topLevelArguments(String text) {
    List<String> args = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        args.add(text.substring(from, i).trim());
        from = i + 1;
      }
    }
    args.add(text.substring(from).trim());
    return args;
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
