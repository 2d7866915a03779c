package org.clusterlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.clusterlens.generate.DemoClusterGenerator;
import org.clusterlens.generate.DemoClusterWriter;
import org.clusterlens.generate.GeneratedCluster;
import org.clusterlens.generate.GeneratedTermlyReturn;
import org.clusterlens.generate.ScaleClusterGenerator;
import org.clusterlens.generate.ScaleDatasetWriter;
import org.clusterlens.generate.ScaleSize;
import org.clusterlens.warehouse.EngineSpark;
import org.clusterlens.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clusterlens generate}: writes the synthetic demo cluster, or an LA or a country. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generates the synthetic demo cluster (8 schools, two years, three terms) as returns,",
      "or with --size la|national a local authority (300 schools) or England (16,000 schools,",
      "about 2.3 million pupils), three years of three terms, as csv returns and straight into",
      "a warehouse. The same seed always gives the same data."
    })
final class GenerateCommand implements Callable<Integer> {

  /** The sizes --size accepts. */
  enum Size {
    demo,
    la,
    national
  }

  /** The forms a generated LA or country is written in. */
  enum Form {
    returns,
    warehouse
  }

  @Option(
      names = "--size",
      paramLabel = "SIZE",
      defaultValue = "demo",
      description = "demo, la or national (default: ${DEFAULT-VALUE}).")
  Size size;

  @Option(
      names = "--schools",
      paramLabel = "N",
      description = "With --size la or national: this many schools instead.")
  Integer schools;

  @Option(
      names = "--years",
      paramLabel = "N",
      description = "With --size la or national: 2 or 3 academic years (default: 3).")
  Integer years;

  @Option(
      names = "--form",
      split = ",",
      paramLabel = "FORM",
      description =
          "With --size la or national: returns, warehouse or both (default: returns,warehouse).")
  Set<Form> forms;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Where to write the returns (default: datasets/demo-cluster, or"
              + " datasets/generated-<size>).")
  Path out;

  @Option(
      names = "--warehouse",
      paramLabel = "DIR",
      description =
          "With --size la or national: the warehouse folder or URI to fill; it must be empty"
              + " (default: warehouse/generated-<size>).")
  String warehouse;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "The random seed (default: the demo's own).")
  Long seed;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    long chosenSeed = seed != null ? seed : DemoClusterGenerator.DEFAULT_SEED;
    PrintWriter printer = spec.commandLine().getOut();
    if (size == Size.demo) {
      Path target = out != null ? out : Places.demoCluster();
      GeneratedCluster cluster = DemoClusterGenerator.generate(chosenSeed);
      List<Path> files = DemoClusterWriter.write(cluster, target);
      printer.println(files.size() + " files written to " + target.toAbsolutePath());
      return ClusterLens.OK;
    }
    ScaleSize scale;
    try {
      scale = size == Size.la ? ScaleSize.LOCAL_AUTHORITY : ScaleSize.NATIONAL;
      scale = schools != null ? scale.withSchools(schools) : scale;
      scale = years != null ? scale.withYears(years) : scale;
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ClusterLens.BAD_INPUT;
    }
    ScaleClusterGenerator generator = new ScaleClusterGenerator(scale, chosenSeed);
    Set<Form> chosen = forms == null ? EnumSet.allOf(Form.class) : forms;
    if (chosen.contains(Form.returns)) {
      Path target =
          this.out != null ? this.out : Places.home().resolve("datasets/generated-" + size);
      long start = System.nanoTime();
      long files = ScaleDatasetWriter.write(generator, target);
      printer.printf(
          "%d returns of %d schools written to %s (%.1f s)%n",
          files, scale.schools(), target.toAbsolutePath(), seconds(start));
      printer.flush();
    }
    if (chosen.contains(Form.warehouse)) {
      String root =
          warehouse != null
              ? warehouse
              : Places.home().resolve("warehouse/generated-" + size).toString();
      Warehouse target = new Warehouse(EngineSpark.session(), root);
      if (!target.isEmpty()) {
        spec.commandLine()
            .getErr()
            .println("The warehouse " + root + " already holds returns; name a new one.");
        return ClusterLens.BAD_INPUT;
      }
      long start = System.nanoTime();
      long version =
          target.loadGenerated(
              scale.schools(),
              i -> generator.returnsOf(i).stream().map(GeneratedTermlyReturn::of).toList());
      printer.printf(
          "%d schools' returns stored in %s, warehouse version %d (%.1f s)%n",
          scale.schools(), root, version, seconds(start));
    }
    return ClusterLens.OK;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
