package org.clusterlens.warehouse;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;

/**
 * What the warehouse holds now and every version it has had, read from its Delta log and files with
 * Delta's kernel library, without Spark: a command that only lists the warehouse answers in about a
 * second. It gives the same answer as Spark's reading of the same log and files, and is how {@link
 * Warehouse#currentReturns()} and {@link Warehouse#history()} read a warehouse on the local disk.
 *
 * @param currentReturns the returns held now, one per school and term, ordered by school then term
 * @param versions every version of the warehouse whose commit file is still in its log, newest
 *     first; empty when nothing has been stored yet
 */
public record WarehouseRecord(List<StoredReturn> currentReturns, List<WarehouseVersion> versions) {

  private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");

  /** The columns of a commit file's commit line that the history shows. */
  private static final StructType COMMIT_INFO =
      new StructType()
          .add(
              "commitInfo",
              new StructType()
                  .add("timestamp", LongType.LONG)
                  .add("inCommitTimestamp", LongType.LONG)
                  .add("operation", StringType.STRING)
                  .add("userMetadata", StringType.STRING));

  /** The columns a held return is told by; the pupils are counted by their distinct UPNs. */
  private static final StructType RETURN_COLUMNS =
      new StructType()
          .add("school_urn", StringType.STRING)
          .add("term_id", StringType.STRING)
          .add("source_file", StringType.STRING)
          .add("source_sha256", StringType.STRING)
          .add("stored_at", TimestampType.TIMESTAMP)
          .add("upn", StringType.STRING);

  public WarehouseRecord {
    currentReturns = List.copyOf(currentReturns);
    versions = List.copyOf(versions);
  }

  /** Tells whether anything has been stored yet. */
  public boolean isEmpty() {
    return versions.isEmpty();
  }

  /**
   * Reads the record of the warehouse at {@code root} (a folder or Hadoop-compatible URI).
   *
   * @throws DamagedWarehouseException if a commit file of its log is cut short or corrupt, naming
   *     the file and the way back, as every other command does
   * @throws UncheckedIOException if its files cannot be read
   */
  public static WarehouseRecord read(String root) {
    return readTable(
        root.endsWith("/")
            ? root + Warehouse.ASSESSMENTS_TABLE
            : root + "/" + Warehouse.ASSESSMENTS_TABLE);
  }

  /** Reads the record of the pupil table at {@code tablePath}, as {@link #read(String)} does. */
  static WarehouseRecord readTable(String tablePath) {
    return readTable(tablePath, true);
  }

  /**
   * Reads the versions of the pupil table at {@code tablePath} from its log alone, as {@link
   * #read(String)} gives them, without reading its pupil rows.
   */
  static List<WarehouseVersion> versionsOf(String tablePath) {
    return readTable(tablePath, false).versions();
  }

  private static WarehouseRecord readTable(String tablePath, boolean withReturns) {
    WarehouseLog.check(tablePath);
    Engine engine = DefaultEngine.create(new Configuration());
    try {
      String table = engine.getFileSystemClient().resolvePath(tablePath);
      Snapshot snapshot;
      try {
        snapshot = TableManager.loadSnapshot(table).build(engine);
      } catch (TableNotFoundException e) {
        return new WarehouseRecord(List.of(), List.of());
      }
      List<WarehouseVersion> versions = versions(engine, table, snapshot.getVersion());
      return new WarehouseRecord(
          withReturns ? heldNow(engine, snapshot, versions) : List.of(), versions);
    } catch (IOException e) {
      throw new UncheckedIOException("The warehouse " + tablePath + " cannot be read", e);
    }
  }

  /**
   * Every version up to {@code latest}, newest first, as Delta's own history gives them: the time
   * of a commit is its in-commit timestamp when the table keeps one, else its file's time, made to
   * rise with the version.
   */
  private static List<WarehouseVersion> versions(Engine engine, String table, long latest)
      throws IOException {
    String log = table + "/_delta_log/";
    List<FileStatus> commits = new ArrayList<>();
    try (CloseableIterator<FileStatus> files =
        engine
            .getFileSystemClient()
            .listFrom(log + String.format(java.util.Locale.ROOT, "%020d.json", 0))) {
      while (files.hasNext()) {
        FileStatus f = files.next();
        String name = f.getPath().substring(f.getPath().lastIndexOf('/') + 1);
        if (COMMIT_FILE.matcher(name).matches() && versionOf(name) <= latest) {
          commits.add(f);
        }
      }
    }
    commits.sort(Comparator.comparing(FileStatus::getPath));
    List<WarehouseVersion> out = new ArrayList<>();
    long previous = Long.MIN_VALUE;
    for (FileStatus commit : commits) {
      long version = versionOf(commit.getPath().substring(commit.getPath().lastIndexOf('/') + 1));
      Optional<Long> inCommitTime = Optional.empty();
      String operation = null;
      String metadata = null;
      try (CloseableIterator<ColumnarBatch> batches =
          engine
              .getJsonHandler()
              .readJsonFiles(
                  io.delta.kernel.internal.util.Utils.singletonCloseableIterator(commit),
                  COMMIT_INFO,
                  Optional.empty())) {
        while (batches.hasNext()) {
          ColumnVector info = batches.next().getColumnVector(0);
          for (int i = 0; i < info.getSize(); i++) {
            if (info.isNullAt(i)) {
              continue;
            }
            ColumnVector ict = info.getChild(1);
            if (!ict.isNullAt(i)) {
              inCommitTime = Optional.of(ict.getLong(i));
            }
            operation = info.getChild(2).isNullAt(i) ? null : info.getChild(2).getString(i);
            metadata = info.getChild(3).isNullAt(i) ? null : info.getChild(3).getString(i);
          }
        }
      }
      long time = inCommitTime.orElse(commit.getModificationTime());
      if (inCommitTime.isEmpty() && time <= previous) {
        time = previous + 1;
      }
      previous = time;
      out.add(
          new WarehouseVersion(
              version, Instant.ofEpochMilli(time), operation, metadata == null ? "" : metadata));
    }
    java.util.Collections.reverse(out);
    return out;
  }

