package org.clusterlens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.clusterlens.generate.DemoClusterGenerator;
import org.clusterlens.generate.DemoClusterWriter;
import org.clusterlens.generate.GeneratedCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clusterlens generate}: writes the synthetic demo cluster. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generates the synthetic demo cluster (8 schools, two years, three terms) as returns.",
      "The same seed always gives the same files."
    })
final class GenerateCommand implements Callable<Integer> {

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write the cluster (default: datasets/demo-cluster).")
  Path out;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "The random seed (default: the demo's own).")
  Long seed;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Path target = out != null ? out : Places.demoCluster();
    GeneratedCluster cluster =
        DemoClusterGenerator.generate(seed != null ? seed : DemoClusterGenerator.DEFAULT_SEED);
    List<Path> files = DemoClusterWriter.write(cluster, target);
    spec.commandLine()
        .getOut()
        .println(files.size() + " files written to " + target.toAbsolutePath());
    return ClusterLens.OK;
  }
}
