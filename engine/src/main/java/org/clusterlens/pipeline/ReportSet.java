package org.clusterlens.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder a report run's set of packs goes into, written so that a reader is never handed a set
 * mixing two runs. Every file is written first into a hidden folder inside it; only when all are
 * written does the run switch them into place: it leaves a note {@value #UNFINISHED} in the folder,
 * removes the earlier set's files that this run does not write again (a school no longer in the
 * cluster), moves each new file in, lists the set in {@value #MANIFEST}, and takes the note away. A
 * run killed while computing or writing leaves the earlier set whole; one killed during the switch
 * (a fraction of a second) leaves the note. Anything else in the folder (a business manager's
 * feedback, an analyst's own files) is never touched.
 */
public final class ReportSet {

  /** The list of the set's files, one name a line, written last. */
  public static final String MANIFEST = ".clusterlens-report-set";

  /** The note that says the folder's files may come from two runs. */
  public static final String UNFINISHED = "UNFINISHED-REPORT-RUN.txt";

  /** Where a run writes its files before the switch. */
  static final String STAGING = ".clusterlens-report-being-written";

  /** The names of a set's files, for a folder written before sets listed their files. */
  private static final Pattern SET_FILE =
      Pattern.compile(
          "governor-\\d{6}\\.(html|xlsx)|self-evaluation-\\d{6}\\.txt|cluster-pack\\.(html|xlsx)"
              + "|metrics\\.csv|reading-your-data\\.html");

  private final Path folder;

  private ReportSet(Path folder) {
    this.folder = folder;
  }

  /**
   * Makes ready to write a set into {@code folder}: creates it, clears what a killed run left
   * half-written, and proves a file can be written there, all before any figure is computed.
   *
   * @throws UncheckedIOException naming the folder when it cannot be written
   */
  public static ReportSet open(Path folder) {
    ReportSet set = new ReportSet(folder.toAbsolutePath().normalize());
    try {
      Files.createDirectories(set.folder);
      deleteTree(set.staging());
      Files.createDirectories(set.staging());
      Path probe = Files.createTempFile(set.staging(), ".probe-", ".tmp");
      Files.write(probe, new byte[] {'x'});
      Files.delete(probe);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "The report folder " + folder + " cannot be written, so no figures were computed", e);
    }
    return set;
  }

  /** The folder the set goes into. */
  public Path folder() {
    return folder;
  }

  /** The hidden folder inside {@link #folder()} where a run writes before the switch. */
  public Path staging() {
    return folder.resolve(STAGING);
  }

  /** Whether the folder holds a set that a run began to switch into place and did not finish. */
  public static boolean isUnfinished(Path folder) {
    return Files.exists(folder.resolve(UNFINISHED));
  }

  /**
   * Switches the files written into {@link #staging()} into place as the folder's set, as the class
   * comment says.
   *
   * @param staged every file of the new set, each inside {@link #staging()}
   * @return the files in their places, in the same order
   * @throws UncheckedIOException naming the file that could not be moved; the folder then keeps the
   *     note saying its set is unfinished
   */
  public WrittenPacks publish(List<Path> staged) {
    Set<String> names = new LinkedHashSet<>();
    for (Path p : staged) {
      if (!p.toAbsolutePath().normalize().getParent().equals(staging())) {
        throw new IllegalArgumentException(p + " was not written into " + staging());
      }
      names.add(p.getFileName().toString());
    }
    try {
      Files.writeString(
          folder.resolve(UNFINISHED),
          "A ClusterLens report run was switching a new set of packs into this folder and did"
              + " not finish, so the packs here may come from two runs.\n"
              + "Do not share or use them: run clusterlens report again, which replaces them and"
              + " removes this note.\n",
          StandardCharsets.UTF_8);
      for (String old : earlierSet()) {
        if (!names.contains(old)) {
          Files.deleteIfExists(folder.resolve(old));
        }
      }
      List<Path> placed = new ArrayList<>();
      for (Path p : staged) {
        Path target = folder.resolve(p.getFileName().toString());
        Files.move(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        placed.add(target);
      }
      Path manifest = staging().resolve(MANIFEST);
      Files.write(manifest, names, StandardCharsets.UTF_8);
      Files.move(
          manifest,
          folder.resolve(MANIFEST),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      Files.delete(folder.resolve(UNFINISHED));
      deleteTree(staging());
      return new WrittenPacks(placed);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "The new packs could not all be put in place in "
              + folder
              + "; it is marked "
              + UNFINISHED
              + " until a report run finishes",
          e);
    }
  }

  /** Takes away the hidden folder of a run that failed before its switch; the set is untouched. */
  public void abandon() {
    try {
      deleteTree(staging());
    } catch (IOException e) {
      // Left for the next run to clear: it is hidden, and never part of a set.
    }
  }

  /** The earlier set's file names: as its list says, or by name when it has no list. */
  private List<String> earlierSet() throws IOException {
    Path manifest = folder.resolve(MANIFEST);
    if (Files.isRegularFile(manifest)) {
      return Files.readAllLines(manifest, StandardCharsets.UTF_8).stream()
          .filter(SET_FILE.asMatchPredicate())
          .toList();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(SET_FILE.asMatchPredicate())
          .toList();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
