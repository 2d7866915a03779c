package org.clusterlens.report.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Checks an Excel pack as a reader meets it: LibreOffice prints it to a PDF of at least so many
 * pages, and POI reads back a tidy, safe workbook — every table sheet with a frozen header row in
 * the header style, percentages stored as numeric fractions with a % format, no formulas, and no
 * text that a spreadsheet could take for a formula.
 *
 * <pre>{@code
 * WorkbookCheck.assertClean(packDir.resolve("cluster-pack.xlsx"), 3);
 * }</pre>
 */
public final class WorkbookCheck {

  public static final Path SOFFICE = Path.of("/usr/bin/soffice");
  public static final Path PDFINFO = Path.of("/usr/bin/pdfinfo");

  /** First characters that make Excel or Calc read typed text as a formula (OWASP CSV list). */
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private static final Pattern PERCENT_TEXT = Pattern.compile("\\s*[-+]?\\d+(\\.\\d+)?\\s*%\\s*");
  private static final Pattern PDF_PAGES = Pattern.compile("(?m)^Pages:\\s+(\\d+)\\s*$");

  private WorkbookCheck() {}

  /**
   * Fails with a sentence saying how to install LibreOffice and poppler when either is missing.
   *
   * @throws IllegalStateException if soffice or pdfinfo is not installed
   */
  public static void requireLibreOffice() {
    if (!Files.isExecutable(SOFFICE) || !Files.isExecutable(PDFINFO)) {
      throw new IllegalStateException(
          "The workbook checks need LibreOffice ("
              + SOFFICE
              + ") and poppler's pdfinfo ("
              + PDFINFO
              + "). Install them with `apt-get install libreoffice-calc-nogui poppler-utils`"
              + " (.ci/run does), or run with -Dclusterlens.skipBrowser=true to skip these checks.");
    }
  }

