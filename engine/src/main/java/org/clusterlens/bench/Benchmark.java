package org.clusterlens.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SaveMode;
import org.clusterlens.generate.GeneratedTermlyReturn;
import org.clusterlens.generate.ScaleClusterGenerator;
import org.clusterlens.generate.ScaleDatasetWriter;
import org.clusterlens.generate.ScaleSize;
import org.clusterlens.ingest.ClusterFolder;
import org.clusterlens.metrics.AttainmentMetrics;
import org.clusterlens.metrics.FiguresAtScale;
import org.clusterlens.metrics.Measures;
import org.clusterlens.metrics.PupilTable;
import org.clusterlens.metrics.ValueAddedReference;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.clusterlens.pipeline.IngestRun;
import org.clusterlens.pipeline.PackWriter;
import org.clusterlens.pipeline.ReportRun;
import org.clusterlens.stats.SmallNumberRules;
import org.clusterlens.warehouse.EngineSpark;
import org.clusterlens.warehouse.Warehouse;

/**
 * Runs ClusterLens's stages at cluster, local-authority and national size and measures each: the
 * demo cluster ingested from its returns; a generated LA written as csv returns, ingested and
 * reported; a generated country loaded straight into the warehouse and measured. Beside each
 * metrics stage DuckDB computes the same counts from the same Parquet files, and the two must
 * agree.
 */
public final class Benchmark {

  /** The datasets a run can measure. */
  public enum Size {
    /** The demo cluster: 8 schools, 48 returns. */
    CLUSTER,
    /** A generated local authority: 300 schools, 2,700 returns. */
    LOCAL_AUTHORITY,
    /** A generated England: 16,000 schools (or as many as asked). */
    NATIONAL
  }

  /**
   * The engine against DuckDB on one dataset.
   *
   * @param size the dataset
   * @param metricsWarm the engine's whole metrics stage, second time in the process
   * @param queryWarm the engine's attainment query alone in Spark ({@link
   *     AttainmentMetrics#query()} over the Delta table), after the metrics stage ran it; null when
   *     not run
   * @param duckDbWarm the same query text in DuckDB over the same files, second time
   * @param compared how many percentage figures were compared
   * @param disagreements how many of them had other counts in DuckDB (0 when both agree)
   */
  public record Comparison(
      String size,
      StageMeasure metricsWarm,
      StageMeasure queryWarm,
      StageMeasure duckDbWarm,
      int compared,
      int disagreements) {}

  /**
   * Everything a run measured.
   *
   * @param stages every stage, in the order run
   * @param comparisons one per dataset
   */
  public record Results(List<StageMeasure> stages, List<Comparison> comparisons) {}

  private final Path work;
  private final Path demoCluster;
  private final long seed;
  private final int nationalSchools;
  private final PrintWriter progress;
  private final List<StageMeasure> stages = new ArrayList<>();
  private final List<Comparison> comparisons = new ArrayList<>();

  /**
   * @param work a folder the benchmark may clear and fill; never null
   * @param demoCluster the demo cluster's folder (configuration and returns); never null
   * @param seed the seed for generated datasets
   * @param nationalSchools how many schools the national dataset has
   * @param progress where each stage is reported as it finishes; never null
   */
  public Benchmark(
      Path work, Path demoCluster, long seed, int nationalSchools, PrintWriter progress) {
    this.work = work;
    this.demoCluster = demoCluster;
    this.seed = seed;
    this.nationalSchools = nationalSchools;
    this.progress = progress;
  }

  /**
   * Measures the datasets named, in order.
   *
   * @throws IllegalStateException if a dataset cannot be read or DuckDB fails
   */
  public Results run(List<Size> sizes) {
    for (Size size : sizes) {
      switch (size) {
        case CLUSTER -> cluster();
        case LOCAL_AUTHORITY -> localAuthority();
        case NATIONAL -> national();
      }
    }
    return new Results(List.copyOf(stages), List.copyOf(comparisons));
  }

