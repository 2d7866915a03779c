package org.clusterlens.warehouse;

import io.delta.tables.DeltaTable;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusterlens.model.Pupil;
import org.clusterlens.model.PupilAssessment;
import org.clusterlens.model.TermlyReturn;

/**
 * The Delta table of every pupil's grades, one row per pupil, term, assessment and subject, with
 * the pupil's characteristics beside each row so that one commit holds a school's whole term.
 *
 * <p>Storing a return replaces that school's term in a single Delta commit ({@code replaceWhere}),
 * so readers see either the old return or the new one, never a mixture, and a process killed
 * mid-write leaves the last committed state. Pupil names are never stored.
 */
public final class Warehouse {

  /** The table's folder under the warehouse root. */
  public static final String ASSESSMENTS_TABLE = "pupil_assessments";

  /** The table's columns; figures are computed from these alone. */
  public static final StructType SCHEMA =
      new StructType()
          .add("school_urn", DataTypes.StringType, false)
          .add("academic_year", DataTypes.StringType, false)
          .add("term", DataTypes.StringType, false)
          .add("term_id", DataTypes.StringType, false)
          .add("upn", DataTypes.StringType, false)
          // A pupil's characteristics are null where the return does not give them: not known.
          .add("date_of_birth", DataTypes.DateType, true)
          .add("gender", DataTypes.StringType, true)
          .add("year_group", DataTypes.IntegerType, false)
          .add("fsm", DataTypes.BooleanType, true)
          .add("disadvantaged", DataTypes.BooleanType, true)
          .add("sen", DataTypes.StringType, true)
          .add("eal", DataTypes.BooleanType, true)
          .add("assessment", DataTypes.StringType, false)
          .add("subject", DataTypes.StringType, false)
          .add("grade", DataTypes.StringType, true)
          .add("points", DataTypes.DoubleType, true)
          .add("level", DataTypes.IntegerType, true)
          .add("source_file", DataTypes.StringType, false)
          .add("source_sha256", DataTypes.StringType, false)
          .add("stored_at", DataTypes.TimestampType, false)
          // Added after the first warehouses were written: nullable, and last, so that Delta's
          // schema evolution adds them to an older table on its next write.
          .add("ethnicity", DataTypes.StringType, true)
          .add("date_joined", DataTypes.DateType, true)
          .add("looked_after", DataTypes.BooleanType, true)
          // The assessment scheme the grade was read in, and how many of its two thresholds it
          // reaches (null when not counted). Rows written before schemes were chosen have neither:
          // readers take them as National Curriculum levels (see metrics.SchemeColumns).
          .add("scheme", DataTypes.StringType, true)
          .add("standard", DataTypes.IntegerType, true);

  /**
   * The pupil characteristics a return may leave not known. A table made with these columns NOT
   * NULL (by an earlier schema, or by hand) has the constraint dropped before its next write.
   */
  static final List<String> NOT_KNOWN_ALLOWED =
      List.of("date_of_birth", "gender", "fsm", "disadvantaged", "sen", "eal");

  private static final int ROWS_PER_SLICE = 5_000;

  /** Returns noted in one commit of generated data (each note is about 150 characters). */
  private static final int NOTES_PER_COMMIT = 5_000;

  private final SparkSession spark;
  private final String tablePath;
  private volatile boolean logChecked;
  private volatile boolean notKnownAllowed;

  /**
   * @param spark the session to read and write with
   * @param root the warehouse's folder or Hadoop-compatible URI (e.g. {@code warehouse/} or {@code
   *     hdfs://…/clusterlens})
   */
  public Warehouse(SparkSession spark, String root) {
    this.spark = spark;
    this.tablePath = root.endsWith("/") ? root + ASSESSMENTS_TABLE : root + "/" + ASSESSMENTS_TABLE;
  }

  /**
   * Checks the log of the warehouse at {@code root} can be read, without Spark: a command calls it
   * before starting a session, so a damaged warehouse is named at once.
   *
   * @throws DamagedWarehouseException naming the damaged log file and the way back
   */
  public static void checkLog(String root) {
    WarehouseLog.check(
        root.endsWith("/") ? root + ASSESSMENTS_TABLE : root + "/" + ASSESSMENTS_TABLE);
  }

