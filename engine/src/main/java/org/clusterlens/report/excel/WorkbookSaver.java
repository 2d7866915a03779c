package org.clusterlens.report.excel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.report.TextSaver;

/** Writes a workbook to a file in one step, then closes it. */
public final class WorkbookSaver {

  /** 1 January 2000, 00:00 local time: any fixed date inside the zip format's range. */
  private static final long ENTRY_TIME =
      java.time.LocalDateTime.of(2000, 1, 1, 0, 0)
          .atZone(java.time.ZoneId.systemDefault())
          .toInstant()
          .toEpochMilli();

  private WorkbookSaver() {}

  /**
   * Saves and closes {@code workbook}; a reader never sees half a file.
   *
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static Path save(Workbook workbook, Path file) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
      workbook.write(bytes);
      return TextSaver.saveAtomically(file, out -> withFixedEntryTimes(bytes.toByteArray(), out));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    } finally {
      discard(workbook, file);
    }
  }

  /**
   * Lets go of a workbook already written. A new XSSF workbook's package is dropped unsaved:
   * closing it would zip the whole workbook again into a buffer no one reads (a tenth of saving an
   * LA's governor workbooks).
   */
  private static void discard(Workbook workbook, Path file) {
    try {
      if (workbook instanceof XSSFWorkbook xssf && xssf.getPackage() != null) {
        xssf.getPackage().revert();
      } else {
        workbook.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not close the workbook of " + file, e);
    }
  }

  /**
   * Copies the workbook's zip with every entry dated {@link #ENTRY_TIME}: POI dates entries with
   * the current time, which would make two saves of the same pack differ. The build time stays in
   * the document properties.
   */
  static void withFixedEntryTimes(byte[] xlsx, OutputStream out) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(ENTRY_TIME);
        zip.putNextEntry(copy);
        in.transferTo(zip);
        zip.closeEntry();
      }
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