  /**
   * Measures the metrics stage of the warehouse at {@code root} as it stands (read only), first and
   * warm, each in its two parts (the scan into the pupil table, the figures counted from it),
   * beside DuckDB's attainment query over the same files, first and warm, whose counts must agree
   * with every percentage figure. The attainment query is not run in Spark.
   *
   * @throws IllegalStateException if the warehouse cannot be read or DuckDB fails
   */
  public Results metricsOf(Path root) {
    Warehouse warehouse = new Warehouse(EngineSpark.session(), root.toString());
    long rows = warehouse.assessments().count();
    String label = "warehouse " + root.getFileName();
    metricsInParts(label, warehouse, rows, "first in process");
    Timed<List<Figure>> warm = metricsInParts(label, warehouse, rows, "warm");
    StageClock.Timed<Map<String, long[]>> duckWarm =
        duckDbFirstAndWarm(label, warehouse.assessments().inputFiles(), rows);
    StageMeasure duckMeasure = duckWarm.measure(label, "metrics query, DuckDB (warm)", rows);
    int[] agreement = compare(warm.figures(), duckWarm.value());
    comparisons.add(
        new Comparison(label, warm.measure(), null, duckMeasure, agreement[0], agreement[1]));
    progress.printf(
        "  %s: DuckDB agrees on %d of %d percentage figures; the %,d figures' digest %s%n",
        label,
        agreement[0] - agreement[1],
        agreement[0],
        warm.figures().size(),
        digest(warm.figures()));
    return new Results(List.copyOf(stages), List.copyOf(comparisons));
  }

