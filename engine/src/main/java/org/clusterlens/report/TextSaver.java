package org.clusterlens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Writes rendered packs to files, replacing each in one step; text is written as UTF-8. */
public final class TextSaver {

  private TextSaver() {}

  /**
   * Writes {@code text} to {@code file}, creating its folder; a reader never sees half a file.
   *
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static Path save(String text, Path file) {
    return saveAtomically(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes a file's bytes to a stream. */
  @FunctionalInterface
  public interface Content {
    /** Writes the content; never closes {@code out}. */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code content} to a fresh file beside {@code file}, then moves it into place in one
   * step, creating the folder first: a reader sees the old file or the new one, never half of one.
   *
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static Path saveAtomically(Path file, Content content) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = siblingTemp(file);
      try {
        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
          content.writeTo(out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }

  /**
   * A fresh file name beside {@code file}, for writing before the move. Not {@code
   * Files.createTempFile}: that makes the file readable by its owner only, and packs are shared.
   */
  public static Path siblingTemp(Path file) {
    return file.toAbsolutePath()
        .resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
  }
}
