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
import org.clusterlens.ingest.IngestBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clusterlens bench-ingest}: prints ingest throughput beside the raw parse. */
@Command(
    name = "bench-ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Measures ingest throughput (rows/s) beside the raw parse of the same made-up return, for csv"
          + " and xlsx files of each size, and prints what validation costs over the parse."
    })
final class BenchIngestCommand implements Callable<Integer> {

  @Option(
      names = "--pupils",
      split = ",",
      defaultValue = "700,5000",
      paramLabel = "N",
      description = "Pupil rows per file, comma separated (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(
      names = "--rounds",
      defaultValue = "7",
      paramLabel = "N",
      description = "Timed runs per measurement; the median is shown (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (rounds < 1 || sizes.stream().anyMatch(n -> n < 1)) {
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
      for (IngestBenchmark.Result r : IngestBenchmark.run(folder, sizes, rounds)) {
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
}
