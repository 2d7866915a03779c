package org.clusterlens.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.clusterlens.metrics.ValueAddedReference;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;
import org.clusterlens.scheme.Scheme;
import org.clusterlens.scheme.SchemeChoices;
import org.clusterlens.scheme.Schemes;

/**
 * Reads a cluster's configuration folder: {@code cluster.properties} (its name and whether governor
 * packs may name peer schools), {@code schools.csv} (columns {@code urn,name}) and, optionally,
 * {@code mappings/<URN>.csv}: a school's own names for columns and grades (columns {@code
 * kind,theirs,ours}; see docs/RETURN-FORMAT.md); optionally {@code schemes.csv}, which assessment
 * scheme each school uses from which term (columns {@code school,assessment,from,scheme}), and
 * {@code schemes/<id>.csv}, the cluster's own tracker steps (columns {@code code,points,standard}).
 */
public final class ClusterFolder {

  /** The cluster's settings file. */
  public static final String SETTINGS = "cluster.properties";

  /** The cluster's list of schools. */
  public static final String SCHOOLS = "schools.csv";

  /** The folder of per-school mapping files, {@code mappings/<URN>.csv}. */
  public static final String MAPPINGS = "mappings";

  /** Which scheme each school uses for each assessment, from which term. */
  public static final String SCHEME_CHOICES = "schemes.csv";

  /** The folder of the cluster's own tracker schemes, {@code schemes/<id>.csv}. */
  public static final String SCHEMES = "schemes";

  /** An optional value-added reference (national or wider), {@code reference/value-added.csv}. */
  public static final String VALUE_ADDED_REFERENCE = "reference/value-added.csv";

  private static final Map<String, Integer> STANDARDS =
      Map.of("below", 0, "expected", 1, "higher", 2);

  private ClusterFolder() {}