  /**
   * Tells whether anything has been stored yet.
   *
   * @throws DamagedWarehouseException if a file of the warehouse's log is damaged (checked once)
   */
  public boolean isEmpty() {
    if (!logChecked) {
      WarehouseLog.check(tablePath);
      logChecked = true;
    }
    return !DeltaTable.isDeltaTable(spark, tablePath);
  }

  /**
   * Stores an accepted return, replacing the school's term atomically. Handing in the identical
   * file again changes nothing.
   */
  public StoreOutcome store(TermlyReturn accepted) {
    return storeAll(List.of(accepted)).get(0);
  }

  /**
   * Stores accepted returns in one commit, each replacing its school's term: readers see all of
   * them or none. Returns identical to what is held already are left out and reported unchanged.
   *
   * @param accepted returns for distinct school terms
   * @return one outcome per return, in the same order
   * @throws IllegalArgumentException if two returns are for the same school and term
   */
  public List<StoreOutcome> storeAll(List<TermlyReturn> accepted) {
    Set<String> schoolTerms = new HashSet<>();
    for (TermlyReturn r : accepted) {
      if (!schoolTerms.add(schoolTerm(r.schoolUrn(), r.term().id()))) {
        throw new IllegalArgumentException(
            "Two returns for school " + r.schoolUrn() + " in " + r.term().id() + " in one commit");
      }
    }
    Map<String, String> held = checksumsHeld();
    List<TermlyReturn> changed =
        accepted.stream()
            .filter(r -> !r.sha256().equals(held.get(schoolTerm(r.schoolUrn(), r.term().id()))))
            .toList();
    long version = changed.isEmpty() ? -1 : write(changed);
    Map<String, Long> storedBy = changed.size() < accepted.size() ? versionsByReturn() : Map.of();
    List<StoreOutcome> outcomes = new ArrayList<>();
    for (TermlyReturn r : accepted) {
      String before = held.get(schoolTerm(r.schoolUrn(), r.term().id()));
      if (r.sha256().equals(before)) {
        String key = CommitNote.key(r.schoolUrn(), r.term().id(), r.sha256());
        long heldIn = storedBy.getOrDefault(key, -1L);
        outcomes.add(new StoreOutcome(StoreOutcome.Action.UNCHANGED, heldIn));
      } else {
        outcomes.add(
            new StoreOutcome(
                before == null ? StoreOutcome.Action.ADDED : StoreOutcome.Action.REPLACED,
                version));
      }
    }
    return outcomes;
  }

  /** Writes the returns in one Delta commit and gives its version. */
  private long write(List<TermlyReturn> returns) {
    return committing(() -> writeOnce(returns));
  }

  /** Commits tried before a run gives up on a warehouse another run keeps committing to. */
  static final int COMMIT_ATTEMPTS = 6;

