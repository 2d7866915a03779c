package org.clusterlens.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;

/**
 * Measures how fast returns are ingested (read, header found, every row validated) beside the raw
 * parse of the same file (cells only) in the same run, so the cost of validation shows as a share
 * of the parse. Writes made-up returns into a folder, runs each measurement several times after a
 * warm-up, and reports the median.
 */
public final class IngestBenchmark {

  /**
   * Untimed runs of each path first: at least this many, and for at least {@link #WARM_UP_SECONDS},
   * so the JIT has compiled both paths fully even on a busy 2-core machine (15 runs of a 700-pupil
   * csv took 0.05 s, too little for that).
   */
  private static final int WARM_UP_RUNS = 15;

  private static final double WARM_UP_SECONDS = 3.0;

  private static final Term TERM = Term.parse("2024-25-autumn");
  private static final String URN = "100001";
  private static final String HEADER =
      "UPN,Forename,Surname,Date of birth,Gender,Year group,FSM,Disadvantaged,SEN,EAL,Reading,"
          + "Writing,Maths";
  private static final String[] GRADES = {"2a", "3c", "3b", "3a", "4c", "4b", "4a", "5c", "5b"};
  private static final String UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

  private IngestBenchmark() {}

  /**
   * One file's figures.
   *
   * @param format "csv" or "xlsx"
   * @param pupils the pupil rows in the file
   * @param parseSeconds the median wall time to parse the file into cells
   * @param ingestSeconds the median wall time to read and validate it as ingest does
   * @param parseCpuSeconds the median CPU time of the parse, which other work on a shared machine
   *     disturbs less than wall time
   * @param ingestCpuSeconds the median CPU time of the ingest
   */
  public record Result(
      String format,
      int pupils,
      double parseSeconds,
      double ingestSeconds,
      double parseCpuSeconds,
      double ingestCpuSeconds) {

    /** Rows per second for the raw parse. */
    public double parseRowsPerSecond() {
      return pupils / parseSeconds;
    }

    /** Rows per second for the whole ingest of the file. */
    public double ingestRowsPerSecond() {
      return pupils / ingestSeconds;
    }

    /** What ingest costs over the raw parse, as a percentage of the parse. */
    public double overheadPercent() {
      return 100.0 * (ingestSeconds - parseSeconds) / parseSeconds;
    }

    /** What ingest costs over the raw parse in CPU time, as a percentage of the parse's. */
    public double cpuOverheadPercent() {
      return 100.0 * (ingestCpuSeconds - parseCpuSeconds) / parseCpuSeconds;
    }

    /** One line of a table: format, pupils, both rates and the overhead in wall and CPU time. */
    public String line() {
      return String.format(
          Locale.UK,
          "| %-4s | %,7d | %,12.0f | %,12.0f | %+6.1f%% | %,8.2f | %,9.2f | %+6.1f%% |",
          format,
          pupils,
          parseRowsPerSecond(),
          ingestRowsPerSecond(),
          overheadPercent(),
          parseCpuSeconds * 1000,
          ingestCpuSeconds * 1000,
          cpuOverheadPercent());
    }
  }

  /** The table's header lines, to print above {@link Result#line()}s. */
  public static String header() {
    return "| file | pupils | parse rows/s | ingest rows/s | ingest over parse | parse CPU ms"
        + " | ingest CPU ms | CPU over parse |\n"
        + "|------|--------:|-------------:|--------------:|------------------:|---------:"
        + "|----------:|---------------:|";
  }

