package org.clusterlens.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.clusterlens.model.Term;
import org.clusterlens.testing.Fixtures;

/**
 * One file of the return corpus and what reading it must give: a line of {@code
 * fixtures/returns/cases.csv}.
 *
 * @param id the case's name, unique in the corpus
 * @param file the fixture's file name under {@code fixtures/returns/}
 * @param school the URN to read it for (a school of the test cluster)
 * @param term the term to read it for
 * @param limits the limits to read it with
 * @param accepted whether the return must be accepted
 * @param pupils how many pupils an accepted return has, or null for a rejected one
 * @param messages every problem the reader must report (errors and warnings), each as the start of
 *     its {@link ReturnProblem#sentence()}; a rejected case's messages start with the file and the
 *     row and column where there is one
 */
public record ReturnCase(
    String id,
    String file,
    String school,
    Term term,
    ReturnLimits limits,
    boolean accepted,
    Integer pupils,
    List<String> messages) {

  public ReturnCase {
    messages = List.copyOf(messages);
  }

  /** The fixture on the classpath. */
  public Path path() {
    return Fixtures.path("returns/" + file);
  }

  /**
   * Reads the fixture as the corpus says it must be read, with the test cluster's mapping files
   * (fixtures/cluster/mappings/).
   */
  public ReturnCheck read(org.clusterlens.model.Cluster cluster) {
    try {
      return new ReturnReader(
              cluster, limits, ClusterFolder.mappings(Fixtures.path("cluster"), cluster))
          .read(path(), Optional.of(school), Optional.of(term));
    } catch (ClusterFolder.InvalidClusterException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return id;
  }
}
