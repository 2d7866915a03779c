package org.clusterlens.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.clusterlens.ingest.ReturnCheck;
import org.clusterlens.ingest.ReturnProblem;
import org.clusterlens.ingest.ReturnReader;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Term;
import org.clusterlens.model.TermlyReturn;
import org.clusterlens.warehouse.StoreOutcome;
import org.clusterlens.warehouse.Warehouse;

/**
 * Reads, validates and stores returns: each accepted return replaces its school's term; a rejected
 * one stores nothing. One return's rejection does not stop the others.
 */
public final class IngestRun {

  private final ReturnReader reader;
  private final Supplier<Warehouse> warehouse;

  /**
   * @param cluster the cluster whose schools may hand in returns
   * @param warehouse opens the warehouse; called only when there is an accepted return to store, so
   *     that rejecting returns never waits for Spark to start
   */
  public IngestRun(Cluster cluster, Supplier<Warehouse> warehouse) {
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
   * Ingests every return in {@code paths} (files, or folders searched for .xlsx and .csv files):
   * all are validated first, then every accepted one is stored in a single commit, so the warehouse
   * moves from one consistent state to the next. Two files for the same school and term are both
   * rejected.
   *
   * @param school the school to take every file as, if given on the command line
   * @param term the term to take every file as, if given on the command line
   */
  public List<FileOutcome> run(List<Path> paths, Optional<String> school, Optional<Term> term) {
    List<ReturnCheck> checks = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : ReturnReader.returnFiles(path)) {
        checks.add(reader.read(file, school, term));
      }
    }
    checks = rejectRivals(checks);
    List<TermlyReturn> accepted = checks.stream().flatMap(c -> c.termlyReturn().stream()).toList();
    Iterator<StoreOutcome> stored =
        accepted.isEmpty()
            ? Collections.emptyIterator()
            : warehouse.get().storeAll(accepted).iterator();
    List<FileOutcome> outcomes = new ArrayList<>();
    for (ReturnCheck check : checks) {
      outcomes.add(
          new FileOutcome(check, check.accepted() ? Optional.of(stored.next()) : Optional.empty()));
    }
    return outcomes;
  }

  /** Adds an error to every accepted return that shares its school and term with another file. */
  private static List<ReturnCheck> rejectRivals(List<ReturnCheck> checks) {
    Map<String, List<String>> filesBySchoolTerm = new HashMap<>();
    for (ReturnCheck c : checks) {
      if (c.accepted()) {
        filesBySchoolTerm
            .computeIfAbsent(schoolTerm(c), k -> new ArrayList<>())
            .add(c.identity().fileName());
      }
    }
    List<ReturnCheck> out = new ArrayList<>();
    for (ReturnCheck c : checks) {
      List<String> rivals = c.accepted() ? filesBySchoolTerm.get(schoolTerm(c)) : List.of();
      if (rivals.size() < 2) {
        out.add(c);
        continue;
      }
      List<ReturnProblem> problems = new ArrayList<>(c.problems());
      problems.add(
          ReturnProblem.fileError(
              c.identity().fileName(),
              "is one of "
                  + rivals.size()
                  + " files for school "
                  + c.identity().schoolUrn()
                  + " in "
                  + c.identity().term().id()
                  + " ("
                  + String.join(", ", rivals)
                  + ")",
              "Hand in one file per school per term"));
      out.add(new ReturnCheck(c.identity(), c.pupils(), problems));
    }
    return out;
  }

  private static String schoolTerm(ReturnCheck c) {
    return c.identity().schoolUrn() + "/" + c.identity().term().id();
  }
}
