package org.clusterlens.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.clusterlens.feedback.FeedbackSaver;
import org.clusterlens.ingest.MovedPupils;
import org.clusterlens.ingest.ReturnCheck;
import org.clusterlens.ingest.ReturnLimits;
import org.clusterlens.ingest.ReturnProblem;
import org.clusterlens.ingest.ReturnReader;
import org.clusterlens.ingest.SchoolMapping;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Term;
import org.clusterlens.model.TermlyReturn;
import org.clusterlens.scheme.SchemeChoices;
import org.clusterlens.warehouse.StoreOutcome;
import org.clusterlens.warehouse.Warehouse;

/**
 * Reads, validates and stores returns: each accepted return replaces its school's term; a rejected
 * one stores nothing. One return's rejection does not stop the others.
 */
public final class IngestRun {

  private final Cluster cluster;
  private final ReturnLimits limits;
  private final Map<String, SchoolMapping> mappings;
  private final SchemeChoices schemes;
  private final Optional<Path> feedback;
  private final Supplier<Warehouse> warehouse;

  /**
   * @param cluster the cluster whose schools may hand in returns
   * @param warehouse opens the warehouse; called only when there is an accepted return to store, so
   *     that rejecting returns never waits for Spark to start
   */
  public IngestRun(Cluster cluster, Supplier<Warehouse> warehouse) {
    this(
        cluster,
        ReturnLimits.DEFAULT,
        Map.of(),
        SchemeChoices.LEVELS_ONLY,
        Optional.empty(),
        warehouse);
  }

  private IngestRun(
      Cluster cluster,
      ReturnLimits limits,
      Map<String, SchoolMapping> mappings,
      SchemeChoices schemes,
      Optional<Path> feedback,
      Supplier<Warehouse> warehouse) {
    this.cluster = cluster;
    this.limits = limits;
    this.mappings = Map.copyOf(mappings);
    this.schemes = schemes;
    this.feedback = feedback;
    this.warehouse = warehouse;
  }

  /** The same run with other size limits for each file. */
  public IngestRun withLimits(ReturnLimits newLimits) {
    return new IngestRun(cluster, newLimits, mappings, schemes, feedback, warehouse);
  }

  /** The same run reading each school's own column and grade names (by URN). */
  public IngestRun withMappings(Map<String, SchoolMapping> schoolMappings) {
    return new IngestRun(cluster, limits, schoolMappings, schemes, feedback, warehouse);
  }

  /** The same run reading each school's grades in the scheme the cluster chose for its term. */
  public IngestRun withSchemes(SchemeChoices choices) {
    return new IngestRun(cluster, limits, mappings, choices, feedback, warehouse);
  }

  /** The same run writing each return's feedback page and marked-up copy into {@code folder}. */
  public IngestRun withFeedback(Path folder) {
    return new IngestRun(cluster, limits, mappings, schemes, Optional.of(folder), warehouse);
  }

  /**
   * What happened to one file.
   *
   * @param check what validation found
   * @param stored what storing did, or empty when the return was rejected
   * @param feedback the feedback files written for it (page first), empty when none were asked for
   *     or they could not be written
   * @param feedbackFailure why its feedback could not be written, as a sentence; empty when it was
   *     written or none was asked for. The return's own outcome ({@code check}, {@code stored}) is
   *     true either way: feedback is written after the commit and never undoes it.
   */
  public record FileOutcome(
      ReturnCheck check,
      Optional<StoreOutcome> stored,
      List<Path> feedback,
      Optional<String> feedbackFailure) {

    public FileOutcome {
      feedback = List.copyOf(feedback);
    }

    /** An outcome whose feedback, if any was asked for, was written. */
    public FileOutcome(ReturnCheck check, Optional<StoreOutcome> stored, List<Path> feedback) {
      this(check, stored, feedback, Optional.empty());
    }

    /** An outcome with no feedback files. */
    public FileOutcome(ReturnCheck check, Optional<StoreOutcome> stored) {
      this(check, stored, List.of());
    }
  }

