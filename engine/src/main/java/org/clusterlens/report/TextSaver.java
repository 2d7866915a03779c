package org.clusterlens.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Writes rendered text (HTML, CSV) to a file as UTF-8, replacing it in one step. */
public final class TextSaver {

  private TextSaver() {}

  /**
   * Writes {@code text} to {@code file}, creating its folder; a reader never sees half a file.
   *
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static Path save(String text, Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = siblingTemp(file);
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
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
