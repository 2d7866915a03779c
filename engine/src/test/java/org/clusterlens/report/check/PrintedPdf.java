package org.clusterlens.report.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workbook as LibreOffice prints it: the PDF's text lines with their positions (poppler's {@code
 * pdftotext -bbox-layout}), so a test can see what a governor holding the paper sees — lines
 * printed over one another, text too small to read.
 *
 * <pre>{@code
 * Map<Path, PrintedPdf> printed = PrintedPdf.print(List.of(xlsx), outDir);
 * printed.get(xlsx).overlaps(); // "page 1: 'Key points…' overlaps 'Ask: …'"
 * }</pre>
 */
public final class PrintedPdf {

  public static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");
  public static final Path PDFTOPPM = Path.of("/usr/bin/pdftoppm");

  /**
   * The height of a line's box per point of font size: Calibri (or its metric twin Carlito) set at
   * Arial (printed as Liberation Sans) at 11 pt gives boxes 14.3 pt tall in LibreOffice's PDFs.
   */
  static final double BOX_PER_POINT = 1.3;

  private static final Pattern PAGE =
      Pattern.compile("<page width=\"([\\d.]+)\" height=\"([\\d.]+)\">");
  private static final Pattern LINE =
      Pattern.compile(
          "<line xMin=\"([\\d.-]+)\" yMin=\"([\\d.-]+)\" xMax=\"([\\d.-]+)\" yMax=\"([\\d.-]+)\">");
  private static final Pattern WORD = Pattern.compile("<word [^>]*>([^<]*)</word>");

  /** One printed line of text, in PDF points from the page's top left. */
  public record Line(int page, double xMin, double yMin, double xMax, double yMax, String text) {

    /** The font size the line was printed at, in points, from its box's height. */
    public double points() {
      return (yMax - yMin) / BOX_PER_POINT;
    }

    boolean overlaps(Line other) {
      double dx = Math.min(xMax, other.xMax) - Math.max(xMin, other.xMin);
      double dy = Math.min(yMax, other.yMax) - Math.max(yMin, other.yMin);
      // A quarter of the shorter line's height: descenders touching the next line's capitals
      // are not an overlap a reader notices.
      double shorter = Math.min(yMax - yMin, other.yMax - other.yMin);
      return dx > 1 && dy > shorter / 4;
    }

    @Override
    public String toString() {
      String shown = text.length() > 50 ? text.substring(0, 50) + "…" : text;
      return String.format("'%s' (%.1f pt at %.0f,%.0f)", shown, points(), xMin, yMin);
    }
  }

  private final Path pdf;
  private final int pages;
  private final List<Line> lines;

  private PrintedPdf(Path pdf, int pages, List<Line> lines) {
    this.pdf = pdf;
    this.pages = pages;
    this.lines = List.copyOf(lines);
  }

  /**
   * Prints workbooks to PDF in one LibreOffice run and reads each PDF's text lines.
   *
   * @param workbooks xlsx files with distinct file names
   * @param outDir where the PDFs are kept (for pdftoppm or a person to look at)
   * @return one printed PDF per workbook, in the given order
   * @throws AssertionError if LibreOffice writes no PDF for a workbook
   */
  public static Map<Path, PrintedPdf> print(List<Path> workbooks, Path outDir) {
    WorkbookCheck.requireLibreOffice();
    if (!Files.isExecutable(PDFTOTEXT)) {
      throw new IllegalStateException(
          "The print checks need poppler's pdftotext ("
              + PDFTOTEXT
              + "): `apt-get install poppler-utils`, or run with -Dclusterlens.skipBrowser=true.");
    }
    try {
      Map<Path, Path> pdfs = WorkbookCheck.toPdf(workbooks, outDir, 240);
      Map<Path, PrintedPdf> printed = new LinkedHashMap<>();
      for (Path w : workbooks) {
        Path pdf = pdfs.get(w);
        Path html = outDir.resolve(pdf.getFileName() + ".bbox.html");
        WorkbookCheck.run(
            List.of(PDFTOTEXT.toString(), "-bbox-layout", pdf.toString(), html.toString()),
            outDir.resolve("pdftotext.log"),
            60);
        printed.put(w, read(pdf, Files.readString(html, StandardCharsets.UTF_8)));
      }
      return printed;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not print " + workbooks + " with LibreOffice", e);
    }
  }

  /** Reads {@code pdftotext -bbox-layout}'s XHTML: pages, then lines of words. */
  static PrintedPdf read(Path pdf, String bbox) {
    List<Line> lines = new ArrayList<>();
    int page = 0;
    Matcher pages = PAGE.matcher(bbox);
    List<Integer> pageStarts = new ArrayList<>();
    while (pages.find()) {
      pageStarts.add(pages.start());
    }
    Matcher m = LINE.matcher(bbox);
    while (m.find()) {
      while (page < pageStarts.size() && pageStarts.get(page) < m.start()) {
        page++;
      }
      int end = bbox.indexOf("</line>", m.end());
      StringBuilder text = new StringBuilder();
      Matcher w = WORD.matcher(bbox.substring(m.end(), end));
      while (w.find()) {
        text.append(text.isEmpty() ? "" : " ").append(unescape(w.group(1)));
      }
      lines.add(
          new Line(
              page,
              Double.parseDouble(m.group(1)),
              Double.parseDouble(m.group(2)),
              Double.parseDouble(m.group(3)),
              Double.parseDouble(m.group(4)),
              text.toString()));
    }
    return new PrintedPdf(pdf, pageStarts.size(), lines);
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
  }

  /** The PDF file. */
  public Path pdf() {
    return pdf;
  }

  /** How many pages LibreOffice printed. */
  public int pages() {
    return pages;
  }

  /** Every text line, page by page. */
  public List<Line> lines() {
    return lines;
  }

  /** Each pair of lines on one page whose boxes overlap, as a sentence naming both. */
  public List<String> overlaps() {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Line a = lines.get(i);
      for (int j = i + 1; j < lines.size() && lines.get(j).page() == a.page(); j++) {
        Line b = lines.get(j);
        if (a.overlaps(b)) {
          found.add("page " + a.page() + ": " + a + " overlaps " + b);
        }
      }
    }
    return found;
  }

  /**
   * Each line printed smaller than {@code points}, as a sentence naming it; a twentieth of a point
   * is allowed for the rounding of the PDF's coordinates.
   */
  public List<String> smallerThan(double points) {
    return lines.stream()
        .filter(l -> l.points() < points - 0.05)
        .map(l -> "page " + l.page() + ": " + l + " is under " + points + " pt")
        .toList();
  }

  /**
   * Renders the first page to a PNG beside the PDF (poppler's pdftoppm, 60 dpi) for a person to
   * look at; returns the image, or null when pdftoppm is missing.
   */
  public Path firstPagePng(Path dir) {
    if (!Files.isExecutable(PDFTOPPM)) {
      return null;
    }
    String stem = pdf.getFileName().toString().replaceFirst("\\.pdf$", "");
    try {
      Files.createDirectories(dir);
      Path prefix = dir.resolve(stem);
      WorkbookCheck.run(
          List.of(
              PDFTOPPM.toString(),
              "-png",
              "-r",
              "60",
              "-f",
              "1",
              "-l",
              "1",
              "-singlefile",
              pdf.toString(),
              prefix.toString()),
          dir.resolve("pdftoppm.log"),
          60);
      return dir.resolve(stem + ".png");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render " + pdf, e);
    }
  }
}
