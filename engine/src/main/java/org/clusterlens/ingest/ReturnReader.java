package org.clusterlens.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;

/**
 * The ingest stage for one file: works out which school and term it reports, reads it, maps its
 * header and validates its rows. Never throws for a bad file: every problem comes back in the
 * {@link ReturnCheck}.
 */
public final class ReturnReader {

  /** Files larger than this are refused before they are opened. */
  public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

  private final Cluster cluster;

  /**
   * @param cluster the cluster whose schools may hand in returns; never null
   */
  public ReturnReader(Cluster cluster) {
    this.cluster = cluster;
  }

  /**
   * Reads and validates one return.
   *
   * @param file the file handed in
   * @param schoolOption the school's URN given on the command line, if any
   * @param termOption the term given on the command line, if any
   */
  public ReturnCheck read(Path file, Optional<String> schoolOption, Optional<Term> termOption) {
    String name = file.getFileName().toString();
    List<ReturnProblem> problems = new ArrayList<>();
    Optional<String> school = resolveSchool(file, name, schoolOption, problems);
    Optional<Term> term = resolveTerm(file, name, termOption, problems);
    byte[] bytes = readBytes(file, name, problems);
    if (school.isEmpty() || term.isEmpty() || bytes == null) {
      return rejected(name, school, term, "", problems);
    }
    ReturnIdentity identity = new ReturnIdentity(school.get(), term.get(), name, sha256(bytes));
    try {
      RawSheet sheet = readSheet(file, name, bytes);
      Optional<HeaderMapping> header = HeaderMapping.find(sheet, problems);
      if (header.isEmpty() || problems.stream().anyMatch(ReturnProblem::isError)) {
        return new ReturnCheck(identity, List.of(), problems);
      }
      ReturnCheck rows = ReturnValidator.validate(sheet, header.get(), identity);
      problems.addAll(rows.problems());
      return new ReturnCheck(identity, rows.pupils(), problems);
    } catch (UnreadableReturnException e) {
      problems.add(ReturnProblem.fileError(name, e.getMessage(), null));
      return new ReturnCheck(identity, List.of(), problems);
    }
  }

  private static RawSheet readSheet(Path file, String name, byte[] bytes)
      throws UnreadableReturnException {
    String extension = extension(name);
    return switch (extension) {
      case "xlsx", "xlsm" -> XlsxSheetReader.read(name, file);
      case "csv", "tsv", "txt" -> CsvSheetReader.read(name, bytes);
      case "xls" ->
          throw new UnreadableReturnException(
              "older .xls workbooks are not read yet; open it in Excel and save it as .xlsx");
      default ->
          throw new UnreadableReturnException(
              "files ending ."
                  + extension
                  + " are not returns ClusterLens reads; hand in .xlsx or .csv");
    };
  }

  private Optional<String> resolveSchool(
      Path file, String name, Optional<String> option, List<ReturnProblem> problems) {
    String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    Optional<String> fromName = School.isUrn(stem) ? Optional.of(stem) : Optional.empty();
    int before = problems.size();
    Optional<String> urn = agree("school", option, fromName, name, problems);
    if (urn.isEmpty()) {
      if (problems.size() == before) {
        problems.add(
            ReturnProblem.fileError(
                name,
                "does not say which school it is from",
                "Name the file <URN>.xlsx (e.g. 116001.xlsx) or give --school URN"));
      }
      return Optional.empty();
    }
    if (cluster.school(urn.get()).isEmpty()) {
      problems.add(
          ReturnProblem.fileError(
              name,
              "is for school " + urn.get() + ", which is not in cluster '" + cluster.name() + "'",
              "Check the URN, or add the school to the cluster's schools.csv"));
      return Optional.empty();
    }
    return urn;
  }

  private static Optional<Term> resolveTerm(
      Path file, String name, Optional<Term> option, List<ReturnProblem> problems) {
    Optional<Term> fromFolders = Optional.empty();
    Path termDir = file.toAbsolutePath().getParent();
    Path yearDir = termDir == null ? null : termDir.getParent();
    if (yearDir != null && yearDir.getFileName() != null) {
      String id = yearDir.getFileName() + "-" + termDir.getFileName();
      if (Term.isTermId(id)) {
        fromFolders = Optional.of(Term.parse(id));
      }
    }
    int before = problems.size();
    Optional<Term> term = agree("term", option, fromFolders, name, problems);
    if (term.isEmpty() && problems.size() == before) {
      problems.add(
          ReturnProblem.fileError(
              name,
              "does not say which term it reports",
              "Put it in a folder <academic-year>/<term>/ (e.g. 2024-25/autumn/) or give --term"
                  + " 2024-25-autumn"));
    }
    return term;
  }

  /** The one value two sources give; an error naming both when they disagree. */
  private static <T> Optional<T> agree(
      String what, Optional<T> option, Optional<T> fromFile, String name, List<ReturnProblem> out) {
    if (option.isPresent() && fromFile.isPresent() && !option.get().equals(fromFile.get())) {
      out.add(
          ReturnProblem.fileError(
              name,
              "the "
                  + what
                  + " given on the command line ("
                  + option.get()
                  + ") differs from the "
                  + what
                  + " its name or folder says ("
                  + fromFile.get()
                  + ")",
              "Give the right one, or move the file"));
      return Optional.empty();
    }
    return option.isPresent() ? option : fromFile;
  }

  private static byte[] readBytes(Path file, String name, List<ReturnProblem> problems) {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        problems.add(
            ReturnProblem.fileError(
                name,
                "is " + size / (1024 * 1024) + " MB, larger than a return can be",
                "A termly return is well under " + MAX_FILE_BYTES / (1024 * 1024) + " MB"));
        return null;
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      problems.add(ReturnProblem.fileError(name, "could not be opened (" + e + ")", null));
      return null;
    }
  }

  private static ReturnCheck rejected(
      String name,
      Optional<String> school,
      Optional<Term> term,
      String sha,
      List<ReturnProblem> problems) {
    ReturnIdentity identity =
        new ReturnIdentity(
            school.orElse("?"), term.orElse(new Term("0000-01", Term.Season.AUTUMN)), name, sha);
    return new ReturnCheck(identity, List.of(), problems);
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The SHA-256 of a file's bytes, in lower-case hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** Lists the return files under a folder (or the file itself), in a stable order. */
  public static List<Path> returnFiles(Path path) {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (var walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !p.getFileName().toString().startsWith("~$"))
          .filter(
              p -> List.of("xlsx", "xlsm", "xls", "csv", "tsv").contains(extension(p.toString())))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the returns in " + path, e);
    }
  }
}