  private static long versionOf(String commitFileName) {
    return Long.parseLong(commitFileName.substring(0, 20));
  }

  /**
   * The returns the snapshot holds, each with the newest version that stored it: the pupil rows'
   * return columns read file by file, grouped by return.
   */
  private static List<StoredReturn> heldNow(
      Engine engine, Snapshot snapshot, List<WarehouseVersion> versions) throws IOException {
    Map<String, Long> storedBy = new HashMap<>();
    for (WarehouseVersion v : versions) {
      v.notes().forEach(n -> storedBy.putIfAbsent(n.key(), v.version()));
    }
    Map<List<Object>, Set<String>> upnsByReturn = new LinkedHashMap<>();
    Scan scan = snapshot.getScanBuilder().withReadSchema(RETURN_COLUMNS).build();
    Row scanState = scan.getScanState(engine);
    StructType physical = ScanStateRow.getPhysicalDataReadSchema(scanState);
    try (CloseableIterator<FilteredColumnarBatch> scanFiles = scan.getScanFiles(engine)) {
      while (scanFiles.hasNext()) {
        try (CloseableIterator<Row> files = scanFiles.next().getRows()) {
          while (files.hasNext()) {
            Row file = files.next();
            FileStatus status = InternalScanFileUtils.getAddFileStatus(file);
            CloseableIterator<ColumnarBatch> data =
                engine
                    .getParquetHandler()
                    .readParquetFiles(
                        io.delta.kernel.internal.util.Utils.singletonCloseableIterator(status),
                        physical,
                        Optional.empty())
                    .map(FileReadResult::getData);
            try (CloseableIterator<FilteredColumnarBatch> rows =
                Scan.transformPhysicalData(engine, scanState, file, data)) {
              while (rows.hasNext()) {
                collect(rows.next(), upnsByReturn);
              }
            }
          }
        }
      }
    }
    List<StoredReturn> out = new ArrayList<>();
    upnsByReturn.forEach(
        (key, upns) -> {
          String school = (String) key.get(0);
          String term = (String) key.get(1);
          String sha256 = (String) key.get(3);
          out.add(
              new StoredReturn(
                  school,
                  term,
                  (String) key.get(2),
                  sha256,
                  upns.size(),
                  (Instant) key.get(4),
                  storedBy.getOrDefault(CommitNote.key(school, term, sha256), -1L)));
        });
    out.sort(
        Comparator.comparing(StoredReturn::schoolUrn)
            .thenComparing(StoredReturn::termId)
            .thenComparing(StoredReturn::storedAt)
            .thenComparing(StoredReturn::sha256));
    return out;
  }

  private static void collect(FilteredColumnarBatch batch, Map<List<Object>, Set<String>> into) {
    ColumnarBatch data = batch.getData();
    Optional<ColumnVector> selected = batch.getSelectionVector();
    ColumnVector school = data.getColumnVector(0);
    ColumnVector term = data.getColumnVector(1);
    ColumnVector file = data.getColumnVector(2);
    ColumnVector sha256 = data.getColumnVector(3);
    ColumnVector storedAt = data.getColumnVector(4);
    ColumnVector upn = data.getColumnVector(5);
    for (int i = 0; i < data.getSize(); i++) {
      if (selected.isPresent() && (selected.get().isNullAt(i) || !selected.get().getBoolean(i))) {
        continue;
      }
      List<Object> key =
          List.of(
              school.getString(i),
              term.getString(i),
              file.getString(i),
              sha256.getString(i),
              Instant.EPOCH.plus(storedAt.getLong(i), ChronoUnit.MICROS));
      into.computeIfAbsent(key, k -> new HashSet<>()).add(upn.getString(i));
    }
  }
}
