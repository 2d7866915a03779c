package org.clusterlens.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clusterlens.ingest.ReturnCheck;
import org.clusterlens.ingest.ReturnReader;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Term;
import org.clusterlens.warehouse.StoreOutcome;
import org.clusterlens.warehouse.Warehouse;

/**
 * Reads, validates and stores returns: each accepted return replaces its school's term; a rejected
 * one stores nothing. One return's rejection does not stop the others.
 */
public final class IngestRun {

  private final ReturnReader reader;
  private final Warehouse warehouse;

  public IngestRun(Cluster cluster, Warehouse warehouse) {
    this.reader = new ReturnReader(cluster);
    this.warehouse = warehouse;
  }

  /**
   * What happened to one file.
   *
   * @param check what validation found
   * @param stored what storing did, or empty when the return was rejected
   */
  public record FileOutcome(ReturnCheck check, Optional<StoreOutcome> stored) {}

  /**
   * Ingests every return in {@code paths} (files, or folders searched for .xlsx and .csv files).
   *
   * @param school the school to take every file as, if given on the command line
   * @param term the term to take every file as, if given on the command line
   */
  public List<FileOutcome> run(List<Path> paths, Optional<String> school, Optional<Term> term) {
    List<FileOutcome> outcomes = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : ReturnReader.returnFiles(path)) {
        ReturnCheck check = reader.read(file, school, term);
        outcomes.add(new FileOutcome(check, check.termlyReturn().map(warehouse::store)));
      }
    }
    return outcomes;
  }
}
