package org.clusterlens.pipeline;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clusterlens.warehouse.DamagedWarehouseException;

/**
 * Names the cause of a failure in one sentence a user can act on: a full disk, a folder that cannot
 * be written, a damaged warehouse log. Spark and Delta wrap the cause many layers deep, and their
 * own top message (a job aborted, a stage failed) says nothing of it.
 */
public final class FaultCause {

  private FaultCause() {}

  /**
   * One sentence for {@code failure}: its cause when that is one a user can act on, else the first
   * message in its chain. Never null.
   */
  public static String describe(Throwable failure) {
    List<Throwable> chain = chain(failure);
    for (Throwable t : chain) {
      if (t instanceof DamagedWarehouseException) {
        return t.getMessage();
      }
    }
    Optional<String> context = context(chain);
    // The deepest mention is the one that knows the file; wrappers repeat its text.
    for (int i = chain.size() - 1; i >= 0; i--) {
      Throwable t = chain.get(i);
      String message = t.getMessage() == null ? "" : t.getMessage();
      if (message.toLowerCase(Locale.ROOT).contains("no space left on device")) {
        String where =
            t instanceof FileSystemException fs && fs.getFile() != null
                ? " holding " + fs.getFile()
                : "";
        return context.map(c -> c + ": ").orElse("")
            + "the disk"
            + where
            + " is full (no space left on device); free some space and run it again";
      }
    }
    for (Throwable t : chain) {
      if (t instanceof AccessDeniedException denied) {
        return context.map(c -> c + ": ").orElse("")
            + denied.getFile()
            + " cannot be written or read (permission denied); choose a folder you may write to,"
            + " or ask whoever manages the machine";
      }
      if (t instanceof NotDirectoryException notDir) {
        return context.map(c -> c + ": ").orElse("")
            + notDir.getFile()
            + " is a file, where a folder is needed";
      }
      if (t instanceof NoSuchFileException missing) {
        return context.map(c -> c + ": ").orElse("") + missing.getFile() + " does not exist";
      }
      if (t instanceof FileSystemException fs && fs.getReason() != null) {
        return context.map(c -> c + ": ").orElse("")
            + (fs.getFile() == null ? "" : fs.getFile() + ": ")
            + fs.getReason();
      }
    }
    return context.orElse(failure.getClass().getSimpleName());
  }

  /** The first message a person wrote for this failure (not a wrapped exception's own name). */
  private static Optional<String> context(List<Throwable> chain) {
    for (Throwable t : chain) {
      String message = t.getMessage();
      if (message == null || message.isBlank()) {
        continue;
      }
      if (t.getCause() != null && message.equals(t.getCause().toString())) {
        continue;
      }
      if (t instanceof FileSystemException) {
        // Its message repeats the file and reason that describe() words itself.
        continue;
      }
      // Spark's own messages run to many lines of plan and trace: the first is the sentence.
      return Optional.of(message.lines().findFirst().orElse(message).strip());
    }
    return Optional.empty();
  }

  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }
}
