package org.clusterlens.cli;

import java.nio.file.Path;
import org.clusterlens.ingest.ClusterFolder;
import org.clusterlens.model.Cluster;
import picocli.CommandLine.Option;

/** The {@code --cluster} and {@code --warehouse} options shared by the commands that need them. */
final class ClusterOption {

  @Option(
      names = "--cluster",
      required = true,
      paramLabel = "DIR",
      description = "The cluster's folder, holding cluster.properties and schools.csv.")
  Path clusterDir;

  @Option(
      names = "--warehouse",
      paramLabel = "DIR",
      defaultValue = "warehouse",
      description = "The warehouse's folder or URI (default: ${DEFAULT-VALUE}).")
  String warehouse;

  Cluster cluster() throws ClusterFolder.InvalidClusterException {
    return ClusterFolder.read(clusterDir);
  }
}
