package org.clusterlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.clusterlens.bench.BenchTable;
import org.clusterlens.bench.Benchmark;
import org.clusterlens.generate.DemoClusterGenerator;
import org.clusterlens.generate.ScaleSize;
import org.clusterlens.ingest.IngestBenchmark;
import org.clusterlens.warehouse.EngineSpark;
import org.clusterlens.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clusterlens bench}: measures every stage at cluster, LA and national size, or (with {@code
 * --stage ingest-parse}) ingest throughput beside the raw parse.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures wall time, rows per second and peak memory of ingest, metrics and packs at",
      "cluster, local-authority and national size, with DuckDB running the engine's attainment",
      "query on the same files beside the metrics stage. Prints Markdown tables (see",
      "docs/BENCHMARKS.md). For national size give the JVM room: CLUSTERLENS_JAVA_OPTS=-Xmx8g.",
      "With --stage ingest-parse: ingest throughput (rows/s) beside the raw parse of the same",
      "made-up return, csv and xlsx, and what validation costs over the parse",
      "(docs/BENCHMARKS-INGEST.md)."
    })
final class BenchCommand implements Callable<Integer> {

  /** What --stage accepts. */
  enum Stage {
    /** Ingest, metrics (against DuckDB) and packs at each --size. */
    all,
    /** Ingest against the raw parse of the same files, per format and --pupils. */
    ingest_parse
  }

  @Option(
      names = "--stage",
      paramLabel = "STAGE",
      defaultValue = "all",
      converter = StageConverter.class,
      description = "all (default: ingest, metrics and packs at each --size) or ingest-parse.")
  Stage stage;

  @Option(
      names = "--pupils",
      split = ",",
      defaultValue = "700,5000",
      paramLabel = "N",
      description =
          "ingest-parse: pupil rows per file, comma separated (default: ${DEFAULT-VALUE}).")
  List<Integer> pupils;

  @Option(
      names = "--rounds",
      defaultValue = "7",
      paramLabel = "N",
      description =
          "ingest-parse: timed runs per measurement; the median is shown (default:"
              + " ${DEFAULT-VALUE}).")
  int rounds;

  /** The datasets --size accepts. */
  enum Size {
    cluster(Benchmark.Size.CLUSTER),
    la(Benchmark.Size.LOCAL_AUTHORITY),
    national(Benchmark.Size.NATIONAL);

    final Benchmark.Size size;

    Size(Benchmark.Size size) {
      this.size = size;
    }
  }

  @Option(
      names = "--size",
      split = ",",
      paramLabel = "SIZE",
      defaultValue = "cluster,la",
      description = "cluster, la and/or national, comma separated (default: ${DEFAULT-VALUE}).")
  List<Size> sizes;

  @Option(
      names = "--national-schools",
      paramLabel = "N",
      description = "Schools in the national dataset (default: 16000, about 2.3 million pupils).")
  Integer nationalSchools;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "A folder the benchmark clears and fills (default: bench-work).")
  Path work;

  @Option(
      names = "--warehouse",
      paramLabel = "DIR",
      description =
          "Measure only the metrics stage of this warehouse as it stands (read only), its scan and"
              + " its counting apart, beside DuckDB's query over the same files; --size is ignored.")
  Path warehouse;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (stage == Stage.ingest_parse) {
      return ingestParse();
    }
    PrintWriter out = spec.commandLine().getOut();
    Path folder = work != null ? work : Places.home().resolve("bench-work");
    Benchmark benchmark =
        new Benchmark(
            folder,
            Places.demoCluster(),
            DemoClusterGenerator.DEFAULT_SEED,
            nationalSchools != null ? nationalSchools : ScaleSize.NATIONAL.schools(),
            out);
    if (warehouse != null) {
      if (new Warehouse(EngineSpark.session(), warehouse.toString()).isEmpty()) {
        spec.commandLine()
            .getErr()
            .println(
                "The warehouse "
                    + warehouse
                    + " holds no returns yet, so there is nothing to measure: give the folder of a"
                    + " warehouse that ingest or generate has filled.");
        return ClusterLens.BAD_INPUT;
      }
      out.println("Measuring the metrics stage of " + warehouse);
      out.flush();
      return printed(benchmark.metricsOf(warehouse), out);
    }
    out.println(
        "Measuring "
            + sizes
            + " on "
            + Runtime.getRuntime().availableProcessors()
            + " cores, max heap "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + " MB");
    out.flush();
    return printed(benchmark.run(sizes.stream().map(s -> s.size).toList()), out);
  }

  /** Prints the results' table; a failure when DuckDB disagreed with any figure. */
  private static int printed(Benchmark.Results results, PrintWriter out) {
    out.println();
    out.print(BenchTable.render(results));
    out.flush();
    return results.comparisons().stream().allMatch(c -> c.disagreements() == 0)
        ? ClusterLens.OK
        : ClusterLens.INTERNAL_FAILURE;
  }

  /** Ingest throughput beside the raw parse (the measuring is {@link IngestBenchmark}'s). */
  private int ingestParse() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (rounds < 1 || pupils.stream().anyMatch(n -> n < 1)) {
      spec.commandLine().getErr().println("--pupils and --rounds must be positive");
      return ClusterLens.BAD_INPUT;
    }
    Path folder = Files.createTempDirectory("clusterlens-bench-");
    try {
      out.printf(
          "Java %s, %d processors; median of %d runs after warm-up.%n",
          System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rounds);
      out.println(IngestBenchmark.header());
      out.flush();
      for (IngestBenchmark.Result r : IngestBenchmark.run(folder, pupils, rounds)) {
        out.println(r.line());
        out.flush();
      }
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException | UncheckedIOException e) {
        // A temporary folder left behind is harmless.
      }
    }
    return ClusterLens.OK;
  }

  /** Reads --stage as written on the command line ({@code ingest-parse}). */
  static final class StageConverter implements picocli.CommandLine.ITypeConverter<Stage> {
    @Override
    public Stage convert(String value) {
      for (Stage s : Stage.values()) {
        if (s.name().replace('_', '-').equals(value)) {
          return s;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "'" + value + "' is not a stage; use all or ingest-parse");
    }
  }
}