  /**
   * Writes returns of each size as csv and xlsx into {@code folder} and measures them.
   *
   * @param folder where the made-up returns are written; created if missing
   * @param sizes the pupil counts to measure
   * @param rounds timed runs per measurement after the warm-up; at least 1
   * @throws UncheckedIOException if the returns cannot be written
   */
  public static List<Result> run(Path folder, List<Integer> sizes, int rounds) {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, not " + rounds);
    }
    int most = sizes.stream().mapToInt(Integer::intValue).max().orElse(1);
    ReturnLimits limits = new ReturnLimits(1L << 30, most);
    Cluster cluster = new Cluster("Benchmark cluster", List.of(new School(URN, "Ashdown")), false);
    ReturnReader reader = new ReturnReader(cluster, limits);
    List<Result> results = new ArrayList<>();
    try {
      Files.createDirectories(folder);
      for (int pupils : sizes) {
        List<String[]> rows = rows(pupils);
        Path csv = folder.resolve("bench-" + pupils + ".csv");
        writeCsv(csv, rows);
        Path xlsx = folder.resolve("bench-" + pupils + ".xlsx");
        writeXlsx(xlsx, rows);
        results.add(
            measure(
                "csv",
                pupils,
                rounds,
                () ->
                    CsvSheetReader.read(
                        csv.getFileName().toString(), Files.readAllBytes(csv), limits),
                () -> reader.read(csv, Optional.of(URN), Optional.of(TERM))));
        results.add(
            measure(
                "xlsx",
                pupils,
                rounds,
                () -> XlsxSheetReader.read(xlsx.getFileName().toString(), xlsx, limits),
                () -> reader.read(xlsx, Optional.of(URN), Optional.of(TERM))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the benchmark's returns in " + folder, e);
    }
    return results;
  }

  private interface Step {
    Object run() throws Exception;
  }

  private static Result measure(String format, int pupils, int rounds, Step parse, Step ingest) {
    check(ingest, pupils);
    // Warm-up: both paths, so neither is timed while the JIT is still compiling it.
    long warmUntil = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9);
    for (int i = 0; i < WARM_UP_RUNS || System.nanoTime() < warmUntil; i++) {
      time(parse);
      time(ingest);
    }
    double[] parseTimes = new double[rounds];
    double[] ingestTimes = new double[rounds];
    double[] parseCpu = new double[rounds];
    double[] ingestCpu = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      // Interleaved, so a slow moment on a shared machine hurts both alike.
      double[] p = time(parse);
      double[] in = time(ingest);
      parseTimes[i] = p[0];
      parseCpu[i] = p[1];
      ingestTimes[i] = in[0];
      ingestCpu[i] = in[1];
    }
    return new Result(
        format,
        pupils,
        median(parseTimes),
        median(ingestTimes),
        median(parseCpu),
        median(ingestCpu));
  }

  private static void check(Step ingest, int pupils) {
    try {
      ReturnCheck check = (ReturnCheck) ingest.run();
      if (!check.accepted() || check.pupils().size() != pupils) {
        throw new IllegalStateException(
            "The benchmark's return was not read whole: " + check.summary());
      }
    } catch (Exception e) {
      throw new IllegalStateException("The benchmark's return could not be read", e);
    }
  }

  /** The step's wall time and this thread's CPU time, in seconds. */
  private static double[] time(Step step) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    try {
      if (step.run() == null) {
        throw new IllegalStateException("A benchmark step returned nothing");
      }
    } catch (Exception e) {
      throw new IllegalStateException("A benchmark step failed", e);
    }
    long wall = System.nanoTime() - start;
    return new double[] {wall / 1e9, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9};
  }

  private static double median(double[] times) {
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Made-up but valid pupils: real check letters, ages that fit their year groups. */
  static List<String[]> rows(int pupils) {
    Random random = new Random(20241);
    List<String[]> rows = new ArrayList<>(pupils);
    for (int i = 0; i < pupils; i++) {
      int year = 1 + i % 6;
      LocalDate dob = LocalDate.of(TERM.startYear() - 5 - year, 9, 1).plusDays(random.nextInt(365));
      rows.add(
          new String[] {
            upn(i),
            "Pupil" + i,
            "Surname" + i,
            String.format(
                Locale.UK, "%02d/%02d/%d", dob.getDayOfMonth(), dob.getMonthValue(), dob.getYear()),
            random.nextBoolean() ? "F" : "M",
            Integer.toString(year),
            random.nextInt(5) == 0 ? "Y" : "N",
            random.nextInt(4) == 0 ? "Y" : "N",
            random.nextInt(8) == 0 ? "K" : "N",
            random.nextInt(10) == 0 ? "Y" : "N",
            GRADES[random.nextInt(GRADES.length)],
            GRADES[random.nextInt(GRADES.length)],
            GRADES[random.nextInt(GRADES.length)]
          });
    }
    return rows;
  }

  /** A permanent UPN: LA 850, establishment 2100, the serial from {@code i}, its check letter. */
  private static String upn(int i) {
    String digits = String.format(Locale.ROOT, "8502100%05d", i);
    int sum = 0;
    for (int k = 0; k < digits.length(); k++) {
      sum += (k + 2) * (digits.charAt(k) - '0');
    }
    return UPN_LETTERS.charAt(sum % 23) + digits;
  }

  private static void writeCsv(Path file, List<String[]> rows) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append("\r\n");
    for (String[] row : rows) {
      text.append(String.join(",", row)).append("\r\n");
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void writeXlsx(Path file, List<String[]> rows) throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, false, true);
        OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = wb.createSheet(XlsxSheetReader.PUPILS_SHEET);
      String[] header = HEADER.split(",");
      Row h = sheet.createRow(0);
      for (int c = 0; c < header.length; c++) {
        h.createCell(c).setCellValue(header[c]);
      }
      int r = 1;
      for (String[] cells : rows) {
        Row row = sheet.createRow(r++);
        for (int c = 0; c < cells.length; c++) {
          if (c == 5) {
            row.createCell(c).setCellValue(Integer.parseInt(cells[c]));
          } else {
            row.createCell(c).setCellValue(cells[c]);
          }
        }
      }
      wb.write(out);
    }
  }
}