  /**
   * Prints a workbook with POI-level checks and a LibreOffice print; fails listing every problem.
   *
   * @param xlsx the workbook
   * @param minPages the fewest PDF pages LibreOffice should print
   * @return the number of pages printed
   * @throws AssertionError listing every problem found
   */
  public static int assertClean(Path xlsx, int minPages) {
    List<String> problems = new ArrayList<>(problems(xlsx));
    int pages = pdfPages(List.of(xlsx)).get(xlsx);
    if (pages < minPages) {
      problems.add("LibreOffice printed " + pages + " pages; expected at least " + minPages);
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          xlsx.getFileName() + " has problems:\n  " + String.join("\n  ", problems));
    }
    return pages;
  }

  /**
   * Converts workbooks to PDF in one LibreOffice run, with a fresh user profile, and counts each
   * PDF's pages.
   *
   * @param workbooks xlsx files with distinct file names
   * @return pages per workbook, in the given order
   * @throws AssertionError if LibreOffice writes no PDF for a workbook (it exits 0 regardless)
   */
  public static Map<Path, Integer> pdfPages(List<Path> workbooks) {
    requireLibreOffice();
    Path work = null;
    try {
      work = Files.createTempDirectory("workbook-check");
      Map<Path, Path> pdfs = toPdf(workbooks, work.resolve("pdf"), 180);
      Map<Path, Integer> pages = new LinkedHashMap<>();
      for (Path w : workbooks) {
        Path pdf = pdfs.get(w);
        String info =
            run(List.of(PDFINFO.toString(), pdf.toString()), work.resolve("pdfinfo.log"), 30);
        Matcher m = PDF_PAGES.matcher(info);
        if (!m.find()) {
          throw new AssertionError("pdfinfo gave no page count for " + pdf + ":\n" + info);
        }
        pages.put(w, Integer.parseInt(m.group(1)));
      }
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not convert " + workbooks + " with LibreOffice", e);
    } finally {
      deleteQuietly(work);
    }
  }

  /**
   * Converts workbooks to PDF in one LibreOffice run, with a fresh user profile.
   *
   * @param workbooks xlsx files with distinct file names
   * @param outDir where the PDFs go, created if missing
   * @return each workbook's PDF, in the given order
   * @throws AssertionError if LibreOffice writes no PDF for a workbook (it exits 0 regardless)
   */
  static Map<Path, Path> toPdf(List<Path> workbooks, Path outDir, int timeoutSeconds)
      throws IOException {
    Files.createDirectories(outDir);
    Path profileHome = Files.createTempDirectory("print-profile");
    try {
      return toPdf(workbooks, outDir, profileHome.resolve("profile"), timeoutSeconds);
    } finally {
      deleteQuietly(profileHome);
    }
  }

  private static Map<Path, Path> toPdf(
      List<Path> workbooks, Path outDir, Path profile, int timeoutSeconds) throws IOException {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            SOFFICE.toString(),
            "--headless",
            "--norestore",
            "-env:UserInstallation=" + profile.toUri(),
            "--convert-to",
            "pdf",
            "--outdir",
            outDir.toString()));
    workbooks.forEach(w -> command.add(w.toAbsolutePath().toString()));
    String log = run(command, outDir.resolve("soffice.log"), timeoutSeconds);
    Map<Path, Path> pdfs = new LinkedHashMap<>();
    for (Path w : workbooks) {
      Path pdf = outDir.resolve(w.getFileName().toString().replaceFirst("\\.xlsx?$", "") + ".pdf");
      if (!Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
        throw new AssertionError(
            "LibreOffice wrote no PDF for " + w + " (it exits 0 even when it fails):\n" + log);
      }
      pdfs.put(w, pdf);
    }
    return pdfs;
  }

  /**
   * Reads a workbook back with POI and lists what a reader or a spreadsheet would trip on.
   *
   * @param xlsx the workbook
   * @return one line per problem, naming sheet and cell; empty when the workbook is clean
   */
  public static List<String> problems(Path xlsx) {
    List<String> problems = new ArrayList<>();
    try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ);
        XSSFWorkbook wb = new XSSFWorkbook(pkg)) {
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        Sheet sheet = wb.getSheetAt(i);
        if (i > 0) {
          headerProblems(wb, sheet, problems);
        }
        for (Row row : sheet) {
          for (Cell cell : row) {
            cellProblems(sheet, cell, problems);
          }
        }
      }
    } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      problems.add("POI could not read the workbook: " + e.getMessage());
    }
    return problems;
  }

  private static void headerProblems(XSSFWorkbook wb, Sheet sheet, List<String> problems) {
    PaneInformation pane = sheet.getPaneInformation();
    if (pane == null || !pane.isFreezePane() || pane.getHorizontalSplitPosition() < 1) {
      problems.add("sheet '" + sheet.getSheetName() + "' has no frozen header row");
      return;
    }
    Row header = sheet.getRow(pane.getHorizontalSplitPosition() - 1);
    if (header == null) {
      problems.add("sheet '" + sheet.getSheetName() + "' freezes panes below an empty row");
      return;
    }
    Short headerStyle = null;
    for (Cell cell : header) {
      if (cell.getCellType() == CellType.BLANK) {
        continue;
      }
      CellStyle style = cell.getCellStyle();
      boolean bold = wb.getFontAt(style.getFontIndex()).getBold();
      boolean shaded = style.getFillPattern() == FillPatternType.SOLID_FOREGROUND;
      if (!bold || !shaded) {
        problems.add(where(sheet, cell) + " is a header cell without the header style");
      }
      if (headerStyle == null) {
        headerStyle = style.getIndex();
      } else if (headerStyle != style.getIndex()) {
        problems.add(where(sheet, cell) + " has a different style from the other header cells");
      }
    }
  }

  private static void cellProblems(Sheet sheet, Cell cell, List<String> problems) {
    CellType type = cell.getCellType();
    String format = cell.getCellStyle().getDataFormatString();
    boolean percentFormat = format != null && format.contains("%");
    if (type == CellType.FORMULA) {
      problems.add(where(sheet, cell) + " holds a formula: " + cell.getCellFormula());
      return;
    }
    if (type == CellType.STRING) {
      String text = cell.getStringCellValue();
      if (!text.isEmpty()
          && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0
          && !cell.getCellStyle().getQuotePrefixed()) {
        problems.add(
            where(sheet, cell)
                + " holds text a spreadsheet may take for a formula, without a quote prefix: '"
                + text
                + "'");
      }
      if (PERCENT_TEXT.matcher(text).matches()) {
        problems.add(where(sheet, cell) + " holds a percentage as text: '" + text + "'");
      }
      if (percentFormat) {
        problems.add(where(sheet, cell) + " has a % format but holds text: '" + text + "'");
      }
    }
    if (type == CellType.NUMERIC && percentFormat) {
      double v = cell.getNumericCellValue();
      if (v < 0 || v > 1) {
        problems.add(
            where(sheet, cell) + " shows " + v + " as a percentage: expected a fraction 0–1");
      }
    }
  }

  private static String where(Sheet sheet, Cell cell) {
    return "'" + sheet.getSheetName() + "'!" + cell.getAddress().formatAsString();
  }

  /** Runs a command with its output in {@code log}, and returns that output. */
  static String run(List<String> command, Path log, int timeoutSeconds) throws IOException {
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(
            command.get(0) + " took more than " + timeoutSeconds + " s: " + command);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command.get(0), e);
    }
    return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A temp dir left behind is harmless.
    }
  }
}
