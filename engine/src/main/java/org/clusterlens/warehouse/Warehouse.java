package org.clusterlens.warehouse;

import io.delta.tables.DeltaTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
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
          .add("date_of_birth", DataTypes.DateType, false)
          .add("gender", DataTypes.StringType, false)
          .add("year_group", DataTypes.IntegerType, false)
          .add("fsm", DataTypes.BooleanType, false)
          .add("disadvantaged", DataTypes.BooleanType, false)
          .add("sen", DataTypes.StringType, false)
          .add("eal", DataTypes.BooleanType, false)
          .add("assessment", DataTypes.StringType, false)
          .add("subject", DataTypes.StringType, false)
          .add("grade", DataTypes.StringType, true)
          .add("points", DataTypes.DoubleType, true)
          .add("level", DataTypes.IntegerType, true)
          .add("source_file", DataTypes.StringType, false)
          .add("source_sha256", DataTypes.StringType, false)
          .add("stored_at", DataTypes.TimestampType, false);

  private final SparkSession spark;
  private final String tablePath;

  /**
   * @param spark the session to read and write with
   * @param root the warehouse's folder or Hadoop-compatible URI (e.g. {@code warehouse/} or {@code
   *     hdfs://…/clusterlens})
   */
  public Warehouse(SparkSession spark, String root) {
    this.spark = spark;
    this.tablePath = root.endsWith("/") ? root + ASSESSMENTS_TABLE : root + "/" + ASSESSMENTS_TABLE;
  }

  /** Tells whether anything has been stored yet. */
  public boolean isEmpty() {
    return !DeltaTable.isDeltaTable(spark, tablePath);
  }

  /**
   * Stores an accepted return, replacing the school's term atomically. Handing in the identical
   * file again changes nothing.
   */
  public StoreOutcome store(TermlyReturn accepted) {
    String where =
        "school_urn = '"
            + sqlString(accepted.schoolUrn())
            + "' AND term_id = '"
            + sqlString(accepted.term().id())
            + "'";
    boolean tableExists = !isEmpty();
    List<String> held = tableExists ? checksumsHeld(where) : List.of();
    if (held.equals(List.of(accepted.sha256()))) {
      return new StoreOutcome(StoreOutcome.Action.UNCHANGED, currentVersionOf(accepted));
    }
    Instant storedAt = Instant.now();
    String metadata = CommitNote.of(accepted, storedAt).text();
    Dataset<Row> rows = spark.createDataFrame(rowsOf(accepted, storedAt), SCHEMA);
    var writer =
        rows.write().format("delta").option("userMetadata", metadata).partitionBy("term_id");
    if (tableExists) {
      writer.mode(SaveMode.Overwrite).option("replaceWhere", where).save(tablePath);
    } else {
      writer.mode(SaveMode.Append).save(tablePath);
    }
    return new StoreOutcome(
        held.isEmpty() ? StoreOutcome.Action.ADDED : StoreOutcome.Action.REPLACED,
        versionWith(metadata));
  }

  private List<String> checksumsHeld(String where) {
    return assessments().where(where).select("source_sha256").distinct().collectAsList().stream()
        .map(r -> r.getString(0))
        .toList();
  }

  /** Every pupil row the warehouse holds now. */
  public Dataset<Row> assessments() {
    return spark.read().format("delta").load(tablePath);
  }

  /** The returns held now, one per school and term, each with the version that stored it. */
  public List<StoredReturn> currentReturns() {
    if (isEmpty()) {
      return List.of();
    }
    Map<String, Long> versions = new HashMap<>();
    for (WarehouseVersion v : history()) {
      v.note().ifPresent(n -> versions.putIfAbsent(n.key(), v.version()));
    }
    List<StoredReturn> out = new ArrayList<>();
    for (Row r :
        assessments()
            .groupBy("school_urn", "term_id", "source_file", "source_sha256", "stored_at")
            .agg(org.apache.spark.sql.functions.countDistinct("upn"))
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

  /** Every version of the warehouse, newest first. */
  public List<WarehouseVersion> history() {
    if (isEmpty()) {
      return List.of();
    }
    List<WarehouseVersion> out = new ArrayList<>();
    for (Row r :
        DeltaTable.forPath(spark, tablePath)
            .history()
            .select("version", "timestamp", "operation", "userMetadata")
            .orderBy(org.apache.spark.sql.functions.col("version").desc())
            .collectAsList()) {
      out.add(
          new WarehouseVersion(
              r.getLong(0), r.getInstant(1), r.getString(2), r.isNullAt(3) ? "" : r.getString(3)));
    }
    return out;
  }

  private long currentVersionOf(TermlyReturn held) {
    String key = CommitNote.key(held.schoolUrn(), held.term().id(), held.sha256());
    return history().stream()
        .filter(v -> v.note().map(n -> n.key().equals(key)).orElse(false))
        .mapToLong(WarehouseVersion::version)
        .findFirst()
        .orElse(-1L);
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
                String.valueOf(p.sen().code()),
                p.eal(),
                a.assessment().code(),
                a.subject().code(),
                a.grade() == null ? null : a.grade().code(),
                a.grade() == null ? null : a.grade().points(),
                a.grade() == null ? null : a.grade().level(),
                r.sourceFile(),
                r.sha256(),
                storedAt));
      }
    }
    return rows;
  }

  private static String sqlString(String value) {
    return value.replace("'", "''");
  }
}