  /**
   * A SHA-256 digest of the figures' text, in order: two runs that make the same figures give the
   * same digest.
   */
  private static String digest(List<Figure> figures) {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      for (Figure f : figures) {
        sha.update((f + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("This Java has no SHA-256", e);
    }
  }

  private record Timed<T>(T figures, StageMeasure measure) {}

  /** The metrics stage as the scan, then the figures counted from its table, each measured. */
  private Timed<List<Figure>> metricsInParts(
      String label, Warehouse warehouse, long rows, String when) {
    StageClock.Timed<PupilTable> scan =
        StageClock.time(() -> PupilTable.scan(warehouse.assessments()));
    StageMeasure scanned = scan.measure(label, "scan into the pupil table (" + when + ")", rows);
    record(scanned);
    StageClock.Timed<List<Figure>> counted =
        StageClock.time(
            () ->
                AttainmentMetrics.compute(
                    scan.value(), SmallNumberRules.DEFAULT, ValueAddedReference.NONE));
    StageMeasure figures = counted.measure(label, "figures from the table (" + when + ")", rows);
    record(figures);
    StageMeasure whole =
        new StageMeasure(
            label,
            "metrics (" + when + ")",
            rows,
            scanned.seconds() + figures.seconds(),
            scanned.cpuSeconds() + figures.cpuSeconds(),
            Math.max(scanned.peakHeapMb(), figures.peakHeapMb()),
            Math.max(scanned.peakResidentMb(), figures.peakResidentMb()));
    record(whole);
    return new Timed<>(counted.value(), whole);
  }

  private void cluster() {
    Cluster cluster = readCluster(demoCluster);
    String label = "cluster (" + cluster.schools().size() + " schools)";
    Warehouse warehouse = freshWarehouse("cluster");
    long rows = ingest(label, cluster, demoCluster.resolve("returns"), warehouse);
    report(label, cluster, warehouse, rows, Optional.of(work.resolve("cluster/reports")));
    atScale(label, warehouse, rows, work.resolve("cluster/figures"));
  }

  private void localAuthority() {
    ScaleClusterGenerator generator = new ScaleClusterGenerator(ScaleSize.LOCAL_AUTHORITY, seed);
    String label = "local authority (" + generator.size().schools() + " schools)";
    Path dataset = work.resolve("la/dataset");
    clear(dataset);
    StageClock.Timed<Long> files =
        StageClock.time(() -> ScaleDatasetWriter.write(generator, dataset));
    Cluster cluster = readCluster(dataset);
    Warehouse warehouse = freshWarehouse("la");
    long rows = ingest(label, cluster, dataset.resolve("returns"), warehouse);
    record(files.measure(label, "generate " + files.value() + " csv returns", rows));
    report(label, cluster, warehouse, rows, Optional.of(work.resolve("la/reports")));
    atScale(label, warehouse, rows, work.resolve("la/figures"));
  }

  private void national() {
    ScaleClusterGenerator generator =
        new ScaleClusterGenerator(ScaleSize.NATIONAL.withSchools(nationalSchools), seed);
    String label = "national (" + generator.size().schools() + " schools)";
    Warehouse warehouse = freshWarehouse("national");
    StageClock.Timed<Long> load =
        StageClock.time(
            () ->
                warehouse.loadGenerated(
                    generator.size().schools(),
                    i -> generator.returnsOf(i).stream().map(GeneratedTermlyReturn::of).toList()));
    long rows = warehouse.assessments().count();
    record(load.measure(label, "generate into the warehouse", rows));
    atScale(label, warehouse, rows, work.resolve("national/figures"));
  }

  /**
   * The figures made on the executors ({@link FiguresAtScale}) and written as Parquet, the
   * attainment query alone in Spark, the same query twice in DuckDB, and DuckDB's counts checked
   * against every written percentage figure, in DuckDB: no figure or count is gathered into this
   * process, so a country's fit in the heap an LA's needs.
   */
  private void atScale(String label, Warehouse warehouse, long rows, Path figures) {
    clear(figures);
    // As clusterlens figures runs it: shuffle partitions for the rows' size, then local mode's
    // setting again for the query alone, so it is measured as before.
    RuntimeConfig conf = warehouse.assessments().sparkSession().conf();
    String shuffle = conf.get("spark.sql.shuffle.partitions");
    conf.set(
        "spark.sql.shuffle.partitions", Integer.toString(FiguresAtScale.shufflePartitions(rows)));
    StageClock.Timed<Boolean> made =
        StageClock.time(
            () -> {
              FiguresAtScale.compute(warehouse.assessments(), SmallNumberRules.DEFAULT)
                  .write()
                  .mode(SaveMode.Overwrite)
                  .parquet(figures.toString());
              return true;
            });
    conf.set("spark.sql.shuffle.partitions", shuffle);
    warehouse.assessments().sparkSession().catalog().clearCache();
    long written =
        warehouse.assessments().sparkSession().read().parquet(figures.toString()).count();
    StageMeasure stage = made.measure(label, "figures at scale (" + written + " figures)", rows);
    record(stage);
    Dataset<Row> rowsNow = warehouse.assessments();
    rowsNow.createOrReplaceTempView(AttainmentMetrics.VIEW);
    StageClock.Timed<Boolean> query =
        StageClock.time(
            () -> {
              rowsNow
                  .sparkSession()
                  .sql(AttainmentMetrics.query())
                  .write()
                  .format("noop")
                  .mode(SaveMode.Overwrite)
                  .save();
              return true;
            });
    StageMeasure queryMeasure = query.measure(label, "metrics query alone, Spark", rows);
    record(queryMeasure);
    try (DuckDbMetrics.OverFiles duckDb = new DuckDbMetrics.OverFiles(rowsNow.inputFiles())) {
      record(
          StageClock.time(duckDb::runQuery).measure(label, "metrics query, DuckDB (first)", rows));
      StageMeasure duckMeasure =
          StageClock.time(duckDb::runQuery).measure(label, "metrics query, DuckDB (warm)", rows);
      record(duckMeasure);
      int[] agreement = duckDb.agreementWith(figures);
      comparisons.add(
          new Comparison(label, stage, queryMeasure, duckMeasure, agreement[0], agreement[1]));
      progress.printf(
          "  %s: DuckDB agrees on %d of %d percentage figures made at scale%n",
          label, agreement[0] - agreement[1], agreement[0]);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("DuckDB could not open the warehouse's files", e);
    }
  }

  private long ingest(String label, Cluster cluster, Path returns, Warehouse warehouse) {
    StageClock.Timed<List<IngestRun.FileOutcome>> ingest =
        StageClock.time(
            () ->
                new IngestRun(cluster, () -> warehouse)
                    .run(List.of(returns), Optional.empty(), Optional.empty()));
    long rejected = ingest.value().stream().filter(o -> !o.check().accepted()).count();
    if (rejected > 0) {
      throw new IllegalStateException(rejected + " returns under " + returns + " were rejected");
    }
    long rows = warehouse.assessments().count();
    record(ingest.measure(label, "ingest " + ingest.value().size() + " returns", rows));
    return rows;
  }

  /**
   * Metrics twice (first and warm), the attainment query alone in Spark, the same query in DuckDB
   * twice, then the packs when a folder is given.
   */
  private void report(
      String label, Cluster cluster, Warehouse warehouse, long rows, Optional<Path> packs) {
    List<Figure> figures = compareWithDuckDb(label, warehouse, rows);
    if (packs.isPresent()) {
      clear(packs.get());
      StageClock.Timed<Integer> written =
          StageClock.time(
              () ->
                  PackWriter.writeAll(
                          cluster, figures, ReportRun.provenance(warehouse), packs.get())
                      .files()
                      .size());
      record(written.measure(label, "packs (" + written.value() + " files)", rows));
    }
  }

  /**
   * DuckDB's attainment query over {@code files} twice, first and warm, both recorded.
   *
   * @return the warm run, whose counts are checked against the figures
   */
  private StageClock.Timed<Map<String, long[]>> duckDbFirstAndWarm(
      String label, String[] files, long rows) {
    StageClock.Timed<Map<String, long[]>> first =
        StageClock.time(() -> DuckDbMetrics.compute(files));
    record(first.measure(label, "metrics query, DuckDB (first)", rows));
    StageClock.Timed<Map<String, long[]>> warm =
        StageClock.time(() -> DuckDbMetrics.compute(files));
    record(warm.measure(label, "metrics query, DuckDB (warm)", rows));
    return warm;
  }

  /**
   * Metrics twice (first and warm), the attainment query alone in Spark, the same query in DuckDB
   * twice, side by side, and DuckDB's counts checked against every percentage figure.
   *
   * @return the warm run's figures
   */
  private List<Figure> compareWithDuckDb(String label, Warehouse warehouse, long rows) {
    StageClock.Timed<List<Figure>> first =
        StageClock.time(() -> AttainmentMetrics.compute(warehouse.assessments()));
    record(first.measure(label, "metrics (first in process)", rows));
    StageClock.Timed<List<Figure>> warm =
        StageClock.time(() -> AttainmentMetrics.compute(warehouse.assessments()));
    record(warm.measure(label, "metrics (warm)", rows));
    Dataset<Row> rowsNow = warehouse.assessments();
    rowsNow.createOrReplaceTempView(AttainmentMetrics.VIEW);
    StageClock.Timed<Integer> query =
        StageClock.time(
            () -> rowsNow.sparkSession().sql(AttainmentMetrics.query()).collectAsList().size());
    record(query.measure(label, "metrics query alone, Spark (warm)", rows));
    StageClock.Timed<Map<String, long[]>> duckWarm =
        duckDbFirstAndWarm(label, rowsNow.inputFiles(), rows);
    StageMeasure duckMeasure = duckWarm.measure(label, "metrics query, DuckDB (warm)", rows);
    int[] agreement = compare(warm.value(), duckWarm.value());
    comparisons.add(
        new Comparison(
            label,
            warm.measure(label, "metrics (warm)", rows),
            query.measure(label, "metrics query alone", rows),
            duckMeasure,
            agreement[0],
            agreement[1]));
    progress.printf(
        "  %s: DuckDB agrees on %d of %d percentage figures%n",
        label, agreement[0] - agreement[1], agreement[0]);
    return warm.value();
  }

  /** Counts the percentage figures, and those whose counts DuckDB does not match. */
  private static int[] compare(List<Figure> figures, Map<String, long[]> duckDb) {
    int compared = 0;
    int disagreements = 0;
    for (Figure f : figures) {
      boolean level4 = f.measure().equals(Measures.PCT_LEVEL4_PLUS);
      if (!level4 && !f.measure().equals(Measures.PCT_LEVEL5_PLUS)) {
        continue;
      }
      compared++;
      long[] counts =
          duckDb.get(
              DuckDbMetrics.key(
                  f.assessment(),
                  f.subject(),
                  f.school(),
                  f.group(),
                  f.groupValue(),
                  f.academicYear(),
                  f.term()));
      if (counts == null
          || counts[0] != f.denominator()
          || counts[level4 ? 1 : 2] != Math.round(f.numerator())) {
        disagreements++;
      }
    }
    return new int[] {compared, disagreements};
  }

  private void record(StageMeasure measure) {
    stages.add(measure);
    progress.printf(
        "  %s, %s: %.1f s (CPU %.1f s), %,d rows, %,.0f rows/s, peak heap %,d MB%n",
        measure.size(),
        measure.stage(),
        measure.seconds(),
        measure.cpuSeconds(),
        measure.rows(),
        measure.rowsPerSecond(),
        measure.peakHeapMb());
    progress.flush();
  }

  private Warehouse freshWarehouse(String name) {
    Path folder = work.resolve(name).resolve("warehouse");
    clear(folder);
    return new Warehouse(EngineSpark.session(), folder.toString());
  }

  private static Cluster readCluster(Path folder) {
    try {
      return ClusterFolder.read(folder);
    } catch (ClusterFolder.InvalidClusterException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static void clear(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not clear " + dir + " for a fresh benchmark", e);
    }
  }
}
