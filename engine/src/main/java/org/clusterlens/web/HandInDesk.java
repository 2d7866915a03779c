package org.clusterlens.web;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.clusterlens.feedback.ReturnFeedbackPage;
import org.clusterlens.ingest.ReturnCheck;
import org.clusterlens.ingest.ReturnProblem;
import org.clusterlens.model.Term;
import org.clusterlens.pipeline.IngestRun;

/**
 * Takes in one return at a time: keeps the file under a generated name in {@code uploads/<URN>/},
 * runs it through the ingest pipeline exactly as {@code clusterlens ingest} does (same checks, same
 * feedback page and marked-up copy, same atomic store), and records the hand-in in {@code
 * hand-ins.json}. Hand-ins arriving together wait their turn, so each is stored whole and none is
 * lost.
 */
public final class HandInDesk {

  /** The file kinds a return may be, as ingest reads them. */
  public static final Set<String> EXTENSIONS = Set.of("xlsx", "xls", "csv", "tsv", "xml");

  private static final TypeReference<List<HandIn>> LIST = new TypeReference<>() {};
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final ServiceFolder folder;
  private final Function<Path, IngestRun> ingest;
  private final ReentrantLock turn = new ReentrantLock(true);

  /**
   * @param folder the service folder
   * @param ingest the ingest run, configured as the command line's (limits, mappings, schemes),
   *     writing its feedback into the folder given
   */
  HandInDesk(ServiceFolder folder, Function<Path, IngestRun> ingest) {
    this.folder = folder;
    this.ingest = ingest;
  }

  /**
   * Keeps, checks and (when accepted) stores one return.
   *
   * @param school the URN of the school the hand-in is for (its business manager's own)
   * @param term the term the service takes returns for
   * @param by the account name handing it in
   * @param fileName the name the file had on the user's computer (any folder part is dropped)
   * @param content the file's bytes
   * @throws IllegalArgumentException if the file's kind is not one ingest reads
   */
  public HandIn handIn(String school, Term term, String by, String fileName, InputStream content) {
    String original = plainName(fileName);
    String extension = extension(original);
    if (!EXTENSIONS.contains(extension)) {
      throw new IllegalArgumentException(
          "'"
              + original
              + "' is not a return ClusterLens reads; hand in an .xlsx, .xls, .csv, .tsv or"
              + " CTF .xml file");
    }
    Instant now = Instant.now();
    String id = STAMP.format(now) + "-" + school + "-" + randomHex();
    String storedAs = school + "-" + term.id() + "-" + id + "." + extension;
    Path file = folder.uploads().resolve(school).resolve(storedAs);
    try {
      Files.createDirectories(file.getParent());
      Files.copy(content, file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not keep the file handed in as " + file, e);
    }
    turn.lock();
    try {
      IngestRun.FileOutcome outcome =
          ingest
              .apply(folder.feedback().resolve(id))
              .run(List.of(file), Optional.of(school), Optional.of(term))
              .get(0);
      HandIn handIn = record(id, school, term, by, now, original, storedAs, outcome);
      List<HandIn> all = new ArrayList<>(all());
      all.add(handIn);
      ServiceFolder.writeAtomically(folder.handIns(), all);
      return handIn;
    } finally {
      turn.unlock();
    }
  }

  /** Every hand-in, oldest first. */
  public List<HandIn> all() {
    return ServiceFolder.readList(folder.handIns(), LIST);
  }

  /** One school's hand-ins, newest first. */
  public List<HandIn> forSchool(String school) {
    return all().stream()
        .filter(h -> h.school().equals(school))
        .sorted(Comparator.comparing(HandIn::at).reversed())
        .toList();
  }

  /** The hand-in with this id, if it is this school's. */
  public Optional<HandIn> find(String school, String id) {
    return all().stream().filter(h -> h.id().equals(id) && h.school().equals(school)).findFirst();
  }

  /** The hand-in's marked-up copy, if it has one. */
  Optional<Path> markedCopy(HandIn handIn) {
    if (handIn.markedCopy() == null) {
      return Optional.empty();
    }
    Path p = folder.feedback().resolve(handIn.id()).resolve(handIn.markedCopy());
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  private static HandIn record(
      String id,
      String school,
      Term term,
      String by,
      Instant at,
      String original,
      String storedAs,
      IngestRun.FileOutcome outcome) {
    ReturnCheck check = outcome.check();
    String stored =
        outcome
            .stored()
            .map(
                s ->
                    switch (s.action()) {
                      case UNCHANGED ->
                          "This file is the one the warehouse already holds for your school and"
                              + " term, so nothing changed.";
                      default ->
                          "Stored as warehouse version "
                              + s.version()
                              + "; it replaces any earlier return for your school this term.";
                    })
            .orElse("");
    List<HandIn.Problem> problems = new ArrayList<>();
    for (ReturnProblem p : check.problems()) {
      problems.add(
          new HandIn.Problem(
              p.isError(),
              ReturnFeedbackPage.where(p),
              p.value() == null ? "" : p.value(),
              p.problem(),
              p.accepted() == null ? "" : p.accepted()));
    }
    problems.sort(Comparator.comparing(p -> !p.error()));
    String marked =
        outcome.feedback().size() > 1 ? outcome.feedback().get(1).getFileName().toString() : null;
    return new HandIn(
        id,
        school,
        term.id(),
        by,
        at.toString(),
        original,
        storedAs,
        check.accepted(),
        stored,
        check.pupils().size(),
        problems,
        marked);
  }

  /**
   * The last part of a name a browser sent, with no folder, no control characters and at most 120
   * characters: {@code ../../etc/x.csv} becomes {@code x.csv}.
   */
  static String plainName(String fileName) {
    String name = fileName == null ? "" : fileName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("\\p{Cntrl}", "").trim();
    if (name.equals(".") || name.equals("..") || name.isEmpty()) {
      name = "return";
    }
    return name.length() > 120 ? name.substring(name.length() - 120) : name;
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String randomHex() {
    byte[] b = new byte[6];
    new java.security.SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
