package org.clusterlens.report;

import java.util.Objects;

/**
 * One key point at the top of a pack: a plain-English statement and the question it suggests.
 *
 * @param kind what the point is: a strength, something to probe, or what the data cannot tell yet;
 *     never null
 * @param statement one or two short sentences, every percentage with its n; never null
 * @param question the question a governor (or partner) might ask; never null
 */
public record KeyPoint(Kind kind, String statement, String question) {

  /** What a key point is, in the order a pack lists them. */
  public enum Kind {
    STRENGTH("What is strong"),
    PROBE("What to probe"),
    NOT_YET_CLEAR("What the data cannot tell yet");

    private final String heading;

    Kind(String heading) {
      this.heading = heading;
    }

    /** The heading a pack prints above points of this kind. */
    public String heading() {
      return heading;
    }
  }

  public KeyPoint {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(question, "question");
  }
}
