package org.clusterlens.web;

import java.util.Locale;

/** What a person using the service does for the cluster, and so what they may see. */
public enum Role {
  /** A school business manager: hands in their own school's returns. */
  SBM("business manager"),
  /** A governor: reads their own school's packs; read only. */
  GOVERNOR("governor"),
  /** The School Improvement Partner: reads every school's packs and the hand-in board. */
  SIP("School Improvement Partner"),
  /** The cluster's coordinator: as the SIP, and rebuilds the packs. */
  COORDINATOR("cluster coordinator");

  private final String words;

  Role(String words) {
    this.words = words;
  }

  /** The role in plain words, e.g. "business manager". */
  public String words() {
    return words;
  }

  /** Tells whether an account in this role belongs to one school (and must name it). */
  public boolean belongsToOneSchool() {
    return this == SBM || this == GOVERNOR;
  }

  /**
   * Reads a role as typed on the command line: {@code sbm}, {@code governor}, {@code sip} or {@code
   * coordinator}.
   *
   * @throws IllegalArgumentException naming what is accepted
   */
  public static Role parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a role; write sbm, governor, sip or coordinator");
    }
  }
}