  /**
   * Ingests every return in {@code paths} (files, or folders searched for returns): all are
   * validated first, then every accepted one is stored in a single commit, so the warehouse moves
   * from one consistent state to the next. Two files for the same school and term are both
   * rejected; a pupil listed by two schools in one term (in this run or in the warehouse) is a
   * warning on the return handed in.
   *
   * @param school the school to take every file as, if given on the command line
   * @param term the term to take every file as, if given on the command line
   */
  public List<FileOutcome> run(List<Path> paths, Optional<String> school, Optional<Term> term) {
    ReturnReader reader = new ReturnReader(cluster, limits, mappings, schemes);
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      files.addAll(ReturnReader.returnFiles(path));
    }
    // Each file is read and checked on its own, side by side; the checks come back in the files'
    // order, so messages and outcomes do not depend on which finished first.
    List<ReturnCheck> checks = ParallelWork.each(files, file -> reader.read(file, school, term));
    checks = rejectRivals(checks);
    boolean anyAccepted = checks.stream().anyMatch(ReturnCheck::accepted);
    Warehouse store = anyAccepted ? warehouse.get() : null;
    if (store != null) {
      checks = MovedPupils.warn(checks, upnsHeld(store, checks));
    }
    List<ReturnCheck> checked = checks;
    List<Integer> indices = IntStream.range(0, checks.size()).boxed().toList();
    // The marked-up copies say nothing of what was stored: they are made (in memory, side by side)
    // while the returns are stored, and written with the pages once the commit is made.
    CompletableFuture<List<FeedbackSaver.Prepared>> copies =
        feedback.isEmpty()
            ? CompletableFuture.completedFuture(List.of())
            : CompletableFuture.supplyAsync(
                () ->
                    ParallelWork.each(
                        indices, i -> FeedbackSaver.prepare(checked.get(i), files.get(i))));
    List<TermlyReturn> accepted = checks.stream().flatMap(c -> c.termlyReturn().stream()).toList();
    Iterator<StoreOutcome> stored =
        accepted.isEmpty() ? Collections.emptyIterator() : store.storeAll(accepted).iterator();
    List<Optional<StoreOutcome>> storedEach = new ArrayList<>();
    for (ReturnCheck check : checks) {
      storedEach.add(check.accepted() ? Optional.of(stored.next()) : Optional.empty());
    }
    if (feedback.isEmpty()) {
      return indices.stream().map(i -> new FileOutcome(checked.get(i), storedEach.get(i))).toList();
    }
    List<FeedbackSaver.Prepared> prepared = copies.join();
    // Each return's feedback is written side by side too, each to files of its own.
    return ParallelWork.each(
        indices, i -> withFeedback(checked.get(i), prepared.get(i), storedEach.get(i)));
  }

  /**
   * Writes one return's feedback, after the commit so that it can say what was stored. A failure to
   * write it (an unwritable folder, a full disk, a workbook POI cannot copy) is that return's
   * alone: recorded on its outcome, and the other returns' feedback is still written.
   */
  private FileOutcome withFeedback(
      ReturnCheck check, FeedbackSaver.Prepared copy, Optional<StoreOutcome> outcome) {
    try {
      return new FileOutcome(
          check, outcome, FeedbackSaver.save(copy, storedSentence(outcome), feedback.get()));
    } catch (RuntimeException e) {
      return new FileOutcome(check, outcome, List.of(), Optional.of(FaultCause.describe(e)));
    }
  }

  private static String storedSentence(Optional<StoreOutcome> outcome) {
    if (outcome.isEmpty()) {
      return "";
    }
    StoreOutcome o = outcome.get();
    return o.action() == StoreOutcome.Action.UNCHANGED
        ? "This file is the one the warehouse already holds for this school and term, so nothing"
            + " changed."
        : "Stored as warehouse version "
            + o.version()
            + "; it replaces any earlier return for this"
            + " school and term.";
  }

  /**
   * The UPNs of every return the warehouse holds for the terms of this run's accepted returns, by
   * term and school: one small query, UPNs only.
   */
  private static Map<String, Map<String, Set<String>>> upnsHeld(
      Warehouse store, List<ReturnCheck> checks) {
    List<String> terms =
        checks.stream()
            .filter(ReturnCheck::accepted)
            .map(c -> c.identity().term().id())
            .distinct()
            .toList();
    if (terms.isEmpty() || store.isEmpty()) {
      return Map.of();
    }
    Map<String, Map<String, Set<String>>> held = new HashMap<>();
    for (Row r :
        store
            .assessments()
            .where(functions.col("term_id").isin(terms.toArray()))
            .select("term_id", "school_urn", "upn")
            .distinct()
            .collectAsList()) {
      held.computeIfAbsent(r.getString(0), t -> new HashMap<>())
          .computeIfAbsent(r.getString(1), u -> new HashSet<>())
          .add(r.getString(2));
    }
    return held;
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
      out.add(c.withProblems(problems.subList(c.problems().size(), problems.size())));
    }
    return out;
  }

  private static String schoolTerm(ReturnCheck c) {
    return c.identity().schoolUrn() + "/" + c.identity().term().id();
  }
}
