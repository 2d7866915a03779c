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
import org.apache.poi.poifs.filesystem.FileMagic;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;

/**
 * The ingest stage for one file: works out which school and term it reports, reads it, maps its
 * header and validates its rows. Never throws for a bad file: every problem comes back in the
 * {@link ReturnCheck}.
 */
public final class ReturnReader {

  /** Files larger than this are refused before they are opened, unless other limits are given. */
  public static final long MAX_FILE_BYTES = ReturnLimits.DEFAULT.maxBytes();

  private final Cluster cluster;
  private final ReturnLimits limits;

  /**
   * A reader with the {@linkplain ReturnLimits#DEFAULT default limits}.
   *
   * @param cluster the cluster whose schools may hand in returns; never null
   */
  public ReturnReader(Cluster cluster) {
    this(cluster, ReturnLimits.DEFAULT);
  }

  /**
   * @param cluster the cluster whose schools may hand in returns; never null
   * @param limits how large a return may be; never null
   */
  public ReturnReader(Cluster cluster, ReturnLimits limits) {
    this.cluster = cluster;
    this.limits = limits;
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
    byte[] bytes = readBytes(file, name, limits, problems);
    if (school.isEmpty() || term.isEmpty() || bytes == null) {
      return rejected(name, school, term, "", problems);
    }
    ReturnIdentity identity = new ReturnIdentity(school.get(), term.get(), name, sha256(bytes));
    try {
      RawSheet sheet = readSheet(file, name, bytes, limits);
      Optional<HeaderMapping> header = HeaderMapping.find(sheet, problems);
      if (header.isEmpty() || problems.stream().anyMatch(ReturnProblem::isError)) {
        return new ReturnCheck(identity, List.of(), problems);
      }
      long pupilRows =
          sheet.rows().stream().filter(r -> r.number() > header.get().headerRow()).count();
      if (pupilRows > limits.maxPupils()) {
        problems.add(
            ReturnProblem.fileError(
                name,
                String.format(
                    Locale.UK,
                    "lists %,d pupils, more than the %,d a return may hold",
                    pupilRows,
                    limits.maxPupils()),
                "Hand in one school's pupils, one row each"));
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

  /**
   * Reads the file as what its bytes say it is, whatever its name: an xls renamed .xlsx is read as
   * an xls, and an encrypted xlsx (which is an OLE2 file) is recognised as password-protected.
   */
  private static RawSheet readSheet(Path file, String name, byte[] bytes, ReturnLimits limits)
      throws UnreadableReturnException {
    String extension = extension(name);
    if (!List.of("xlsx", "xlsm", "xls", "csv", "tsv", "txt").contains(extension)) {
      throw new UnreadableReturnException(
          "files ending ."
              + extension
              + " are not returns ClusterLens reads; hand in .xlsx, .xls or .csv");
    }
    if (!extension.startsWith("xls")) {
      return CsvSheetReader.read(name, bytes, limits);
    }
    FileMagic magic;
    try {
      magic = FileMagic.valueOf(bytes);
    } catch (RuntimeException e) {
      magic = FileMagic.UNKNOWN;
    }
    return switch (magic) {
      case OOXML -> XlsxSheetReader.read(name, file, limits);
      case OLE2 -> XlsSheetReader.read(name, file, limits);
      default ->
          throw new UnreadableReturnException(
              "this file is not an Excel workbook (it may be damaged, or another kind of file"
                  + " renamed); open it in Excel, save it as .xlsx and hand that in");
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

  private static byte[] readBytes(
      Path file, String name, ReturnLimits limits, List<ReturnProblem> problems) {
    try {
      long size = Files.size(file);
      if (size > limits.maxBytes()) {
        problems.add(
            ReturnProblem.fileError(
                name,
                String.format(
                    Locale.UK,
                    "is %,d bytes, more than the %s a return may be, so it was not opened",
                    size,
                    describeBytes(limits.maxBytes())),
                "Hand in one school's return for one term; it is usually well under 1 MB"));
        return null;
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      problems.add(ReturnProblem.fileError(name, "could not be opened (" + e + ")", null));
      return null;
    }
  }

  private static String describeBytes(long bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return String.format(Locale.UK, "%,d MB", bytes / (1024 * 1024));
    }
    return String.format(Locale.UK, "%,d bytes", bytes);
  }

  private static ReturnCheck rejected(
      String name,
      Optional<String> school,
      Optional<Term> term,
      String sha,
      List<ReturnProblem> problems) {
    ReturnIdentity identity = new ReturnIdentity(school.orElse(null), term.orElse(null), name, sha);
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