  /**
   * Makes a commit, trying again when another run (a second ingest, a restore) committed to the
   * warehouse between this one's read and its write: Delta then refuses the commit whole, so trying
   * again is safe. Waits a little longer each time, with some randomness so two runs do not collide
   * again in step.
   *
   * <p>A try that fails leaves no file behind: the data files it wrote before its commit failed are
   * removed (see {@link UncommittedFiles}), so the warehouse's folder is as it was.
   *
   * @throws IllegalStateException in a sentence, once {@value #COMMIT_ATTEMPTS} tries have collided
   */
  <T> T committing(java.util.function.Supplier<T> commit) {
    for (int attempt = 1; ; attempt++) {
      try {
        return UncommittedFiles.removedOnFailure(tablePath, commit);
      } catch (RuntimeException e) {
        if (!isConcurrentCommit(e)) {
          throw e;
        }
        if (attempt == COMMIT_ATTEMPTS) {
          throw new IllegalStateException(
              "Another run was committing to the warehouse "
                  + tablePath
                  + " at the same time, "
                  + COMMIT_ATTEMPTS
                  + " times running, so nothing of this run was stored; run it again once the"
                  + " other has finished",
              e);
        }
        long wait =
            (100L << attempt) + java.util.concurrent.ThreadLocalRandom.current().nextLong(200);
        try {
          Thread.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Delta's refusal of a commit because another was made since this one read the table. */
  private static boolean isConcurrentCommit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof io.delta.exceptions.DeltaConcurrentModificationException) {
        return true;
      }
    }
    return false;
  }

  private long writeOnce(List<TermlyReturn> returns) {
    allowNotKnown();
    Instant storedAt = Instant.now();
    String metadata =
        CommitNote.metadataOf(returns.stream().map(r -> CommitNote.of(r, storedAt)).toList());
    List<Row> rows = new ArrayList<>();
    returns.forEach(r -> rows.addAll(rowsOf(r, storedAt)));
    DataFrameWriter<Row> writer = deltaWrite(rows, metadata).partitionBy("term_id");
    boolean first = isEmpty();
    withoutFileStatistics(
        () -> {
          if (first) {
            writer.mode(SaveMode.Append).save(tablePath);
          } else {
            writer
                .mode(SaveMode.Overwrite)
                .option("replaceWhere", replaced(returns))
                .save(tablePath);
          }
        });
    return versionWith(metadata);
  }

  /**
   * A Delta write of {@code rows} whose commit carries {@code metadata} (the returns it stores), a
   * column added since the table was made joining its schema.
   */
  private DataFrameWriter<Row> deltaWrite(List<Row> rows, String metadata) {
    return spark
        .createDataFrame(distributed(rows), SCHEMA)
        .write()
        .format("delta")
        .option("userMetadata", metadata)
        .option("mergeSchema", "true");
  }

  /** Delta's session setting for per-file column statistics. */
  private static final String COLLECT_STATS = "spark.databricks.delta.stats.collect";

  /**
   * Writes without Delta's per-file statistics (row counts, each column's least and greatest value
   * and nulls, kept in the log for skipping files on a filter). The figures read every row, and a
   * return's replacement finds its rows by school and term joined, which they cannot skip on; only
   * a restore of one school's term could skip that term's files holding other schools, and reads
   * them instead. Collecting them was about a third of the write's executor time (a projection of
   * every row and a tracker per task). The session's own setting is put back afterwards.
   */
  private void withoutFileStatistics(Runnable write) {
    String before = spark.conf().get(COLLECT_STATS, null);
    spark.conf().set(COLLECT_STATS, "false");
    try {
      write.run();
    } finally {
      if (before == null) {
        spark.conf().unset(COLLECT_STATS);
      } else {
        spark.conf().set(COLLECT_STATS, before);
      }
    }
  }

  /**
   * Drops NOT NULL from each characteristic column ({@link #NOT_KNOWN_ALLOWED}) of a table that has
   * it, so a return whose pupils' characteristics are not known can be stored in a warehouse made
   * before they could be; checked once per warehouse opened. Each change is a commit of its own,
   * made before the return's, and leaves every row as it was.
   */
  private void allowNotKnown() {
    if (notKnownAllowed || isEmpty()) {
      return;
    }
    StructType held = DeltaTable.forPath(spark, tablePath).toDF().schema();
    for (String column : NOT_KNOWN_ALLOWED) {
      if (java.util.Arrays.asList(held.fieldNames()).contains(column)
          && !held.apply(column).nullable()) {
        spark.sql(
            "ALTER TABLE delta.`"
                + tablePath.replace("`", "``")
                + "` ALTER COLUMN "
                + column
                + " DROP NOT NULL");
      }
    }
    notKnownAllowed = true;
  }

  /**
   * Makes the returns of one numbered source, such as one generated school, on whichever Spark
   * executor asks; it must give the same returns every time it is asked.
   */
  @FunctionalInterface
  public interface ReturnSource extends Serializable {
    /** The returns of source {@code index}; never null. */
    List<TermlyReturn> returnsOf(int index);
  }

  /**
   * Fills an empty warehouse with the returns of sources 0 to {@code sources - 1}, made and turned
   * into rows on Spark's executors, so no row passes through this process: for loading generated
   * data of local-authority or national size. The pupil rows in one commit, then commits that
   * change no rows and record which returns are held, {@value #NOTES_PER_COMMIT} a commit ({@link
   * #storeAll} records them with the rows).
   *
   * @return the version that records the last of the returns
   * @throws IllegalStateException if the warehouse already holds returns
   */
  public long loadGenerated(int sources, ReturnSource source) {
    if (!isEmpty()) {
      throw new IllegalStateException(
          "The warehouse "
              + tablePath
              + " already holds returns; load generated data into a new one");
    }
    Instant storedAt = Instant.now();
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // About 100 schools' rows (some 400,000) per task, and at least one task per core.
    int slices = Math.max(context.defaultParallelism(), (sources + 99) / 100);
    JavaRDD<Row> rows =
        context
            .parallelize(IntStream.range(0, sources).boxed().toList(), slices)
            .flatMap(i -> source.returnsOf(i).iterator())
            .flatMap(r -> rowsOf(r, storedAt).iterator());
    spark
        .createDataFrame(rows, SCHEMA)
        .write()
        .format("delta")
        .option("userMetadata", "Generated returns from " + sources + " sources")
        .partitionBy("term_id")
        .mode(SaveMode.Append)
        .save(tablePath);
    List<CommitNote> notes = new ArrayList<>();
    for (Row r :
        assessments()
            .select("school_urn", "term_id", "source_sha256", "source_file")
            .distinct()
            .orderBy("school_urn", "term_id")
            .collectAsList()) {
      notes.add(
          new CommitNote(
              r.getString(0), r.getString(1), r.getString(2), storedAt.toString(), r.getString(3)));
    }
    // Delta commits nothing for an empty append: a table property gives the notes their commits.
    // A country's notes in one commit would be a line of over 20 MB in the Delta log, more than
    // its JSON reader takes, and the table could not be read again: so a few thousand a commit.
    int parts = (notes.size() + NOTES_PER_COMMIT - 1) / NOTES_PER_COMMIT;
    String metadata = "";
    for (int part = 0; part < parts; part++) {
      metadata =
          CommitNote.metadataOf(
              notes.subList(
                  part * NOTES_PER_COMMIT, Math.min(notes.size(), (part + 1) * NOTES_PER_COMMIT)));
      String userMetadata = "spark.databricks.delta.commitInfo.userMetadata";
      spark.conf().set(userMetadata, metadata);
      try {
        spark.sql(
            "ALTER TABLE delta.`"
                + tablePath.replace("`", "``")
                + "` SET TBLPROPERTIES ('clusterlens.loaded' = "
                + sqlLiteral("generated returns, part " + (part + 1) + " of " + parts)
                + ")");
      } finally {
        spark.conf().unset(userMetadata);
      }
    }
    return versionWith(metadata);
  }

  /**
   * Spreads rows built in the driver over slices of about {@value #ROWS_PER_SLICE}, so no single
   * task carries a whole batch of returns (Spark warns above about 1 MB a task).
   */
  private JavaRDD<Row> distributed(List<Row> rows) {
    int slices = Math.max(1, (rows.size() + ROWS_PER_SLICE - 1) / ROWS_PER_SLICE);
    return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, slices);
  }

