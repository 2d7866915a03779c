package org.clusterlens.bench;

/**
 * What one stage of one benchmark run cost.
 *
 * @param size the dataset, e.g. "cluster (8 schools)"; never null
 * @param stage the stage, e.g. "ingest"; never null
 * @param rows the pupil rows (one per pupil, term, assessment and subject) the stage handled
 * @param seconds wall time
 * @param cpuSeconds CPU time the whole process used meanwhile, every thread (Spark's included)
 * @param peakHeapMb the most Java heap in use during the stage, in MB
 * @param peakResidentMb the process's peak resident memory so far (Linux VmHWM), in MB, or -1
 */
public record StageMeasure(
    String size,
    String stage,
    long rows,
    double seconds,
    double cpuSeconds,
    long peakHeapMb,
    long peakResidentMb) {

  /** Rows handled per second of wall time. */
  public double rowsPerSecond() {
    return seconds > 0 ? rows / seconds : 0;
  }
}
