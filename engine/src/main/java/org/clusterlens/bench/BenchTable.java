package org.clusterlens.bench;

import java.util.Locale;

/** Renders a benchmark's results as the Markdown tables docs/BENCHMARKS.md shows. */
public final class BenchTable {

  private BenchTable() {}

  /** The stages table, then the DuckDB comparison; pure. */
  public static String render(Benchmark.Results results) {
    StringBuilder md = new StringBuilder();
    md.append("| dataset | stage | wall s | CPU s | rows | rows/s | peak heap MB | peak RSS MB |\n")
        .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (StageMeasure s : results.stages()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.1f | %.1f | %,d | %,.0f | %,d | %,d |%n",
              s.size(),
              s.stage(),
              s.seconds(),
              s.cpuSeconds(),
              s.rows(),
              s.rowsPerSecond(),
              s.peakHeapMb(),
              s.peakResidentMb()));
    }
    md.append("\n| dataset | Spark: metrics stage warm s (CPU) | Spark: its attainment query")
        .append(" alone s (CPU) | DuckDB: the same query s (CPU) | query ratio, wall (CPU) |")
        .append(" stage ratio, wall (CPU) | figures agreeing |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Benchmark.Comparison c : results.comparisons()) {
      StageMeasure duck = c.duckDbWarm();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %,d of %,d |%n",
              c.size(),
              seconds(c.metricsWarm()),
              c.queryWarm() == null ? "not run" : seconds(c.queryWarm()),
              seconds(duck),
              c.queryWarm() == null ? "" : ratio(c.queryWarm(), duck),
              ratio(c.metricsWarm(), duck),
              c.compared() - c.disagreements(),
              c.compared()));
    }
    return md.toString();
  }

  private static String seconds(StageMeasure s) {
    return String.format(Locale.ROOT, "%.2f (%.2f)", s.seconds(), s.cpuSeconds());
  }

  /** How many times {@code engine}'s time is {@code duckDb}'s, wall and CPU. */
  private static String ratio(StageMeasure engine, StageMeasure duckDb) {
    return String.format(
        Locale.ROOT,
        "%.1fx (%.1fx)",
        engine.seconds() / duckDb.seconds(),
        engine.cpuSeconds() / Math.max(duckDb.cpuSeconds(), 1e-3));
  }
}