  /**
   * The rows a commit replaces: the returns' school terms exactly, with the terms listed on their
   * own too so that Delta reads only those partitions.
   */
  private static String replaced(List<TermlyReturn> returns) {
    String terms =
        returns.stream()
            .map(r -> sqlLiteral(r.term().id()))
            .distinct()
            .collect(Collectors.joining(", "));
    String pairs =
        returns.stream()
            .map(r -> sqlLiteral(schoolTerm(r.schoolUrn(), r.term().id())))
            .collect(Collectors.joining(", "));
    return "term_id IN (" + terms + ") AND concat(school_urn, '/', term_id) IN (" + pairs + ")";
  }

  /** The checksum of the return held for each school term, keyed as {@code urn/term}. */
  private Map<String, String> checksumsHeld() {
    Map<String, String> held = new HashMap<>();
    if (isEmpty()) {
      return held;
    }
    for (Row r :
        assessments().select("school_urn", "term_id", "source_sha256").distinct().collectAsList()) {
      held.put(schoolTerm(r.getString(0), r.getString(1)), r.getString(2));
    }
    return held;
  }

  private static String schoolTerm(String urn, String termId) {
    return urn + "/" + termId;
  }

  /**
   * Brings back a school's term as it was at an earlier version, in one new commit; the versions in
   * between stay in the history, so the restore can itself be undone.
   *
   * @return the new version
   * @throws IllegalArgumentException if the version does not exist or held no return for that
   *     school and term
   */
  public long restoreSchoolTerm(String schoolUrn, String termId, long version) {
    requireVersion(version);
    String where = "term_id = " + sqlLiteral(termId) + " AND school_urn = " + sqlLiteral(schoolUrn);
    Dataset<Row> earlier = assessmentsAsOf(version).where(where);
    List<Row> returns =
        earlier.select("source_file", "source_sha256", "stored_at").distinct().collectAsList();
    if (returns.size() != 1) {
      throw new IllegalArgumentException(
          "Version " + version + " held no return for school " + schoolUrn + " in " + termId);
    }
    Row held = returns.get(0);
    String metadata =
        new CommitNote(
                schoolUrn,
                termId,
                held.getString(1),
                held.getInstant(2).toString(),
                held.getString(0))
            .text();
    // Collected first: Delta will not overwrite a table while reading the same table lazily.
    List<Row> rows = earlier.collectAsList();
    return committing(
        () -> {
          withoutFileStatistics(
              () ->
                  deltaWrite(rows, metadata)
                      .mode(SaveMode.Overwrite)
                      .option("replaceWhere", where)
                      .save(tablePath));
          return versionWith(metadata);
        });
  }

