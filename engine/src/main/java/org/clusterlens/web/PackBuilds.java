package org.clusterlens.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the packs, one build at a time, each into a folder of its own under {@code packs/builds/};
 * only when a build is whole does {@code packs/current} name it, in one atomic move. Readers are
 * always served the last complete set. A rebuild asked for while one runs is run once after it,
 * with the warehouse as it is then.
 */
public final class PackBuilds implements AutoCloseable {

  /** What the readers are served and what is happening. */
  public record Status(
      Optional<String> current,
      Optional<Instant> currentBuiltAt,
      boolean running,
      Optional<Instant> runningSince,
      String runningReason,
      boolean queued,
      Optional<Duration> lastTook,
      Optional<String> lastFailure) {

    /** Seconds the running build has taken so far, or 0. */
    public long secondsSoFar() {
      return runningSince.map(s -> Duration.between(s, Instant.now()).toSeconds()).orElse(0L);
    }
  }

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private final ServiceFolder folder;
  private final Consumer<Path> build;
  private final AuditTrail audit;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "clusterlens-pack-build");
            t.setDaemon(true);
            return t;
          });

  private boolean running;
  private boolean queued;
  private String queuedReason = "";
  private Instant runningSince;
  private String runningReason = "";
  private Duration lastTook;
  private String lastFailure;

  /**
   * @param folder the service folder
   * @param build writes every pack into the (new, empty) folder given, or throws
   * @param audit where each build's start and end are recorded
   */
  PackBuilds(ServiceFolder folder, Consumer<Path> build, AuditTrail audit) {
    this.folder = folder;
    this.build = build;
    this.audit = audit;
  }

  /**
   * Asks for a rebuild: starts one now, or, if one is running, runs one more after it.
   *
   * @param reason why, for the status and the audit trail, e.g. "asked for by coordinator"
   */
  public synchronized void request(String reason) {
    if (running) {
      queued = true;
      queuedReason = reason;
      return;
    }
    start(reason);
  }

  private void start(String reason) {
    running = true;
    runningSince = Instant.now();
    runningReason = reason;
    worker.submit(this::runOne);
  }

  private void runOne() {
    Instant started;
    String reason;
    synchronized (this) {
      started = runningSince;
      reason = runningReason;
    }
    String id = STAMP.format(started);
    Path dir = builds().resolve(id);
    String failure = null;
    audit.record("-", "rebuild started", id + " (" + reason + ")");
    try {
      Files.createDirectories(dir);
      build.accept(dir);
      ServiceFolder.writeTextAtomically(pointer(), id);
      prune(id);
      audit.record("-", "rebuild finished", id);
    } catch (RuntimeException | IOException e) {
      failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      audit.record("-", "rebuild failed", id + ": " + failure);
    }
    synchronized (this) {
      lastTook = Duration.between(started, Instant.now());
      lastFailure = failure;
      running = false;
      if (queued) {
        queued = false;
        start(queuedReason);
      }
      notifyAll();
    }
  }

  /** The folder of the last complete build, if there is one. */
  public Optional<Path> current() {
    Path p = pointer();
    try {
      if (!Files.exists(p)) {
        return Optional.empty();
      }
      Path dir = builds().resolve(Files.readString(p).trim());
      return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read which pack build is current from " + p, e);
    }
  }

  /** What readers are served now and whether a build is running. */
  public synchronized Status status() {
    Optional<Path> current = current();
    Optional<Instant> builtAt =
        current.map(
            d -> {
              try {
                return Files.getLastModifiedTime(pointer()).toInstant();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return new Status(
        current.map(d -> d.getFileName().toString()),
        builtAt,
        running,
        Optional.ofNullable(running ? runningSince : null),
        runningReason,
        queued,
        Optional.ofNullable(lastTook),
        Optional.ofNullable(lastFailure));
  }

  /**
   * Waits until no build is running or queued.
   *
   * @return false if it was still busy after {@code timeout}
   */
  public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (running || queued) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  private Path builds() {
    return folder.packs().resolve("builds");
  }

  private Path pointer() {
    return folder.packs().resolve("current");
  }

  /** Keeps the current build and the one before it (a reader may still be reading it). */
  private void prune(String currentId) throws IOException {
    List<Path> older;
    try (Stream<Path> s = Files.list(builds())) {
      older =
          s.filter(p -> p.getFileName().toString().compareTo(currentId) < 0)
              .sorted(Comparator.reverseOrder())
              .toList();
    }
    for (Path old : older.subList(Math.min(1, older.size()), older.size())) {
      try (Stream<Path> walk = Files.walk(old)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
