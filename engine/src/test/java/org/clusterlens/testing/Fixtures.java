package org.clusterlens.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Optional;
import org.clusterlens.ingest.ClusterFolder;
import org.clusterlens.ingest.ReturnReader;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Term;
import org.clusterlens.model.TermlyReturn;

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

  /**
   * The test cluster's good return ({@code returns/good-basic.csv}), read as school {@code urn}'s
   * return for {@code term} (e.g. {@code 2024-25-autumn}).
   */
  public static TermlyReturn goodReturn(String urn, String term) {
    return new ReturnReader(cluster())
        .read(path("returns/good-basic.csv"), Optional.of(urn), Optional.of(Term.parse(term)))
        .termlyReturn()
        .orElseThrow();
  }
}
