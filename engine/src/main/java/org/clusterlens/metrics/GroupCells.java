package org.clusterlens.metrics;

import it.unimi.dsi.fastutil.HashCommon;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Sums counted per cell of a table whose cells are a <em>dimension</em> (a {@link CellKey} of no
 * pupil group: a school or the cluster, year, term and the table's other labels) split by pupil
 * group and value. A pupil row finds its dimension by one hash look-up and each of its groups' sums
 * by the group's code in that dimension's array: a look-up per row and group in one large map was
 * the largest part of counting an LA's figures. {@link #cells} gives the sums under their whole
 * keys, as counting under those keys gives them.
 *
 * @param <V> the sums of one cell, made empty by the supplier given and added up by its owner
 */
final class GroupCells<V> {

  /** One dimension's sums, by pupil group code plus one (0 for the cell of no pupil group). */
  static final class Dimension<V> {
    private Object[] sums = new Object[16];
    private final Supplier<V> empty;

    private Dimension(Supplier<V> empty) {
      this.empty = empty;
    }

    /**
     * The sums of pupil group and value {@code group} (a code of the pupil table's groups, or
     * {@link PupilTable#UNKNOWN} for the dimension's cell of no pupil group), made empty at first.
     */
    @SuppressWarnings("unchecked")
    V at(int group) {
      int i = group + 1;
      if (i >= sums.length) {
        sums = Arrays.copyOf(sums, Math.max(i + 1, 2 * sums.length));
      }
      Object s = sums[i];
      if (s == null) {
        s = empty.get();
        sums[i] = s;
      }
      return (V) s;
    }
  }

  /**
   * The dimensions found last, by a few bits of their key's hash: the rows of one return fall in a
   * few dozen dimensions, which a small table found in the processor's nearest cache serves without
   * searching the large map.
   */
  private static final int RECENT = 64;

  private final Long2ObjectOpenHashMap<Dimension<V>> dimensions = new Long2ObjectOpenHashMap<>();
  private final long[] recentKeys = new long[RECENT];
  private final Object[] recent = new Object[RECENT];
  private final Supplier<V> empty;

  /** Cells whose sums {@code empty} makes. */
  GroupCells(Supplier<V> empty) {
    this.empty = empty;
  }

  /**
   * The dimension of {@code key}, a {@link CellKey} whose pupil group is {@link
   * PupilTable#UNKNOWN}; made at first sight.
   */
  @SuppressWarnings("unchecked")
  Dimension<V> dimension(long key) {
    int slot = (int) HashCommon.mix(key) & (RECENT - 1);
    if (recent[slot] != null && recentKeys[slot] == key) {
      return (Dimension<V>) recent[slot];
    }
    Dimension<V> d = dimensions.get(key);
    if (d == null) {
      if (CellKey.code(key, CellKey.Part.PUPIL_GROUP) != PupilTable.UNKNOWN) {
        throw new IllegalArgumentException("A dimension's key names no pupil group");
      }
      d = new Dimension<>(empty);
      dimensions.put(key, d);
    }
    recentKeys[slot] = key;
    recent[slot] = d;
    return d;
  }

  /**
   * Adds each school's sums into the cluster's same cell ({@link CellKey#inCluster}): counted per
   * school only, each row is looked up once rather than again for the cluster. {@code addInto} adds
   * its second argument's sums into its first's. Sums of counts and of whole points (every scheme
   * of levels) come out the same in any order; a tracker's fractional points may differ in the last
   * binary digit from a sum taken row by row, far below the figures' last shown digit, as the
   * export at scale adds its partitions' sums.
   */
  @SuppressWarnings("unchecked")
  void poolSchools(BiConsumer<V, V> addInto) {
    for (long key : dimensions.keySet().toLongArray()) {
      if (CellKey.code(key, CellKey.Part.SCHOOL) == PupilTable.CLUSTER) {
        continue;
      }
      Object[] school = dimensions.get(key).sums;
      Dimension<V> cluster = dimension(CellKey.inCluster(key));
      for (int i = 0; i < school.length; i++) {
        if (school[i] != null) {
          addInto.accept(cluster.at(i - 1), (V) school[i]);
        }
      }
    }
  }

  /** Every cell's sums under its whole key ({@link CellKey}, with its pupil group). */
  @SuppressWarnings("unchecked")
  Long2ObjectOpenHashMap<V> cells() {
    Long2ObjectOpenHashMap<V> cells = new Long2ObjectOpenHashMap<>(4 * dimensions.size());
    dimensions
        .long2ObjectEntrySet()
        .fastForEach(
            e -> {
              Object[] sums = e.getValue().sums;
              for (int i = 0; i < sums.length; i++) {
                if (sums[i] != null) {
                  cells.put(CellKey.withPupilGroup(e.getLongKey(), i - 1), (V) sums[i]);
                }
              }
            });
    return cells;
  }
}
