package org.clusterlens.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.clusterlens.model.School;

/**
 * Saves a generated local authority or country as a dataset folder an LA could ingest: {@code
 * cluster.properties}, {@code schools.csv} and one csv return per school per term under {@code
 * returns/<year>/<term>/<URN>.csv}. Schools are generated and written in parallel.
 */
public final class ScaleDatasetWriter {

  private ScaleDatasetWriter() {}

  /**
   * Writes the dataset into {@code datasetDir}, creating folders as needed and replacing files of
   * the same names.
   *
   * @return how many return files were written
   * @throws UncheckedIOException naming the file that could not be written
   */
  public static long write(ScaleClusterGenerator generator, Path datasetDir) {
    var cluster = generator.cluster();
    save(
        datasetDir.resolve("cluster.properties"),
        "# Synthetic dataset for measuring ClusterLens at scale; regenerate, do not edit\n"
            + "name="
            + cluster.name()
            + "\nshare_school_names=false\n");
    StringBuilder schools = new StringBuilder("urn,name\n");
    for (School school : cluster.schools()) {
      schools.append(school.urn()).append(',').append(school.name()).append('\n');
    }
    save(datasetDir.resolve("schools.csv"), schools.toString());
    return IntStream.range(0, generator.size().schools())
        .parallel()
        .mapToLong(
            i -> {
              long files = 0;
              for (GeneratedReturn r : generator.returnsOf(i)) {
                save(datasetDir.resolve(r.relativePath()), ReturnFileRenderer.csv(r));
                files++;
              }
              return files;
            })
        .sum();
  }

  private static void save(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }
}
