package org.clusterlens.model;

import java.util.Locale;

/** Which kind of assessment a grade comes from. */
public enum Assessment {
  /** The school's own termly teacher assessment. */
  TEACHER("Teacher assessment"),
  /** Statutory Key Stage 1 results, reported in the Year 2 summer return. */
  KS1("Key Stage 1"),
  /** Statutory Key Stage 2 results, reported in the Year 6 summer return. */
  KS2("Key Stage 2");

  private final String label;
  private final String code;

  Assessment(String label) {
    this.label = label;
    this.code = name().toLowerCase(Locale.ROOT);
  }

  /** The name people read: "Key Stage 2". */
  public String label() {
    return label;
  }

  /** The lower-case code used in the warehouse and the metrics export: "ks2". */
  public String code() {
    return code;
  }
}
