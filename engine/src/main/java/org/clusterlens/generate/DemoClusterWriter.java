package org.clusterlens.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterlens.model.School;

/**
 * Saves a generated cluster as a dataset folder: {@code cluster.properties}, {@code schools.csv},
 * {@code README.md} and one return file per school per term under {@code returns/}.
 */
public final class DemoClusterWriter {

  /**
   * Schools whose MIS exports the return in a less tidy shape than the template, so the demo shows
   * ingest taking real exports: a title row above the header, other header names, and a Windows csv
   * with semicolons. Every other school's file is written in the format it was generated with.
   */
  static final Map<String, ReturnFormat> EXPORT_VARIANTS =
      Map.of(
          "128422", ReturnFormat.XLSX_TITLE_ROW,
          "128436", ReturnFormat.CSV_WINDOWS_SEMICOLON,
          "128458", ReturnFormat.XLSX_OTHER_HEADERS);

  private DemoClusterWriter() {}

  /** The README's closing section on the schools whose files are written as their MIS exports. */
  static String exportVariantsNote() {
    return "\n## Real export shapes\n\n"
        + "Three schools' files are written as their MIS exports them rather than as the template"
        + " lays them out, so ingest is shown taking real exports (each reads clean):\n\n"
        + "- 128422: a title row and a blank row above the header.\n"
        + "- 128436: csv saved by Excel with a European list separator: Windows-1252, semicolons,"
        + " and the other header names MIS exports use (`Unique Pupil Number`, `DOB`, `Sex`,"
        + " `Rdg`, ...), instead of UTF-8 with commas.\n"
        + "- 128458: the other header names MIS exports use.\n";
  }

  /** The return in the shape its school's MIS exports it. */
  static GeneratedReturn asExported(GeneratedReturn generated) {
    ReturnFormat variant = EXPORT_VARIANTS.get(generated.school().urn());
    if (variant == null || !variant.extension().equals(generated.format().extension())) {
      return generated;
    }
    return new GeneratedReturn(generated.school(), generated.term(), variant, generated.rows());
  }

  /**
   * Writes the dataset into {@code datasetDir}, creating folders as needed and replacing files of
   * the same names; other files already there are left alone.
   *
   * @return the files written, in the order written; never null
   * @throws UncheckedIOException naming the file that could not be written
   */
  public static List<Path> write(GeneratedCluster generated, Path datasetDir) {
    List<Path> written = new ArrayList<>();
    written.add(
        save(
            datasetDir.resolve("cluster.properties"),
            bytes(
                "# Synthetic demo cluster; regenerate, do not edit (see README.md)\n"
                    + "name="
                    + generated.cluster().name()
                    + "\n"
                    + "share_school_names="
                    + generated.cluster().shareSchoolNames()
                    + "\n")));
    StringBuilder schools = new StringBuilder("urn,name\n");
    for (School school : generated.cluster().schools()) {
      schools.append(school.urn()).append(',').append(school.name()).append('\n');
    }
    written.add(save(datasetDir.resolve("schools.csv"), bytes(schools.toString())));
    written.add(
        save(
            datasetDir.resolve("README.md"),
            bytes(DatasetReadme.render(generated) + exportVariantsNote())));
    for (GeneratedReturn generatedReturn : generated.returns()) {
      GeneratedReturn exported = asExported(generatedReturn);
      written.add(
          save(datasetDir.resolve(exported.relativePath()), ReturnFileRenderer.render(exported)));
    }
    return written;
  }

  /**
   * Generates the demo cluster and writes it: {@code DemoClusterWriter <dataset-dir> [seed]}. The
   * seed defaults to {@value DemoClusterGenerator#DEFAULT_SEED}.
   */
  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("Usage: DemoClusterWriter <dataset-dir> [seed]");
      System.exit(2);
    }
    long seed;
    try {
      seed = args.length == 2 ? Long.parseLong(args[1]) : DemoClusterGenerator.DEFAULT_SEED;
    } catch (NumberFormatException e) {
      System.err.println("The seed must be a whole number, but was '" + args[1] + "'");
      System.exit(2);
      return;
    }
    List<Path> written = write(DemoClusterGenerator.generate(seed), Path.of(args[0]));
    System.out.println(
        "Wrote " + written.size() + " files for seed " + seed + " to " + Path.of(args[0]));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Path save(Path file, byte[] content) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }
}
