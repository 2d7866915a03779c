package org.clusterlens.warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the warehouse's log ({@code _delta_log}) on a local disk before Delta reads it: a commit
 * file cut short or corrupted (a disk that filled, a copy that stopped half way) makes every read
 * fail deep inside Delta with a hundred lines of trace. This names the file and the way back in one
 * sentence instead. A log on a cluster's file system (hdfs, s3a) is left to Delta.
 */
final class WarehouseLog {

  private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");
  private static final Pattern CHECKPOINT = Pattern.compile("(\\d{20})\\.checkpoint.*\\.parquet");
  private static final ObjectMapper JSON = new ObjectMapper();

  private WarehouseLog() {}

  /**
   * Reads every commit file Delta would read (those after the newest checkpoint) and checks each
   * line is a whole JSON object.
   *
   * @param tablePath the table's folder or URI
   * @throws DamagedWarehouseException naming the first damaged file and how to get back
   */
  static void check(String tablePath) {
    Optional<Path> log = localLog(tablePath);
    if (log.isEmpty() || !Files.isDirectory(log.get())) {
      return;
    }
    List<Long> commits = new ArrayList<>();
    long checkpoint = -1;
    try (Stream<Path> files = Files.list(log.get())) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        Matcher commit = COMMIT.matcher(name);
        Matcher point = CHECKPOINT.matcher(name);
        if (commit.matches()) {
          commits.add(Long.parseLong(commit.group(1)));
        } else if (point.matches()) {
          checkpoint = Math.max(checkpoint, Long.parseLong(point.group(1)));
        }
      }
    } catch (IOException e) {
      return; // Delta will say why the folder cannot be listed.
    }
    commits.sort(null);
    long newest = commits.isEmpty() ? -1 : commits.get(commits.size() - 1);
    for (long version : commits) {
      if (version <= checkpoint) {
        continue;
      }
      Path file = log.get().resolve(String.format(Locale.ROOT, "%020d.json", version));
      Optional<String> damage = damage(file);
      if (damage.isPresent()) {
        long later = commits.stream().filter(v -> v > version).count();
        String wayBack =
            version == 0
                ? "It is the warehouse's first version, so ClusterLens cannot bring it back: restore"
                    + " the warehouse folder from a backup, or start a new warehouse and ingest every"
                    + " return again"
                : "To get back to version "
                    + (version - 1)
                    + ", move that file"
                    + (later == 0
                        ? " out of " + log.get() + " (keep it)"
                        : " and the "
                            + later
                            + " newer one(s), up to version "
                            + newest
                            + ", out of "
                            + log.get()
                            + " (keep them)")
                    + ", then run clusterlens history to check; the returns "
                    + (later == 0 ? "that version" : "those versions")
                    + " stored must then be ingested again. A backup of the warehouse folder brings"
                    + " everything back";
        throw new DamagedWarehouseException(
            "The warehouse cannot be read: its log file "
                + file
                + " (version "
                + version
                + ") is damaged ("
                + damage.get()
                + "). "
                + wayBack,
            null);
      }
    }
  }

  /** What is wrong with one commit file, if anything. */
  private static Optional<String> damage(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.of("it cannot be read: " + e.getMessage());
    }
    if (text.isBlank()) {
      return Optional.of("it is empty");
    }
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        if (!JSON.readTree(line).isObject()) {
          return Optional.of("a line is not a log entry");
        }
      } catch (JsonProcessingException e) {
        return Optional.of("it is cut short or corrupt");
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> localLog(String tablePath) {
    return localTable(tablePath).map(table -> table.resolve("_delta_log"));
  }

  /** The table's folder when it is on the local disk; empty for a cluster's file system. */
  static Optional<Path> localTable(String tablePath) {
    try {
      if (tablePath.startsWith("file:")) {
        return Optional.of(Path.of(URI.create(tablePath)));
      }
      if (tablePath.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
        return Optional.empty();
      }
      return Optional.of(Path.of(tablePath));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
