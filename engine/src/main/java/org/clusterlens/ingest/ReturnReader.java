package org.clusterlens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;
import org.clusterlens.scheme.SchemeChoices;

/**
 * The ingest stage for one file: works out which school and term it reports, reads it, maps its
 * header and validates its rows. Never throws for a bad file: every problem comes back in the
 * {@link ReturnCheck}.
 */
public final class ReturnReader {

  /** Files larger than this are refused before they are opened, unless other limits are given. */
  public static final long MAX_FILE_BYTES = ReturnLimits.DEFAULT.maxBytes();

  /** The file name endings read: workbooks, text files and Common Transfer Files. */
  private static final List<String> READABLE =
      List.of("xlsx", "xlsm", "xls", "csv", "tsv", "txt", "xml");

  private final Cluster cluster;
  private final ReturnLimits limits;
  private final Map<String, SchoolMapping> mappings;
  private final SchemeChoices schemes;

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
    this(cluster, limits, Map.of());
  }

  /**
   * @param cluster the cluster whose schools may hand in returns; never null
   * @param limits how large a return may be; never null
   * @param mappings each school's own names for columns and grades, by URN; a school not in it has
   *     none; never null
   */
  public ReturnReader(Cluster cluster, ReturnLimits limits, Map<String, SchoolMapping> mappings) {
    this(cluster, limits, mappings, SchemeChoices.LEVELS_ONLY);
  }

  /**
   * @param cluster the cluster whose schools may hand in returns; never null
   * @param limits how large a return may be; never null
   * @param mappings each school's own names for columns and grades, by URN; a school not in it has
   *     none; never null
   * @param schemes the scheme each school's grades are read in, term by term; never null
   */
  public ReturnReader(
      Cluster cluster,
      ReturnLimits limits,
      Map<String, SchoolMapping> mappings,
      SchemeChoices schemes) {
    this.cluster = cluster;
    this.limits = limits;
    this.mappings = Map.copyOf(mappings);
    this.schemes = schemes;
  }

  /**
   * Reads and validates one return. The school and term come from the command line, the file's name
   * and folders, and the workbook's "About this return" sheet; where two of these disagree, the
   * return is rejected with an error naming both.
   *
   * @param file the file handed in
   * @param schoolOption the school's URN given on the command line, if any
   * @param termOption the term given on the command line, if any
   */
  public ReturnCheck read(Path file, Optional<String> schoolOption, Optional<Term> termOption) {
    String name = file.getFileName().toString();
    List<ReturnProblem> problems = new ArrayList<>();
    byte[] bytes = readBytes(file, name, limits, problems);
    RawSheet sheet = null;
    AboutThisReturn about = AboutThisReturn.NONE;
    List<ReturnProblem> unreadable = new ArrayList<>();
    if (bytes != null) {
      try {
        sheet = readSheet(file, name, bytes, limits);
        about = about(file, name, bytes, unreadable);
        Optional<ReturnProblem> overlong = overlongCell(name, sheet);
        if (overlong.isPresent()) {
          // Not a return's value, and more than a spreadsheet cell holds: no copy can be marked.
          unreadable.add(overlong.get());
          sheet = null;
        }
      } catch (UnreadableReturnException e) {
        unreadable.add(ReturnProblem.fileError(name, e.getMessage(), null));
      }
    }
    Optional<String> school = resolveSchool(file, name, schoolOption, about, problems);
    Optional<Term> term = resolveTerm(file, name, termOption, about, problems);
    problems.addAll(unreadable);
    if (school.isEmpty() || term.isEmpty() || bytes == null) {
      return rejected(name, school, term, "", problems);
    }
    ReturnIdentity identity = new ReturnIdentity(school.get(), term.get(), name, sha256(bytes));
    if (sheet == null || problems.stream().anyMatch(ReturnProblem::isError)) {
      return new ReturnCheck(identity, List.of(), problems, List.of(), sheet, null);
    }
    SchoolMapping mapping = mappings.getOrDefault(school.get(), SchoolMapping.NONE);
    // A subject given twice is a row's problem: reported with the others, after validation.
    List<ReturnProblem> layoutProblems = new ArrayList<>();
    Optional<LongLayout> layout = LongLayout.widen(sheet, mapping, layoutProblems);
    RawSheet wide = layout.map(LongLayout::wide).orElse(sheet);
    Optional<HeaderMapping> header = HeaderMapping.find(wide, mapping, problems);
    if (header.isEmpty() || problems.stream().anyMatch(ReturnProblem::isError)) {
      return new ReturnCheck(identity, List.of(), problems, List.of(), sheet, header.orElse(null));
    }
    long pupilRows =
        wide.rows().stream().filter(r -> r.number() > header.get().headerRow()).count();
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
      return new ReturnCheck(identity, List.of(), problems, List.of(), sheet, header.get());
    }
    ReturnCheck rows = ReturnValidator.validate(wide, header.get(), identity, mapping, schemes);
    for (ReturnProblem p : rows.problems()) {
      problems.add(layout.isPresent() ? layout.get().locate(p) : p);
    }
    problems.addAll(layoutProblems);
    if (extension(name).equals("xml")) {
      // A CTF has no header row: a problem with one of its columns is about the file as a whole.
      problems.replaceAll(p -> CtfReader.withoutHeaderRow(p));
    }
    return new ReturnCheck(
        identity, rows.pupils(), problems, rows.pupilRows(), sheet, header.get());
  }

  /** The most characters a spreadsheet cell holds (Excel's limit, and so POI's). */
  public static final int MAX_CELL_CHARACTERS = 32_767;

  /** An error naming the first cell longer than a spreadsheet cell can be, if there is one. */
  private static Optional<ReturnProblem> overlongCell(String name, RawSheet sheet) {
    for (RawSheet.Row row : sheet.rows()) {
      for (int c = 0; c < row.cells().size(); c++) {
        int length = row.cell(c).length();
        if (length > MAX_CELL_CHARACTERS) {
          return Optional.of(
              new ReturnProblem(
                  ReturnProblem.Severity.ERROR,
                  name,
                  sheet.sheet(),
                  row.number(),
                  null,
                  null,
                  String.format(
                      Locale.UK,
                      "the cell in column %d holds %,d characters, more than the %,d a spreadsheet"
                          + " cell can hold, so this is not a return as exported",
                      c + 1,
                      length,
                      MAX_CELL_CHARACTERS),
                  "Export the return again: each cell holds one value, such as a grade or a"
                      + " date"));
        }
      }
    }
    return Optional.empty();
  }

  /** What the workbook's "About this return" sheet says; nothing for a csv or CTF file. */
  private static AboutThisReturn about(
      Path file, String name, byte[] bytes, List<ReturnProblem> problems)
      throws UnreadableReturnException {
    if (!extension(name).startsWith("xls")) {
      return AboutThisReturn.NONE;
    }
    Optional<RawSheet> sheet =
        magic(bytes) == FileMagic.OOXML
            ? XlsxSheetReader.about(name, file)
            : XlsSheetReader.about(name, file);
    return sheet.map(s -> AboutThisReturn.of(s, problems)).orElse(AboutThisReturn.NONE);
  }

  private static FileMagic magic(byte[] bytes) {
    try {
      return FileMagic.valueOf(bytes);
    } catch (RuntimeException e) {
      return FileMagic.UNKNOWN;
    }
  }

  /**
   * Reads the file as what its bytes say it is, whatever its name: an xls renamed .xlsx is read as
   * an xls, and an encrypted xlsx (which is an OLE2 file) is recognised as password-protected.
   */
  private static RawSheet readSheet(Path file, String name, byte[] bytes, ReturnLimits limits)
      throws UnreadableReturnException {
    String extension = extension(name);
    if (!READABLE.contains(extension)) {
      throw new UnreadableReturnException(
          "files ending ."
              + extension
              + " are not returns ClusterLens reads; hand in .xlsx, .xls, .csv or a CTF (.xml)");
    }
    if (extension.equals("xml")) {
      return CtfReader.read(name, bytes, limits);
    }
    if (!extension.startsWith("xls")) {
      return CsvSheetReader.read(name, bytes, limits);
    }
    return switch (magic(bytes)) {
      case OOXML -> XlsxSheetReader.read(name, file, limits);
      case OLE2 -> XlsSheetReader.read(name, file, limits);
      default ->
          throw new UnreadableReturnException(
              "this file is not an Excel workbook (it may be damaged, or another kind of file"
                  + " renamed); open it in Excel, save it as .xlsx and hand that in");
    };
  }

  private Optional<String> resolveSchool(
      Path file,
      String name,
      Optional<String> option,
      AboutThisReturn about,
      List<ReturnProblem> problems) {
    String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    Optional<String> fromName = School.isUrn(stem) ? Optional.of(stem) : Optional.empty();
    int before = problems.size();
    Optional<String> urn =
        agree(
            "school",
            List.of(
                new Source<>("given on the command line", option),
                new Source<>("its name says", fromName),
                new Source<>("named in " + AboutThisReturn.place(), about.schoolUrn())),
            name,
            problems);
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
      Path file,
      String name,
      Optional<Term> option,
      AboutThisReturn about,
      List<ReturnProblem> problems) {
    Optional<Term> fromFolders = Optional.empty();
    Path termDir = file.toAbsolutePath().getParent();
    Path yearDir = termDir == null ? null : termDir.getParent();
    if (yearDir != null && yearDir.getFileName() != null) {
      String id = yearDir.getFileName() + "-" + termDir.getFileName();
      if (Term.isTermId(id)) {
        fromFolders = Optional.of(Term.parse(id));
      } else if (LOOKS_LIKE_A_TERM.matcher(id.toLowerCase(Locale.ROOT)).matches()) {
        problems.add(
            ReturnProblem.fileError(
                name,
                "is in the folder "
                    + yearDir.getFileName()
                    + "/"
                    + termDir.getFileName()
                    + "/, but "
                    + yearDir.getFileName()
                    + " is not an academic year (its two years must follow on)",
                "Move it into a folder named for its academic year, e.g. "
                    + academicYearLike(yearDir.getFileName().toString())
                    + "/"
                    + termDir.getFileName()
                    + "/"));
        return Optional.empty();
      }
    }
    int before = problems.size();
    Optional<Term> term =
        agree(
            "term",
            List.of(
                new Source<>("given on the command line", option),
                new Source<>("its folders say", fromFolders),
                new Source<>("named in " + AboutThisReturn.place(), about.term())),
            name,
            problems);
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

  /** A folder pair such as {@code 2025-24/summer}: written as a term, but not one. */
  private static final java.util.regex.Pattern LOOKS_LIKE_A_TERM =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-(autumn|spring|summer)");

  /** The academic year starting in the first year of {@code written}, e.g. 2025-26 for 2025-24. */
  private static String academicYearLike(String written) {
    return Term.academicYearStarting(Integer.parseInt(written.substring(0, 4)));
  }

  /** Where a school or term came from, as a message says it, and what it said. */
  private record Source<T>(String where, Optional<T> value) {}

  /**
   * The one value the sources give; an error naming the first two sources that disagree and both
   * their values.
   */
  private static <T> Optional<T> agree(
      String what, List<Source<T>> sources, String name, List<ReturnProblem> out) {
    Source<T> first = null;
    for (Source<T> s : sources) {
      if (s.value().isEmpty()) {
        continue;
      }
      if (first == null) {
        first = s;
      } else if (!first.value().get().equals(s.value().get())) {
        out.add(
            ReturnProblem.fileError(
                name,
                "the "
                    + what
                    + " "
                    + first.where()
                    + " ("
                    + first.value().get()
                    + ") differs from the "
                    + what
                    + " "
                    + s.where()
                    + " ("
                    + s.value().get()
                    + ")",
                "Make the two agree: correct the wrong one, or move the file"));
        return Optional.empty();
      }
    }
    return first == null ? Optional.empty() : first.value();
  }

  private static byte[] readBytes(
      Path file, String name, ReturnLimits limits, List<ReturnProblem> problems) {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      Optional<ReturnProblem> refused = notAnOrdinaryFile(name, attributes);
      if (refused.isPresent()) {
        problems.add(refused.get());
        return null;
      }
      long size = attributes.size();
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
      // Opened without following a link, so a file swapped for a link after the check above is
      // refused too.
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
      }
    } catch (IOException e) {
      problems.add(ReturnProblem.fileError(name, "could not be opened (" + e + ")", null));
      return null;
    }
  }

  /**
   * A refusal for anything in a returns folder that is not an ordinary file: a link (which could
   * point at any file the machine can read, whose lines would then be copied into the feedback), a
   * named pipe, a device or a socket. Never opened, never read; the refusal does not say where a
   * link points.
   */
  private static Optional<ReturnProblem> notAnOrdinaryFile(
      String name, BasicFileAttributes attributes) {
    if (attributes.isSymbolicLink()) {
      return Optional.of(
          ReturnProblem.fileError(
              name,
              "is a link to another file or folder (a symbolic link), not a return itself;"
                  + " ClusterLens never follows links in a returns folder, so it was not opened",
              "Put the return itself in the folder in place of the link"));
    }
    if (!attributes.isRegularFile()) {
      return Optional.of(
          ReturnProblem.fileError(
              name,
              "is not an ordinary file (it is "
                  + (attributes.isDirectory() ? "a folder" : "a named pipe, a device or a socket")
                  + "), so it was not opened",
              "Hand in the return as an ordinary .xlsx, .xls, .csv or CTF (.xml) file"));
    }
    return Optional.empty();
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
    return new ReturnCheck(identity, problems);
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** Tells whether an ordinary file's name is one a return may have. */
  private static boolean isReturnName(Path file) {
    String name = file.getFileName().toString();
    String extension = extension(name);
    return !name.startsWith(".")
        && !name.startsWith("~$")
        && READABLE.contains(extension)
        && !extension.equals("txt");
  }

  /** The SHA-256 of a file's bytes, in lower-case hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /**
   * Lists the return files under a folder (or the file itself), in a stable order. Links and
   * anything else that is not an ordinary file or a folder are listed too, whatever their names, so
   * that {@link #read} refuses each by name; a link to a folder is listed, never entered.
   */
  public static List<Path> returnFiles(Path path) {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    // A returns folder given as a link (to a share, say) is the user's own choice: walked as the
    // folder it names. Links inside it are listed, not followed.
    Path root;
    try {
      root = Files.isSymbolicLink(path) ? path.toRealPath() : path;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the returns in " + path, e);
    }
    try (var walk = Files.walk(root)) {
      return walk.filter(p -> !p.equals(root))
          .filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || isReturnName(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the returns in " + path, e);
    }
  }
}
