package org.clusterlens.warehouse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes figures made on Spark's executors to a folder or any Hadoop-compatible URI, one file per
 * task, partitioned by academic year and term, with a note of where they came from beside them
 * ({@value #ABOUT}, which Spark and DuckDB skip when they read the folder).
 */
public final class FiguresExport {

  /** The note written beside the figures. */
  public static final String ABOUT = "_ABOUT.txt";

  /** What the note says while the figures are being written. */
  public static final String UNFINISHED =
      "ClusterLens figures export, not finished: its writing stopped before every figure was"
          + " written. Run clusterlens figures again to replace it.\n";

  /** The file formats the figures can be written in. */
  public enum Format {
    /** Apache Parquet: typed columns, for Spark, DuckDB, pandas or R. */
    PARQUET,
    /** Comma-separated text with a header row in every file, for spreadsheets and scripts. */
    CSV
  }

  private FiguresExport() {}

  /**
   * Writes the figures and the note to {@code location}, replacing an earlier export there. A
   * folder that holds anything an export does not write is left alone. The note is written first,
   * saying the export is unfinished, and replaced once the figures are all written, so an export
   * whose write failed says so and can be replaced by the next run.
   *
   * @return how many figures were written
   * @throws IllegalArgumentException if {@code location} is a file, or a folder with files in it
   *     that an export does not write (an earlier export has {@value #ABOUT} and only its figures)
   * @throws UncheckedIOException if the location cannot be read or written
   */
  public static long write(Dataset<Row> figures, String location, Format format, String about) {
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(location);
    org.apache.hadoop.fs.Path note = new org.apache.hadoop.fs.Path(target, ABOUT);
    FileSystem fs = fileSystem(figures, note);
    refuseToReplaceOtherFiles(fs, target);
    try {
      fs.delete(target, true);
      fs.mkdirs(target);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not clear the earlier export in " + target, e);
    }
    writeNote(fs, note, UNFINISHED);
    DataFrameWriter<Row> writer =
        figures.write().mode(SaveMode.Append).partitionBy("academic_year", "term");
    if (format == Format.CSV) {
      writer.option("header", "true").csv(location);
    } else {
      writer.parquet(location);
    }
    writeNote(fs, note, about);
    return read(figures, location, format).count();
  }

  /**
   * Refuses {@code location} as {@link #write} would, before any figure is computed: a file, or a
   * folder with files in it that an export does not write.
   *
   * @throws IllegalArgumentException if {@link #write} would refuse it
   * @throws UncheckedIOException if the location cannot be read
   */
  public static void checkReplaceable(SparkSession spark, String location) {
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(location);
    try {
      refuseToReplaceOtherFiles(
          FileSystem.get(target.toUri(), spark.sparkContext().hadoopConfiguration()), target);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not reach " + target, e);
    }
  }

  private static void writeNote(FileSystem fs, org.apache.hadoop.fs.Path note, String text) {
    try (OutputStream out = fs.create(note, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + note, e);
    }
  }

  private static FileSystem fileSystem(Dataset<Row> figures, org.apache.hadoop.fs.Path path) {
    try {
      return FileSystem.get(
          path.toUri(), figures.sparkSession().sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not reach " + path, e);
    }
  }

  private static void refuseToReplaceOtherFiles(FileSystem fs, org.apache.hadoop.fs.Path target) {
    try {
      if (!fs.exists(target)) {
        return;
      }
      if (fs.getFileStatus(target).isFile()) {
        throw new IllegalArgumentException(
            target + " is a file, so nothing was written: give --out a new or empty folder.");
      }
      FileStatus[] held = fs.listStatus(target);
      if (held.length == 0) {
        return;
      }
      String other =
          fs.exists(new org.apache.hadoop.fs.Path(target, ABOUT))
              ? notAnExportsOwn(fs, held, 0)
              : "it has no " + ABOUT;
      if (other != null) {
        throw new IllegalArgumentException(
            target
                + " already holds files that are not an earlier figures export ("
                + other
                + "), so nothing was written: give --out a new or empty folder, or an earlier"
                + " export to replace.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + target, e);
    }
  }

  /**
   * The first entry, below an export's folder, that an export does not write (its note, Spark's
   * marker, checksum and work files, and year and term folders of figure files), or null.
   */
  private static String notAnExportsOwn(FileSystem fs, FileStatus[] entries, int depth)
      throws IOException {
    for (FileStatus entry : entries) {
      String name = entry.getPath().getName();
      boolean own =
          switch (depth) {
            case 0 ->
                entry.isDirectory()
                    ? name.startsWith("academic_year=") || name.equals("_temporary")
                    : name.equals(ABOUT) || name.equals("_SUCCESS") || name.endsWith(".crc");
            case 1 -> entry.isDirectory() && name.startsWith("term=");
            default -> entry.isFile() && (name.startsWith("part-") || name.startsWith(".part-"));
          };
      if (!own) {
        return "it holds " + entry.getPath().toUri().getPath();
      }
      if (entry.isDirectory() && depth < 2 && !name.equals("_temporary")) {
        String below = notAnExportsOwn(fs, fs.listStatus(entry.getPath()), depth + 1);
        if (below != null) {
          return below;
        }
      }
    }
    return null;
  }

  private static Dataset<Row> read(Dataset<Row> like, String location, Format format) {
    return format == Format.CSV
        ? like.sparkSession().read().option("header", "true").csv(location)
        : like.sparkSession().read().parquet(location);
  }
}