  /**
   * Brings the whole warehouse back to an earlier version, in one new commit.
   *
   * @return the new version
   * @throws IllegalArgumentException if the version does not exist
   */
  public long restoreAll(long version) {
    requireVersion(version);
    committing(() -> DeltaTable.forPath(spark, tablePath).restoreToVersion(version));
    return history().get(0).version();
  }

  private void requireVersion(long version) {
    long latest = isEmpty() ? -1 : history().get(0).version();
    if (version < 0 || version > latest) {
      throw new IllegalArgumentException(
          "The warehouse has versions 0 to " + latest + "; there is no version " + version);
    }
  }

  /**
   * Every pupil row the warehouse holds now, with every column of {@link #SCHEMA}: a table written
   * before a column was added reads it as null.
   */
  public Dataset<Row> assessments() {
    return withCurrentColumns(spark.read().format("delta").load(tablePath));
  }

  /**
   * Every pupil row the warehouse held at {@code version}, as {@link #assessments()} reads them: a
   * run that names its version reads exactly that version, whatever is committed meanwhile.
   */
  public Dataset<Row> assessmentsAsOf(long version) {
    return withCurrentColumns(
        spark.read().format("delta").option("versionAsOf", version).load(tablePath));
  }

  /** The rows in {@link #SCHEMA}'s column order, a column the table lacks read as null. */
  private static Dataset<Row> withCurrentColumns(Dataset<Row> held) {
    Set<String> present = Set.of(held.columns());
    return held.select(
        java.util.Arrays.stream(SCHEMA.fields())
            .map(
                f ->
                    present.contains(f.name())
                        ? functions.col(f.name())
                        : functions.lit(null).cast(f.dataType()).as(f.name()))
            .toArray(Column[]::new));
  }

  /**
   * The returns held now, one per school and term, each with the version that stored it. A
   * warehouse on the local disk is read without Spark ({@link WarehouseRecord}: its log and the
   * pupil rows' return columns), which at a cluster's size costs a fraction of a Spark aggregation
   * query's planning and code generation; the same answer either way.
   */
  public List<StoredReturn> currentReturns() {
    if (WarehouseLog.localTable(tablePath).isPresent()) {
      return WarehouseRecord.readTable(tablePath).currentReturns();
    }
    return currentReturnsThroughSpark();
  }

