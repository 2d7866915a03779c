package org.clusterlens.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The service's own folder, kept beside the warehouse ({@code <warehouse>-service/} unless chosen):
 * {@code accounts.json}, {@code audit.log}, {@code hand-ins.json}, {@code uploads/} (every file
 * handed in, under a generated name), {@code feedback/} (each hand-in's page and marked-up copy),
 * {@code packs/} (the pack builds and which one is current) and {@code tmp/}. No route serves a
 * file from it by the name a user gave; each JSON file is replaced in one atomic move.
 *
 * @param root the folder; never null
 */
public record ServiceFolder(Path root) {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * The service folder beside a warehouse folder: {@code warehouse} → {@code warehouse-service}.
   */
  public static ServiceFolder besideWarehouse(String warehouse) {
    Path w = Path.of(warehouse).toAbsolutePath().normalize();
    return new ServiceFolder(w.resolveSibling(w.getFileName() + "-service"));
  }

  /** Creates the folder and its sub-folders if missing. */
  public ServiceFolder create() {
    try {
      for (Path p : List.of(root, uploads(), feedback(), packs(), tmp())) {
        Files.createDirectories(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the service folder " + root, e);
    }
    return this;
  }

  Path accounts() {
    return root.resolve("accounts.json");
  }

  Path audit() {
    return root.resolve("audit.log");
  }

  Path handIns() {
    return root.resolve("hand-ins.json");
  }

  Path uploads() {
    return root.resolve("uploads");
  }

  Path feedback() {
    return root.resolve("feedback");
  }

  Path packs() {
    return root.resolve("packs");
  }

  Path tmp() {
    return root.resolve("tmp");
  }

  /** Reads a JSON list, or an empty list when the file does not exist yet. */
  static <T> List<T> readList(Path file, TypeReference<List<T>> type) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return JSON.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
  }

  /** Writes a JSON value beside its target, then moves it into place in one step. */
  static void writeAtomically(Path file, Object value) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), ".write-", ".tmp");
      try {
        JSON.writeValue(temp.toFile(), value);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }

  /** Writes text beside its target, then moves it into place in one step. */
  static void writeTextAtomically(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), ".write-", ".tmp");
      try {
        Files.writeString(temp, text);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write an audit line", e);
    }
  }
}
