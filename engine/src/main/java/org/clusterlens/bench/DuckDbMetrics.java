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
import org.clusterlens.metrics.Measures;

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
    try (OverFiles db = new OverFiles(parquetFiles)) {
      return counts(db.sql);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB could not compute the figures: " + e.getMessage(), e);
    }
  }

  /**
   * A DuckDB database whose view {@link AttainmentMetrics#VIEW} reads the warehouse table's Parquet
   * files, for a dataset whose counts are too many to gather into this process: the query's result
   * stays in DuckDB, and is checked there against the engine's figures.
   */
  static final class OverFiles implements AutoCloseable {
    private static final String COUNTS = "clusterlens_duckdb_counts";
    private static final long MEBIBYTE = 1024L * 1024L;
    private final Connection db;
    private final Statement sql;

    /**
     * @param parquetFiles the table's current data files, as Spark names them (file: URIs)
     * @throws SQLException if DuckDB cannot open them
     */
    OverFiles(String[] parquetFiles) throws SQLException {
      db = DriverManager.getConnection("jdbc:duckdb:");
      try {
        sql = db.createStatement();
        open(parquetFiles);
      } catch (SQLException | RuntimeException e) {
        db.close();
        throw e;
      }
    }

    private void open(String[] parquetFiles) throws SQLException {
      // The same memory as Spark's heap, and spills beside Spark's, not in the working folder.
      sql.execute("SET memory_limit = '" + Runtime.getRuntime().maxMemory() / MEBIBYTE + "MiB'");
      sql.execute(
          "SET temp_directory = '"
              + Path.of(System.getProperty("java.io.tmpdir"), "clusterlens-duckdb")
                  .toString()
                  .replace("'", "''")
              + "'");
      sql.execute(
          "CREATE VIEW "
              + AttainmentMetrics.VIEW
              + " AS SELECT * FROM read_parquet("
              + fileList(parquetFiles)
              + ", hive_partitioning = true)");
    }

    /**
     * Runs the engine's query into a table of DuckDB's own (replacing the last run's).
     *
     * @return how many rows it gave
     * @throws IllegalStateException if DuckDB fails
     */
    long runQuery() {
      try {
        sql.execute("CREATE OR REPLACE TEMP TABLE " + COUNTS + " AS " + QUERY);
        try (ResultSet r = sql.executeQuery("SELECT count(*) FROM " + COUNTS)) {
          r.next();
          return r.getLong(1);
        }
      } catch (SQLException e) {
        throw new IllegalStateException("DuckDB could not run the query: " + e.getMessage(), e);
      }
    }

    /**
     * Checks the engine's percentage figures, written as Parquet in {@code figures} with the
     * export's columns, against the last {@link #runQuery}: every figure must have DuckDB's pupils
     * and pupils at its threshold, and DuckDB must have no row the engine lacks.
     *
     * @return how many figures were compared, and how many disagreed or were missing
     * @throws IllegalStateException if DuckDB fails
     */
    int[] agreementWith(Path figures) {
      String first = "('" + Measures.PCT_LEVEL4_PLUS + "', '" + Measures.PCT_EXPECTED_PLUS + "')";
      String shares =
          "('"
              + String.join(
                  "', '",
                  Measures.PCT_LEVEL4_PLUS,
                  Measures.PCT_LEVEL5_PLUS,
                  Measures.PCT_EXPECTED_PLUS,
                  Measures.PCT_HIGHER_PLUS)
              + "')";
      String labels =
          """
          d.school = e.school AND d.academic_year = e.academic_year AND d.term = e.term
          AND d.assessment = e.assessment AND d.scheme IS NOT DISTINCT FROM e.scheme
          AND d.subject = e.subject AND d.pupil_group = e."group" AND d.group_value = e.group_value
          """;
      // Each direction on its own: an engine figure DuckDB lacks or counts differently, and a
      // DuckDB row with no engine figure at the first threshold.
      String check =
          """
          WITH e AS (SELECT * FROM read_parquet('%1$s') WHERE measure IN %4$s)
          SELECT (SELECT count(*) FROM e),
                 (SELECT count(*) FROM e LEFT JOIN %2$s d ON %5$s
                   WHERE d.pupils IS NULL OR d.pupils <> e.denominator
                      OR CASE WHEN e.measure IN %3$s THEN d.at_first ELSE d.at_second END
                         <> round(e.numerator)),
                 (SELECT count(*) FROM %2$s d
                   WHERE NOT EXISTS (SELECT 1 FROM e WHERE e.measure IN %3$s AND %5$s))
          """
              .formatted(
                  figures.resolve("*.parquet").toString().replace("'", "''"),
                  COUNTS,
                  first,
                  shares,
                  labels);
      try (ResultSet r = sql.executeQuery(check)) {
        r.next();
        long compared = r.getLong(1);
        long disagreeing = r.getLong(2);
        long onlyInDuckDb = r.getLong(3);
        return new int[] {Math.toIntExact(compared), Math.toIntExact(disagreeing + onlyInDuckDb)};
      } catch (SQLException e) {
        throw new IllegalStateException("DuckDB could not check the figures: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() throws SQLException {
      try (db;
          sql) {
        // Both closed, the statement first.
      }
    }
  }

  private static String fileList(String[] parquetFiles) {
    return Arrays.stream(parquetFiles)
        .map(f -> "'" + Path.of(URI.create(f)).toString().replace("'", "''") + "'")
        .collect(Collectors.joining(", ", "[", "]"));
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
