package org.clusterlens.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One population counted several ways, as the published tables of a cluster link them: each row (a
 * school; the last row is the whole cluster) has a total, and each split (a pupil group such as
 * SEN) counts the row's pupils by the group's values. A row's values add to its total less the
 * pupils whose value is unknown, which are never published; each column of the last row is the sum
 * of the others. Construction throws {@link IllegalArgumentException} when a split's rows do not
 * match the totals or a row's values add to more than its total, and {@link NullPointerException}
 * on null.
 *
 * @param totals each row's total, the whole's last
 * @param splits per split, its rows × values, with as many rows as there are totals
 */
public record LinkedCounts(List<Integer> totals, List<CountTable> splits) {

  /** Copies and checks the counts. */
  public LinkedCounts {
    totals = List.copyOf(totals);
    splits = List.copyOf(splits);
    if (totals.isEmpty()) {
      throw new IllegalArgumentException("Linked counts need at least one row");
    }
    for (int k = 0; k < splits.size(); k++) {
      CountTable split = splits.get(k);
      if (split.rows() != totals.size()) {
        throw new IllegalArgumentException(
            "Split "
                + k
                + " has "
                + split.rows()
                + " rows, but there are "
                + totals.size()
                + " row totals");
      }
      for (int r = 0; r < totals.size(); r++) {
        if (split.rowTotal(r) > totals.get(r)) {
          throw new IllegalArgumentException(
              "Row "
                  + r
                  + " of split "
                  + k
                  + " adds to "
                  + split.rowTotal(r)
                  + ", more than the row's total "
                  + totals.get(r));
        }
      }
    }
    for (Integer total : totals) {
      if (Objects.requireNonNull(total, "total") < 0) {
        throw new IllegalArgumentException("A row total cannot be negative, but was " + total);
      }
    }
  }

  /** Number of rows, the whole's included. */
  public int rows() {
    return totals.size();
  }

  /** Per row, the pupils of the split whose value is unknown: the total less the values' sum. */
  public List<Integer> unknown(int split) {
    List<Integer> unknown = new ArrayList<>(rows());
    for (int r = 0; r < rows(); r++) {
      unknown.add(totals.get(r) - splits.get(split).rowTotal(r));
    }
    return List.copyOf(unknown);
  }

  /** Whether some row of the split has pupils whose value is unknown. */
  public boolean hasUnknown(int split) {
    return unknown(split).stream().anyMatch(u -> u > 0);
  }
}