  /** {@link #currentReturns()} read through Spark, as a warehouse on a cluster's file system is. */
  List<StoredReturn> currentReturnsThroughSpark() {
    if (isEmpty()) {
      return List.of();
    }
    Map<String, Long> versions = versionsByReturn();
    List<StoredReturn> out = new ArrayList<>();
    for (Row r :
        assessments()
            .groupBy("school_urn", "term_id", "source_file", "source_sha256", "stored_at")
            .agg(functions.countDistinct("upn"))
            .orderBy("school_urn", "term_id")
            .collectAsList()) {
      Instant storedAt = r.getInstant(4);
      String key = CommitNote.key(r.getString(0), r.getString(1), r.getString(3));
      out.add(
          new StoredReturn(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              r.getString(3),
              r.getLong(5),
              storedAt,
              versions.getOrDefault(key, -1L)));
    }
    return out;
  }

  /**
   * The newest version of the warehouse.
   *
   * @throws IllegalStateException if it holds no returns
   */
  public long currentVersion() {
    if (isEmpty()) {
      throw new IllegalStateException("The warehouse " + tablePath + " holds no returns yet");
    }
    return DeltaTable.forPath(spark, tablePath).history(1).select("version").first().getLong(0);
  }

  /**
   * Every version of the warehouse, newest first. A warehouse on the local disk has its log read
   * without Spark ({@link WarehouseRecord}); the same answer either way.
   */
  public List<WarehouseVersion> history() {
    if (WarehouseLog.localTable(tablePath).isPresent()) {
      return WarehouseRecord.versionsOf(tablePath);
    }
    return historyThroughSpark();
  }

  /** {@link #history()} read through Spark, as a warehouse on a cluster's file system is. */
  List<WarehouseVersion> historyThroughSpark() {
    if (isEmpty()) {
      return List.of();
    }
    List<WarehouseVersion> out = new ArrayList<>();
    for (Row r :
        DeltaTable.forPath(spark, tablePath)
            .history()
            .select("version", "timestamp", "operation", "userMetadata")
            .orderBy(functions.col("version").desc())
            .collectAsList()) {
      out.add(
          new WarehouseVersion(
              r.getLong(0), r.getInstant(1), r.getString(2), r.isNullAt(3) ? "" : r.getString(3)));
    }
    return out;
  }

  /**
   * For each return ever stored (keyed as {@link CommitNote#key()}), the newest version that stored
   * it: one read of the history, however many returns are looked up.
   */
  private Map<String, Long> versionsByReturn() {
    Map<String, Long> versions = new HashMap<>();
    for (WarehouseVersion v : history()) {
      v.notes().forEach(n -> versions.putIfAbsent(n.key(), v.version()));
    }
    return versions;
  }

  private long versionWith(String metadata) {
    return history().stream()
        .filter(v -> v.userMetadata().equals(metadata))
        .mapToLong(WarehouseVersion::version)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("The commit just made is not in the history"));
  }

  private static List<Row> rowsOf(TermlyReturn r, Instant storedAt) {
    List<Row> rows = new ArrayList<>();
    for (Pupil p : r.pupils()) {
      for (PupilAssessment a : p.assessments()) {
        rows.add(
            RowFactory.create(
                r.schoolUrn(),
                r.term().academicYear(),
                r.term().season().word(),
                r.term().id(),
                p.upn(),
                p.dateOfBirth(),
                p.gender(),
                p.yearGroup(),
                p.fsm(),
                p.disadvantaged(),
                p.sen() == null ? null : String.valueOf(p.sen().code()),
                p.eal(),
                a.assessment().code(),
                a.subject().code(),
                a.grade() == null ? null : a.grade().code(),
                a.grade() == null ? null : a.grade().points(),
                a.grade() == null ? null : a.grade().level(),
                r.sourceFile(),
                r.sha256(),
                storedAt,
                p.ethnicity() == null ? null : p.ethnicity().name(),
                p.dateJoined(),
                p.lookedAfter(),
                a.scheme(),
                a.grade() == null ? null : a.grade().standard()));
      }
    }
    return rows;
  }

  private static String sqlLiteral(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
