package org.clusterlens.metrics;

import java.util.Locale;

/**
 * A cell of a table of counts packed into one {@code long}: the codes of its school, year, term,
 * assessment, scheme, subject, the table's own extra code and its pupil group and value (see {@link
 * PupilTable.Cell}). Counting under these keys in a primitive map spares an object for every pupil,
 * group and school counted. Each code may be {@link PupilTable#UNKNOWN} (or {@link
 * PupilTable#CLUSTER}), and at most {@code 2^bits − 2} for its part's bits; a code beyond that
 * throws rather than collide with another cell.
 */
final class CellKey {

  /** The parts of a key, from its highest bits to its lowest, with the bits each is given. */
  enum Part {
    SCHOOL(16),
    YEAR(6),
    TERM(3),
    ASSESSMENT(5),
    SCHEME(5),
    SUBJECT(7),
    EXTRA(8),
    PUPIL_GROUP(14);

    final int bits;

    Part(int bits) {
      this.bits = bits;
    }

    /** The largest code the part holds. */
    int largest() {
      return (1 << bits) - 2;
    }
  }

  private static final Part[] PARTS = Part.values();

  /** Each part's shift: the bits of the parts after it. */
  private static final int[] SHIFT = new int[PARTS.length];

  static {
    int shift = 0;
    for (int p = PARTS.length - 1; p >= 0; p--) {
      SHIFT[p] = shift;
      shift += PARTS[p].bits;
    }
    if (shift != Long.SIZE) {
      throw new IllegalStateException("A cell's key has " + shift + " bits, not 64");
    }
  }

  private CellKey() {}

  /**
   * The key of a cell; throws {@link IllegalStateException} naming the part and the code when a
   * code is below {@link PupilTable#UNKNOWN} or above its part's {@link Part#largest()}.
   */
  static long of(
      int school,
      int year,
      int term,
      int assessment,
      int scheme,
      int subject,
      int extra,
      int pupilGroup) {
    long key = put(0, school, Part.SCHOOL);
    key = put(key, year, Part.YEAR);
    key = put(key, term, Part.TERM);
    key = put(key, assessment, Part.ASSESSMENT);
    key = put(key, scheme, Part.SCHEME);
    key = put(key, subject, Part.SUBJECT);
    key = put(key, extra, Part.EXTRA);
    return put(key, pupilGroup, Part.PUPIL_GROUP);
  }

  /** {@code key} shifted left by the part's bits, with the code in them (stored one more). */
  private static long put(long key, int code, Part part) {
    if (code < PupilTable.UNKNOWN || code > part.largest()) {
      throw new IllegalStateException(
          "A cell's "
              + part.name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + " code "
              + code
              + " does not fit the "
              + part.bits
              + " bits of its key (codes "
              + PupilTable.UNKNOWN
              + " to "
              + part.largest()
              + "): too many distinct values in one pupil table");
    }
    return key << part.bits | (code + 1);
  }

  /** The key of the same cell pooled over the schools: its school {@link PupilTable#CLUSTER}. */
  static long inCluster(long key) {
    int p = Part.SCHOOL.ordinal();
    return key & ~(((1L << PARTS[p].bits) - 1) << SHIFT[p]);
  }

  /** {@code dimension}, a key of no pupil group, with pupil group and value {@code group}. */
  static long withPupilGroup(long dimension, int group) {
    return put(dimension >>> Part.PUPIL_GROUP.bits, group, Part.PUPIL_GROUP);
  }

  /** The code of {@code part} in {@code key}. */
  static int code(long key, Part part) {
    int p = part.ordinal();
    return (int) ((key >>> SHIFT[p]) & ((1L << PARTS[p].bits) - 1)) - 1;
  }
}
