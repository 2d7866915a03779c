package org.clusterlens.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.clusterlens.ingest.ClusterFolder;
import org.clusterlens.model.Cluster;

/** Reaches the test fixtures on the classpath, never through the working directory. */
public final class Fixtures {

  private Fixtures() {}

  /** A fixture file or folder under {@code fixtures/} on the test classpath. */
  public static Path path(String relative) {
    URL url = Fixtures.class.getResource("/fixtures/" + relative);
    if (url == null) {
      throw new IllegalArgumentException("No fixture fixtures/" + relative + " on the classpath");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The two-school test cluster. */
  public static Cluster cluster() {
    try {
      return ClusterFolder.read(path("cluster"));
    } catch (ClusterFolder.InvalidClusterException e) {
      throw new IllegalStateException(e);
    }
  }
}
