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
    md.append("\n| dataset | metrics first s | metrics warm s | DuckDB first s | DuckDB warm s |")
        .append(" warm ratio (ClusterLens / DuckDB) | figures agreeing |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Benchmark.Comparison c : results.comparisons()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f | %.2f | %.2f | %.2f | %.1fx | %,d of %,d |%n",
              c.size(),
              c.sparkFirst(),
              c.sparkWarm(),
              c.duckDbFirst(),
              c.duckDbWarm(),
              c.warmRatio(),
              c.compared() - c.disagreements(),
              c.compared()));
    }
    return md.toString();
  }
}
