package org.clusterlens.model;

import java.util.Locale;

/** A subject assessed in the termly return. */
public enum Subject {
  READING("Reading"),
  WRITING("Writing"),
  MATHS("Maths");

  private final String label;

  Subject(String label) {
    this.label = label;
  }

  /** The name people read: "Reading". */
  public String label() {
    return label;
  }

  /** The lower-case code used in the warehouse and the metrics export: "reading". */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
