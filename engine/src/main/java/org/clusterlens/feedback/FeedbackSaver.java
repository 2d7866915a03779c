package org.clusterlens.feedback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.clusterlens.ingest.ReturnCheck;

/**
 * Writes one return's feedback into a folder: {@code <school>-<term>-<file>.html} and, when the
 * file's cells were read, {@code <school>-<term>-<file>-marked.xlsx} beside it. Each file is
 * written beside its target and then moved into place, so a reader never sees half a page.
 */
public final class FeedbackSaver {

  private FeedbackSaver() {}

  /**
   * Renders and writes the page and the marked-up copy.
   *
   * @param check what ingest found; never null
   * @param original the file as handed in; never written
   * @param stored one sentence on what the warehouse did with it; may be empty
   * @param folder where to write; created if missing
   * @return the files written, the page first
   * @throws UncheckedIOException naming the file that could not be written
   */
  public static List<Path> save(ReturnCheck check, Path original, String stored, Path folder) {
    return save(prepare(check, original), stored, folder);
  }

  /**
   * One return's marked-up copy, made and held in memory before what was stored is known: it says
   * nothing of the warehouse, so ingest makes the copies while the returns are stored, and writes
   * nothing until they have been.
   */
  public static final class Prepared {
    private final ReturnCheck check;
    private final Optional<byte[]> copy;
    private final RuntimeException renderFailure;
    private final IOException writeFailure;

    private Prepared(
        ReturnCheck check,
        Optional<byte[]> copy,
        RuntimeException renderFailure,
        IOException writeFailure) {
      this.check = check;
      this.copy = copy;
      this.renderFailure = renderFailure;
      this.writeFailure = writeFailure;
    }
  }

  /**
   * Makes the marked-up copy of one return, as the bytes of its workbook; never throws: a copy that
   * cannot be made is reported by {@link #save(Prepared, String, Path)}, as {@link
   * #save(ReturnCheck, Path, String, Path)} reports it.
   *
   * @param check what ingest found; never null
   * @param original the file as handed in; read, never written
   */
  public static Prepared prepare(ReturnCheck check, Path original) {
    try {
      Optional<byte[]> byParts = AnnotatedCopy.byParts(check, original);
      if (byParts.isPresent()) {
        return new Prepared(check, byParts, null, null);
      }
      Optional<Workbook> copy = AnnotatedCopy.render(check, original);
      if (copy.isEmpty()) {
        return new Prepared(check, Optional.empty(), null, null);
      }
      if (copy.get() instanceof SXSSFWorkbook streamed) {
        return new Prepared(check, Optional.of(written(streamed)), null, null);
      }
      try (Workbook wb = copy.get()) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        wb.write(bytes);
        return new Prepared(check, Optional.of(bytes.toByteArray()), null, null);
      }
    } catch (IOException e) {
      return new Prepared(check, Optional.empty(), null, e);
    } catch (RuntimeException e) {
      return new Prepared(check, Optional.empty(), e, null);
    }
  }

  /**
   * The bytes of a copy built by POI's streaming writer. Its workbook is then let go without being
   * closed: closing a workbook POI made anew saves the whole package once more, only to drop it
   * (about a seventh of a csv return's copy). The files POI wrote its rows to are removed by its
   * {@code dispose}, deprecated only in favour of that {@code close}.
   */
  @SuppressWarnings("deprecation")
  private static byte[] written(SXSSFWorkbook streamed) throws IOException {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      streamed.write(bytes);
      return bytes.toByteArray();
    } finally {
      streamed.dispose();
      streamed.getXSSFWorkbook().getPackage().revert();
    }
  }

  /**
   * Writes the page and the copy made by {@link #prepare}.
   *
   * @param prepared the return's copy, made from what ingest found
   * @param stored one sentence on what the warehouse did with it; may be empty
   * @param folder where to write; created if missing
   * @return the files written, the page first
   * @throws UncheckedIOException naming the file that could not be written, or the original that
   *     could not be read again to mark it up
   */
  public static List<Path> save(Prepared prepared, String stored, Path folder) {
    ReturnCheck check = prepared.check;
    String stem = stem(check);
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(folder);
      if (prepared.renderFailure != null) {
        throw prepared.renderFailure;
      }
      if (prepared.writeFailure != null) {
        throw prepared.writeFailure;
      }
      Optional<byte[]> copy = prepared.copy;
      String copyName = copy.isPresent() ? stem + "-marked.xlsx" : null;
      Path page = folder.resolve(stem + ".html");
      atomically(
          page,
          out ->
              out.write(
                  ReturnFeedbackPage.render(check, stored, copyName)
                      .getBytes(StandardCharsets.UTF_8)));
      written.add(page);
      if (copy.isPresent()) {
        Path xlsx = folder.resolve(copyName);
        atomically(xlsx, out -> out.write(copy.get()));
        written.add(xlsx);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not write the feedback for " + stem + " in " + folder, e);
    }
    return written;
  }

  /**
   * The name both files start with, safe on every file system: {@code
   * 100001-2024-25-autumn-100001}.
   */
  static String stem(ReturnCheck check) {
    String school =
        check.identity().schoolUrn() == null ? "unknown-school" : check.identity().schoolUrn();
    String term = check.identity().term() == null ? "unknown-term" : check.identity().term().id();
    String file = check.identity().fileName();
    int dot = file.lastIndexOf('.');
    String base = (dot > 0 ? file.substring(0, dot) : file).replaceAll("[^A-Za-z0-9_-]+", "_");
    return school + "-" + term + "-" + base;
  }

  private interface Writing {
    void to(OutputStream out) throws IOException;
  }

  private static void atomically(Path target, Writing writing) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), ".feedback-", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        writing.to(out);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