  /**
   * Reads which scheme each school uses, and the cluster's own tracker schemes. Without {@code
   * schemes.csv} every return is read in National Curriculum levels.
   *
   * @throws InvalidClusterException naming the file, line and value that cannot be used
   */
  public static SchemeChoices schemeChoices(Path folder, Cluster cluster)
      throws InvalidClusterException {
    Schemes schemes = Schemes.BUILT_IN.with(trackers(folder.resolve(SCHEMES)));
    Path file = folder.resolve(SCHEME_CHOICES);
    if (!Files.isRegularFile(file)) {
      return new SchemeChoices(schemes, List.of());
    }
    List<SchemeChoices.Choice> choices = new ArrayList<>();
    for (CSVRecord record : records(file, List.of("school", "assessment", "from", "scheme"))) {
      String where = file + ", line " + record.getParser().getCurrentLineNumber() + ": ";
      String school = record.get("school");
      if (!school.equals(SchemeChoices.EVERY_SCHOOL) && cluster.school(school).isEmpty()) {
        throw new InvalidClusterException(
            where
                + "school '"
                + school
                + "' is not in "
                + SCHOOLS
                + "; use a URN from it, or "
                + SchemeChoices.EVERY_SCHOOL);
      }
      Assessment assessment =
          Arrays.stream(Assessment.values())
              .filter(a -> a.code().equalsIgnoreCase(record.get("assessment")))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidClusterException(
                          where
                              + "'"
                              + record.get("assessment")
                              + "' is not an assessment; use teacher, ks1 or ks2"));
      try {
        choices.add(
            new SchemeChoices.Choice(
                school, assessment, Term.parse(record.get("from")), record.get("scheme")));
      } catch (IllegalArgumentException e) {
        throw new InvalidClusterException(where + e.getMessage());
      }
    }
    try {
      return new SchemeChoices(schemes, choices);
    } catch (IllegalArgumentException e) {
      throw new InvalidClusterException(file + ": " + e.getMessage());
    }
  }

  private static List<Scheme> trackers(Path dir) throws InvalidClusterException {
    List<Scheme> trackers = new ArrayList<>();
    for (Map.Entry<String, Path> named : csvFiles(dir).entrySet()) {
      String id = named.getKey();
      Path file = named.getValue();
      List<Schemes.TrackerStep> steps = new ArrayList<>();
      for (CSVRecord record : records(file, List.of("code", "points", "standard"))) {
        String where = file + ", line " + record.getParser().getCurrentLineNumber() + ": ";
        String standard = record.get("standard").toLowerCase(Locale.ROOT);
        String points = record.get("points");
        if (standard.equals("not counted")) {
          steps.add(new Schemes.TrackerStep(record.get("code"), null, null));
          continue;
        }
        if (!STANDARDS.containsKey(standard)) {
          throw new InvalidClusterException(
              where
                  + "'"
                  + record.get("standard")
                  + "' is not a standard; use below, expected, higher or not counted");
        }
        Double value;
        try {
          value = points.isEmpty() ? null : Double.valueOf(points);
        } catch (NumberFormatException e) {
          throw new InvalidClusterException(
              where
                  + "'"
                  + points
                  + "' is not a number of points; write e.g. 12 or leave it empty");
        }
        steps.add(new Schemes.TrackerStep(record.get("code"), value, STANDARDS.get(standard)));
      }
      try {
        trackers.add(Schemes.tracker(id, steps));
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new InvalidClusterException(file + ": " + e.getMessage());
      }
    }
    return trackers;
  }

  /**
   * Reads the cluster's value-added reference, if it has one (columns {@code
   * academic_year,subject,prior_band,expected_points,pupil_sd}).
   *
   * @throws InvalidClusterException naming the file and line that cannot be used
   */
  public static ValueAddedReference valueAddedReference(Path folder)
      throws InvalidClusterException {
    Path file = folder.resolve(VALUE_ADDED_REFERENCE);
    if (!Files.isRegularFile(file)) {
      return ValueAddedReference.NONE;
    }
    List<ValueAddedReference.Line> lines = new ArrayList<>();
    for (CSVRecord r :
        records(
            file,
            List.of("academic_year", "subject", "prior_band", "expected_points", "pupil_sd"))) {
      String where = file + ", line " + r.getParser().getCurrentLineNumber() + ": ";
      try {
        lines.add(
            new ValueAddedReference.Line(
                r.get("academic_year"),
                r.get("subject").toLowerCase(Locale.ROOT),
                r.get("prior_band").toLowerCase(Locale.ROOT),
                Double.parseDouble(r.get("expected_points")),
                Double.parseDouble(r.get("pupil_sd"))));
      } catch (NumberFormatException e) {
        throw new InvalidClusterException(
            where + "expected_points and pupil_sd must be numbers, e.g. 27.4 and 4.1");
      } catch (IllegalArgumentException e) {
        throw new InvalidClusterException(where + e.getMessage());
      }
    }
    try {
      return new ValueAddedReference(lines);
    } catch (IllegalArgumentException e) {
      throw new InvalidClusterException(file + ": " + e.getMessage());
    }
  }

  /**
   * The {@code .csv} files in a configuration folder by name without the extension, in name order;
   * none when there is no such folder.
   */
  private static Map<String, Path> csvFiles(Path dir) throws InvalidClusterException {
    Map<String, Path> files = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (var list = Files.list(dir)) {
      for (Path p : (Iterable<Path>) list::iterator) {
        String name = p.getFileName().toString();
        if (name.endsWith(".csv")) {
          files.put(name.substring(0, name.length() - ".csv".length()), p);
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InvalidClusterException("Could not list " + dir + ": " + e.getMessage());
    }
    return files;
  }

  /** Every record of a small csv configuration file that must start with {@code header}. */
  private static List<CSVRecord> records(Path file, List<String> header)
      throws InvalidClusterException {
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
      if (!parser.getHeaderNames().containsAll(header)) {
        throw new InvalidClusterException(
            file + " must start with the header line " + String.join(",", header));
      }
      List<CSVRecord> records = new ArrayList<>();
      for (CSVRecord record : parser) {
        if (!record.isConsistent()) {
          throw new InvalidClusterException(
              file
                  + ", line "
                  + record.getParser().getCurrentLineNumber()
                  + ": a line needs "
                  + header.size()
                  + " values, "
                  + String.join(",", header));
        }
        records.add(record);
      }
      return records;
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InvalidClusterException("Could not read " + file + ": " + e.getMessage());
    }
  }

  /**
   * Reads every school's mapping file under {@code mappings/}; a school without one has none.
   *
   * @return the mapping of each school that has one, by URN; never null
   * @throws InvalidClusterException naming the file and line of a mapping that cannot be used, or a
   *     mapping file for a school not in the cluster
   */
  public static Map<String, SchoolMapping> mappings(Path folder, Cluster cluster)
      throws InvalidClusterException {
    Map<String, SchoolMapping> mappings = new TreeMap<>();
    for (Map.Entry<String, Path> named : csvFiles(folder.resolve(MAPPINGS)).entrySet()) {
      String urn = named.getKey();
      Path file = named.getValue();
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
    for (CSVRecord record : records(file, List.of("kind", "theirs", "ours"))) {
      Optional<String> wrong =
          builder.add(record.get("kind"), record.get("theirs"), record.get("ours"));
      if (wrong.isPresent()) {
        throw new InvalidClusterException(
            file + ", line " + record.getParser().getCurrentLineNumber() + ": " + wrong.get());
      }
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
