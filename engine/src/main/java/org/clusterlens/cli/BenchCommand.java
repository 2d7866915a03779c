package org.clusterlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.clusterlens.bench.BenchTable;
import org.clusterlens.bench.Benchmark;
import org.clusterlens.generate.DemoClusterGenerator;
import org.clusterlens.generate.ScaleSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clusterlens bench}: measures every stage at cluster, LA and national size. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures wall time, rows per second and peak memory of ingest, metrics and packs at",
      "cluster, local-authority and national size, with DuckDB computing the same figures from",
      "the same files beside the metrics stage. Prints Markdown tables (see docs/BENCHMARKS.md).",
      "For national size give the JVM room: CLUSTERLENS_JAVA_OPTS=-Xmx8g."
    })
final class BenchCommand implements Callable<Integer> {

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

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path folder = work != null ? work : Places.home().resolve("bench-work");
    Benchmark benchmark =
        new Benchmark(
            folder,
            Places.demoCluster(),
            DemoClusterGenerator.DEFAULT_SEED,
            nationalSchools != null ? nationalSchools : ScaleSize.NATIONAL.schools(),
            out);
    out.println(
        "Measuring "
            + sizes
            + " on "
            + Runtime.getRuntime().availableProcessors()
            + " cores, max heap "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + " MB");
    out.flush();
    Benchmark.Results results = benchmark.run(sizes.stream().map(s -> s.size).toList());
    out.println();
    out.print(BenchTable.render(results));
    out.flush();
    return results.comparisons().stream().allMatch(c -> c.disagreements() == 0)
        ? ClusterLens.OK
        : ClusterLens.INTERNAL_FAILURE;
  }
}
