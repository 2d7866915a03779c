package org.clusterlens.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's audit trail, {@code audit.log} in the service folder: one JSON object per line
 * ({@code at}, {@code who}, {@code what}, {@code detail}) for every sign-in (and refused sign-in),
 * sign-out, hand-in, rebuild and download. Lines are only ever appended.
 */
public final class AuditTrail {

  private final Path file;

  AuditTrail(ServiceFolder folder) {
    this.file = folder.audit();
  }

  /**
   * Appends one line.
   *
   * @param who the account name, or "-" when nobody is signed in
   * @param what what happened, e.g. "sign-in", "hand-in", "download"
   * @param detail the object it happened to, e.g. a school and term or a file
   */
  public synchronized void record(String who, String what, String detail) {
    Map<String, String> line = new LinkedHashMap<>();
    line.put("at", Instant.now().toString());
    line.put("who", who);
    line.put("what", what);
    line.put("detail", detail);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          ServiceFolder.json(line) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not add to the audit trail " + file, e);
    }
  }

  /** Every line so far, oldest first. */
  public synchronized List<String> lines() {
    try {
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the audit trail " + file, e);
    }
  }
}
