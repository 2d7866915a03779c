package org.clusterlens.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes a workbook to a file in one step, then closes it. */
public final class WorkbookSaver {

  private WorkbookSaver() {}

  /**
   * Saves and closes {@code workbook}; a reader never sees half a file.
   *
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static Path save(Workbook workbook, Path file) {
    try (workbook) {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      try {
        try (OutputStream out = Files.newOutputStream(tmp)) {
          workbook.write(out);
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

  /** Sets the document title and dates from the pack, so the same pack gives the same file. */
  static void stamp(XSSFWorkbook wb, String title, Instant builtAt) {
    POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
    core.setTitle(title);
    core.setCreator("ClusterLens");
    core.setCreated(Optional.of(Date.from(builtAt)));
    core.setModified(Optional.of(Date.from(builtAt)));
  }
}
