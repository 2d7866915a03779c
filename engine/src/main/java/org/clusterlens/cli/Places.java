package org.clusterlens.cli;

import java.nio.file.Path;

/** Where ClusterLens's own folders are: under the installation the launcher names, else here. */
final class Places {

  private Places() {}

  /** The folder the {@code clusterlens} launcher lives in, or the working directory. */
  static Path home() {
    String home = System.getProperty("clusterlens.home");
    return Path.of(home == null ? "" : home).toAbsolutePath().normalize();
  }

  /** The demo cluster's folder: configuration and returns. */
  static Path demoCluster() {
    return home().resolve("datasets/demo-cluster");
  }
}
