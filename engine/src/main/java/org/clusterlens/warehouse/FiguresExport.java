package org.clusterlens.warehouse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes figures made on Spark's executors to a folder or any Hadoop-compatible URI, one file per
 * task, partitioned by academic year and term, with a note of where they came from beside them
 * ({@value #ABOUT}, which Spark and DuckDB skip when they read the folder).
 */
public final class FiguresExport {

  /** The note written beside the figures. */
  public static final String ABOUT = "_ABOUT.txt";

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
   * folder that holds anything else is left alone.
   *
   * @return how many figures were written
   * @throws IllegalArgumentException if {@code location} is a file, or a folder with files in it
   *     that is not an earlier export (it has no {@value #ABOUT})
   * @throws UncheckedIOException if the location cannot be read or the note cannot be written
   */
  public static long write(Dataset<Row> figures, String location, Format format, String about) {
    org.apache.hadoop.fs.Path note = new org.apache.hadoop.fs.Path(location, ABOUT);
    FileSystem fs = fileSystem(figures, note);
    refuseToReplaceOtherFiles(fs, new org.apache.hadoop.fs.Path(location));
    DataFrameWriter<Row> writer =
        figures.write().mode(SaveMode.Overwrite).partitionBy("academic_year", "term");
    if (format == Format.CSV) {
      writer.option("header", "true").csv(location);
    } else {
      writer.parquet(location);
    }
    try (OutputStream out = fs.create(note, true)) {
      out.write(about.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + note, e);
    }
    return read(figures, location, format).count();
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
      boolean otherFiles =
          fs.getFileStatus(target).isFile()
              || (fs.listStatus(target).length > 0
                  && !fs.exists(new org.apache.hadoop.fs.Path(target, ABOUT)));
      if (otherFiles) {
        throw new IllegalArgumentException(
            target
                + " already holds files that are not an earlier figures export (it has no "
                + ABOUT
                + "), so nothing was written: give --out a new or empty folder, or an earlier"
                + " export to replace.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + target, e);
    }
  }

  private static Dataset<Row> read(Dataset<Row> like, String location, Format format) {
    return format == Format.CSV
        ? like.sparkSession().read().option("header", "true").csv(location)
        : like.sparkSession().read().parquet(location);
  }
}
