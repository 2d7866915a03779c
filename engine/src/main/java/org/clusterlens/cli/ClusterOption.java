package org.clusterlens.cli;

import java.nio.file.Path;
import java.util.Map;
import org.clusterlens.ingest.ClusterFolder;
import org.clusterlens.ingest.SchoolMapping;
import org.clusterlens.model.Cluster;
import org.clusterlens.scheme.SchemeChoices;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --cluster} option, with {@code --warehouse}, shared by the commands that need them.
 */
final class ClusterOption {

  @Option(
      names = "--cluster",
      required = true,
      paramLabel = "DIR",
      description = "The cluster's folder, holding cluster.properties and schools.csv.")
  Path clusterDir;

  @Mixin WarehouseOption warehouseOption;

  /** The warehouse's folder or URI. */
  String warehouse() {
    return warehouseOption.root;
  }

  Cluster cluster() throws ClusterFolder.InvalidClusterException {
    return ClusterFolder.read(clusterDir);
  }

  /** Each school's own column and grade names, from the cluster folder's mappings/. */
  Map<String, SchoolMapping> mappings(Cluster cluster)
      throws ClusterFolder.InvalidClusterException {
    return ClusterFolder.mappings(clusterDir, cluster);
  }

  /** Which assessment scheme each school uses, from the cluster folder's schemes.csv. */
  SchemeChoices schemes(Cluster cluster) throws ClusterFolder.InvalidClusterException {
    return ClusterFolder.schemeChoices(clusterDir, cluster);
  }
}
