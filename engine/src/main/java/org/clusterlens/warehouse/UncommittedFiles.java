package org.clusterlens.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Leaves a warehouse on the local disk exactly as it was when a write fails before its commit (a
 * full disk, a commit refused): Delta writes a commit's data files first and its log entry last, so
 * a failed write would leave data files no version refers to. One write at a time per warehouse
 * (across processes on this machine), so every file that appears during a write is that write's;
 * after a failure, those no version of the log refers to are removed. A file any version refers to
 * is never touched. A warehouse on a cluster's file system (hdfs, s3a) is left to Delta's vacuum.
 */
final class UncommittedFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One monitor per table within this process: a file lock is held by a process, not a thread. */
  private static final ConcurrentHashMap<Path, Object> WRITERS = new ConcurrentHashMap<>();

  private UncommittedFiles() {}

  /**
   * Runs one write attempt on the table at {@code tablePath}; if it fails, removes the files it
   * wrote that no version of the log refers to, then rethrows its failure.
   */
  static <T> T removedOnFailure(String tablePath, Supplier<T> attempt) {
    Optional<Path> local = WarehouseLog.localTable(tablePath);
    if (local.isEmpty()) {
      return attempt.get();
    }
    Path table = local.get().toAbsolutePath().normalize();
    synchronized (WRITERS.computeIfAbsent(table, t -> new Object())) {
      FileChannel lock;
      Set<Path> before;
      try {
        lock = lockFile(table);
        lock.lock();
        before = listing(table);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "The warehouse " + table + " cannot be locked for writing", e);
      }
      try {
        return attempt.get();
      } catch (Exception | Error e) {
        // Delta's Scala code can throw an IOException undeclared: every failure cleans up.
        try {
          remove(table, before);
        } catch (IOException | UncheckedIOException cleanup) {
          e.addSuppressed(cleanup);
        }
        throw e;
      } finally {
        try {
          lock.close(); // releases the file lock
        } catch (IOException ignored) {
          // The lock goes with the process in any case.
        }
      }
    }
  }

  /**
   * The lock file for one table, in the system's temporary folder so that the warehouse's own
   * folder holds nothing but Delta's files.
   */
  private static FileChannel lockFile(Path table) throws IOException {
    String name;
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(table.toString().getBytes(StandardCharsets.UTF_8));
      name = "clusterlens-write-" + HexFormat.of().formatHex(hash, 0, 8) + ".lock";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    Path file = Path.of(System.getProperty("java.io.tmpdir")).resolve(name);
    return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }

  /** Every file and folder under the table's folder, the folder itself included if it exists. */
  private static Set<Path> listing(Path table) throws IOException {
    Set<Path> all = new HashSet<>();
    if (!Files.exists(table)) {
      return all;
    }
    try (Stream<Path> walk = Files.walk(table)) {
      walk.forEach(all::add);
    }
    return all;
  }

  /**
   * Removes what appeared since {@code before} and no version refers to: data files (with their
   * checksum files), a commit's temporary file, and then the folders this left empty.
   */
  private static void remove(Path table, Set<Path> before) throws IOException {
    Set<Path> now = listing(table);
    now.removeAll(before);
    if (now.isEmpty()) {
      return;
    }
    Path log = table.resolve("_delta_log");
    Optional<Set<String>> read = referencedNames(log);
    if (read.isEmpty()) {
      return; // A damaged log cannot say which files it refers to: remove nothing.
    }
    Set<String> referenced = read.get();
    List<Path> appeared = now.stream().sorted(Comparator.reverseOrder()).toList();
    for (Path p : appeared) {
      if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      String name = p.getFileName().toString();
      boolean inLog = p.startsWith(log);
      boolean uncommitted =
          inLog
              ? name.startsWith(".") && name.contains(".tmp")
              : !referenced.contains(dataFileOf(name));
      if (uncommitted) {
        Files.deleteIfExists(p);
      }
    }
    // Deepest first: a partition folder, then the log or table folder, once each is empty.
    for (Path p : appeared) {
      if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && isEmpty(p)) {
        Files.delete(p);
      }
    }
  }

  /** The data file a name stands for: itself, or the file a Hadoop checksum file belongs to. */
  private static String dataFileOf(String name) {
    if (name.startsWith(".") && name.endsWith(".crc")) {
      return name.substring(1, name.length() - ".crc".length());
    }
    return name;
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  /**
   * The names of every data file any commit in the log adds or removes; empty if a commit file
   * cannot be read whole.
   */
  private static Optional<Set<String>> referencedNames(Path log) throws IOException {
    Set<String> names = new HashSet<>();
    if (!Files.isDirectory(log)) {
      return Optional.of(names);
    }
    List<Path> commits;
    try (Stream<Path> files = Files.list(log)) {
      commits = files.filter(f -> f.getFileName().toString().matches("\\d{20}\\.json")).toList();
    }
    for (Path commit : commits) {
      for (String line : Files.readAllLines(commit, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode entry;
        try {
          entry = JSON.readTree(line);
        } catch (IOException damaged) {
          return Optional.empty();
        }
        for (String action : List.of("add", "remove")) {
          JsonNode path = entry.path(action).path("path");
          if (path.isTextual()) {
            String decoded = URLDecoder.decode(path.asText(), StandardCharsets.UTF_8);
            names.add(decoded.substring(decoded.lastIndexOf('/') + 1));
          }
        }
      }
    }
    return Optional.of(names);
  }
}
