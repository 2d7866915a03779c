package org.clusterlens.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.School;

/**
 * Reads a cluster's configuration folder: {@code cluster.properties} (its name and whether governor
 * packs may name peer schools), {@code schools.csv} (columns {@code urn,name}) and, optionally,
 * {@code mappings/<URN>.csv}: a school's own names for columns and grades (columns {@code
 * kind,theirs,ours}; see docs/RETURN-FORMAT.md).
 */
public final class ClusterFolder {

  /** The cluster's settings file. */
  public static final String SETTINGS = "cluster.properties";

  /** The cluster's list of schools. */
  public static final String SCHOOLS = "schools.csv";

  /** The folder of per-school mapping files, {@code mappings/<URN>.csv}. */
  public static final String MAPPINGS = "mappings";

  private ClusterFolder() {}

  /**
   * Reads every school's mapping file under {@code mappings/}; a school without one has none.
   *
   * @return the mapping of each school that has one, by URN; never null
   * @throws InvalidClusterException naming the file and line of a mapping that cannot be used, or a
   *     mapping file for a school not in the cluster
   */
  public static Map<String, SchoolMapping> mappings(Path folder, Cluster cluster)
      throws InvalidClusterException {
    Path dir = folder.resolve(MAPPINGS);
    if (!Files.isDirectory(dir)) {
      return Map.of();
    }
    Map<String, SchoolMapping> mappings = new TreeMap<>();
    List<Path> files;
    try (var list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
    } catch (IOException e) {
      throw new InvalidClusterException("Could not list " + dir + ": " + e.getMessage());
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      String urn = name.substring(0, name.length() - ".csv".length());
      if (cluster.school(urn).isEmpty()) {
        throw new InvalidClusterException(
            file
                + " is named for school "
                + urn
                + ", which is not in "
                + SCHOOLS
                + "; name it <URN>.csv after one of the cluster's schools");
      }
      mappings.put(urn, mapping(file));
    }
    return mappings;
  }

  private static SchoolMapping mapping(Path file) throws InvalidClusterException {
    SchoolMapping.Builder builder = new SchoolMapping.Builder();
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreSurroundingSpaces(true)
            .get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        var parser = format.parse(in)) {
      if (!parser.getHeaderNames().containsAll(List.of("kind", "theirs", "ours"))) {
        throw new InvalidClusterException(
            file + " must start with the header line kind,theirs,ours");
      }
      for (CSVRecord record : parser) {
        if (!record.isConsistent()) {
          throw new InvalidClusterException(
              file
                  + ", line "
                  + record.getParser().getCurrentLineNumber()
                  + ": a line needs three values, kind,theirs,ours");
        }
        Optional<String> wrong =
            builder.add(record.get("kind"), record.get("theirs"), record.get("ours"));
        if (wrong.isPresent()) {
          throw new InvalidClusterException(
              file + ", line " + record.getParser().getCurrentLineNumber() + ": " + wrong.get());
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InvalidClusterException("Could not read " + file + ": " + e.getMessage());
    }
    return builder.build();
  }

  /**
   * Reads the cluster in {@code folder}.
   *
   * @throws InvalidClusterException naming the file and the line when the configuration is wrong
   */
  public static Cluster read(Path folder) throws InvalidClusterException {
    Path settingsFile = folder.resolve(SETTINGS);
    Path schoolsFile = folder.resolve(SCHOOLS);
    if (!Files.isRegularFile(settingsFile) || !Files.isRegularFile(schoolsFile)) {
      throw new InvalidClusterException(
          folder
              + " is not a cluster folder: it needs "
              + SETTINGS
              + " (name=…) and "
              + SCHOOLS
              + " (urn,name)");
    }
    Properties settings = new Properties();
    try (Reader in = Files.newBufferedReader(settingsFile, StandardCharsets.UTF_8)) {
      settings.load(in);
    } catch (IOException e) {
      throw new InvalidClusterException("Could not read " + settingsFile + ": " + e.getMessage());
    }
    String name = settings.getProperty("name", "").trim();
    if (name.isEmpty()) {
      throw new InvalidClusterException(settingsFile + " needs a line name=<the cluster's name>");
    }
    boolean share =
        Boolean.parseBoolean(settings.getProperty("share_school_names", "false").trim());
    return new Cluster(name, schools(schoolsFile), share);
  }

  private static List<School> schools(Path file) throws InvalidClusterException {
    List<School> schools = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        var parser = format.parse(in)) {
      if (!parser.getHeaderNames().containsAll(List.of("urn", "name"))) {
        throw new InvalidClusterException(file + " must start with the header line urn,name");
      }
      for (CSVRecord record : parser) {
        try {
          schools.add(new School(record.get("urn").trim(), record.get("name").trim()));
        } catch (IllegalArgumentException e) {
          throw new InvalidClusterException(
              file + ", line " + (record.getRecordNumber() + 1) + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new InvalidClusterException("Could not read " + file + ": " + e.getMessage());
    }
    if (schools.isEmpty()) {
      throw new InvalidClusterException(file + " lists no schools");
    }
    return schools;
  }

  /** The cluster's configuration is missing or wrong; the message says where and what. */
  public static final class InvalidClusterException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidClusterException(String message) {
      super(message);
    }
  }
}
