package org.clusterlens.metrics;

import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clusterlens.model.Figure;

/**
 * Sorts figures into {@link AttainmentMetrics#ORDER} by numbers rather than by their labels' text:
 * each label is replaced by its rank among the distinct values of that label (a run has a few
 * hundred schools and group values, a few dozen measures), the ranks are packed into two {@code
 * long} keys per figure in the order's sequence of labels, and the figures' positions are sorted by
 * those keys (a stable radix sort), ties kept in the order given, as {@link List#sort} keeps them.
 * An LA's run sorts its two and a half million figures twice; comparing nine labels as strings was
 * most of that cost.
 */
public final class FigureSort {

  private FigureSort() {}

  /**
   * How many labels {@link AttainmentMetrics#ORDER} compares, in its sequence: assessment, scheme
   * (none first), academic year, term, school, group, group value, subject and measure.
   */
  private static final int LABELS = 9;

  /** Bits a key holds: a {@code long}'s, less its sign bit, so keys compare as signed numbers. */
  private static final int KEY_BITS = 63;

  /**
   * Sorts {@code figures} in place into {@link AttainmentMetrics#ORDER}, keeping figures with the
   * same labels in the order given: the same list {@code figures.sort(AttainmentMetrics.ORDER)}
   * makes.
   */
  public static void sort(List<Figure> figures) {
    int n = figures.size();
    if (n < 2) {
      return;
    }
    Figure[] in = figures.toArray(new Figure[0]);
    int[][] ranks = ranks(in);
    int[] bits = new int[LABELS];
    for (int l = 0; l < LABELS; l++) {
      int distinct = 0;
      for (int r : ranks[l]) {
        distinct = Math.max(distinct, r + 1);
      }
      bits[l] = Math.max(1, 32 - Integer.numberOfLeadingZeros(distinct));
    }
    if (!fitsTwoKeys(bits)) {
      // Labels too many to pack (never at any size measured): compare them as text.
      figures.sort(AttainmentMetrics.ORDER);
      return;
    }
    long[] first = new long[n];
    long[] second = new long[n];
    int used = 0;
    boolean inFirst = true;
    for (int l = 0; l < LABELS; l++) {
      if (inFirst && used + bits[l] > KEY_BITS) {
        inFirst = false;
        used = 0;
      }
      long[] key = inFirst ? first : second;
      int[] r = ranks[l];
      for (int i = 0; i < n; i++) {
        key[i] = (key[i] << bits[l]) | r[i];
      }
      used += bits[l];
      ranks[l] = null;
    }
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    // A stable radix sort of the positions by the pair of keys: ties keep the order given.
    LongArrays.radixSortIndirect(order, first, second, true);
    for (int i = 0; i < n; i++) {
      figures.set(i, in[order[i]]);
    }
  }

  /** Tells whether the labels' bits, taken in sequence, fill at most two keys. */
  private static boolean fitsTwoKeys(int[] bits) {
    int keys = 1;
    int used = 0;
    for (int b : bits) {
      if (used + b > KEY_BITS) {
        keys++;
        used = 0;
      }
      used += b;
    }
    return keys <= 2;
  }

  /**
   * Each figure's rank of each label (in the sequence of {@link #LABELS}) among that label's
   * distinct values in text order, a missing label (only the scheme can be) ranked first. The
   * labels are read in one pass over the figures, all nine of a figure at once.
   */
  private static int[][] ranks(Figure[] figures) {
    int labels = LABELS;
    List<Map<String, Integer>> codes = new ArrayList<>(labels);
    List<List<String>> values = new ArrayList<>(labels);
    int[][] codeOf = new int[labels][figures.length];
    boolean[] missing = new boolean[labels];
    // A run's labels come from a few shared strings, and sorted figures' labels repeat from one
    // figure to the next: the same string as the figure before needs no look-up.
    String[] last = new String[labels];
    int[] lastCode = new int[labels];
    for (int l = 0; l < labels; l++) {
      codes.add(new HashMap<>());
      values.add(new ArrayList<>());
    }
    String[] v = new String[labels];
    for (int i = 0; i < figures.length; i++) {
      Figure f = figures[i];
      v[0] = f.assessment();
      v[1] = f.scheme();
      v[2] = f.academicYear();
      v[3] = f.term();
      v[4] = f.school();
      v[5] = f.group();
      v[6] = f.groupValue();
      v[7] = f.subject();
      v[8] = f.measure();
      for (int l = 0; l < labels; l++) {
        String value = v[l];
        if (value == null) {
          missing[l] = true;
          codeOf[l][i] = -1;
          continue;
        }
        if (value != last[l]) {
          Integer code = codes.get(l).get(value);
          if (code == null) {
            code = values.get(l).size();
            codes.get(l).put(value, code);
            values.get(l).add(value);
          }
          last[l] = value;
          lastCode[l] = code;
        }
        codeOf[l][i] = lastCode[l];
      }
    }
    for (int l = 0; l < labels; l++) {
      List<String> text = values.get(l);
      Integer[] byText = new Integer[text.size()];
      Arrays.setAll(byText, i -> i);
      Arrays.sort(byText, (a, b) -> text.get(a).compareTo(text.get(b)));
      int offset = missing[l] ? 1 : 0;
      int[] rankOfCode = new int[text.size()];
      for (int r = 0; r < byText.length; r++) {
        rankOfCode[byText[r]] = r + offset;
      }
      int[] c = codeOf[l];
      for (int i = 0; i < c.length; i++) {
        c[i] = c[i] < 0 ? 0 : rankOfCode[c[i]];
      }
    }
    return codeOf;
  }
}
