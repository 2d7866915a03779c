package org.clusterlens.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Times a stage and records the heap it needed at its peak. */
final class StageClock {

  /**
   * A stage's result with what it cost.
   *
   * @param value what the stage returned
   * @param seconds wall time
   * @param cpuSeconds CPU time of the whole process meanwhile
   * @param peakHeapMb the most heap in use during the stage
   * @param peakResidentMb the process's peak resident memory after it, or -1
   */
  record Timed<T>(
      T value, double seconds, double cpuSeconds, long peakHeapMb, long peakResidentMb) {

    StageMeasure measure(String size, String stage, long rows) {
      return new StageMeasure(size, stage, rows, seconds, cpuSeconds, peakHeapMb, peakResidentMb);
    }
  }

  private StageClock() {}

  /** Runs the stage after a garbage collection, so the peak is the stage's own. */
  static <T> Timed<T> time(Supplier<T> stage) {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    T value = stage.get();
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    return new Timed<>(value, seconds, cpuSeconds, peakHeap / (1024 * 1024), residentPeakMb());
  }

  /** The process's CPU time, all threads, or 0 where the JVM does not say. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static long residentPeakMb() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("VmHWM:"))
          .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024)
          .findFirst()
          .orElse(-1);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
