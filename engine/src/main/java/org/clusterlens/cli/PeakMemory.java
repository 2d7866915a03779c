package org.clusterlens.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The process's peak memory, for the figures the demo prints. */
final class PeakMemory {

  private PeakMemory() {}

  /**
   * Describes the peak resident memory of this process (Linux's VmHWM), or the heap in use where
   * the operating system does not say.
   */
  static String describe() {
    return residentPeakKb()
        .map(kb -> kb / 1024 + " MB resident (peak)")
        .orElseGet(
            () ->
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024)
                    + " MB heap in use");
  }

  private static Optional<Long> residentPeakKb() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("VmHWM:"))
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
