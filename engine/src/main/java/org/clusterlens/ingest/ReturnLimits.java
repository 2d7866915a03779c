package org.clusterlens.ingest;

/**
 * How large a return may be before it is refused unread, so a damaged or hostile file cannot
 * exhaust memory.
 *
 * @param maxBytes the largest file accepted, in bytes; positive
 * @param maxPupils the most pupil rows one return may list; positive
 */
public record ReturnLimits(long maxBytes, int maxPupils) {

  /**
   * 20 MB and 5,000 pupils: a primary school has at most about 700 pupils, and its return is well
   * under 1 MB.
   */
  public static final ReturnLimits DEFAULT = new ReturnLimits(20L * 1024 * 1024, 5_000);

  public ReturnLimits {
    if (maxBytes <= 0 || maxPupils <= 0) {
      throw new IllegalArgumentException(
          "Return limits must be positive, not "
              + maxBytes
              + " bytes and "
              + maxPupils
              + " pupils");
    }
  }

  /**
   * How many rows a reader keeps before giving up: the pupils plus the title and header rows that
   * may sit above them.
   */
  int maxRows() {
    return maxPupils + HeaderMapping.ROWS_SEARCHED;
  }

  /** The error a reader raises when a sheet has more rows than {@link #maxRows()}. */
  UnreadableReturnException tooManyRows() {
    return new UnreadableReturnException(
        String.format(
            java.util.Locale.UK,
            "this file has more than %,d rows, more than a return may hold (the limit is %,d pupils)",
            maxRows(),
            maxPupils));
  }
}
