package org.clusterlens.metrics;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.clusterlens.model.Figure;

/**
 * Sorts figures into {@link AttainmentMetrics#ORDER} by numbers rather than by their labels' text:
 * each label is replaced by its rank among the distinct values of that label (a run has a few
 * hundred schools and group values, a few dozen measures), the ranks are packed into two {@code
 * long} keys per figure in the order's sequence of labels, and the figures' positions are sorted by
 * those keys, ties kept in the order given, as {@link List#sort} keeps them. An LA's run sorts its
 * two and a half million figures twice; comparing nine labels as strings was most of that cost.
 */
public final class FigureSort {

  private FigureSort() {}

  /**
   * The labels {@link AttainmentMetrics#ORDER} compares, in its sequence: assessment, scheme (none
   * first), academic year, term, school, group, group value, subject and measure.
   */
  private static final List<Function<Figure, String>> LABELS =
      List.of(
          Figure::assessment,
          Figure::scheme,
          Figure::academicYear,
          Figure::term,
          Figure::school,
          Figure::group,
          Figure::groupValue,
          Figure::subject,
          Figure::measure);

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
    int[][] ranks = new int[LABELS.size()][];
    int[] bits = new int[LABELS.size()];
    for (int l = 0; l < LABELS.size(); l++) {
      ranks[l] = ranks(in, LABELS.get(l));
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
    for (int l = 0; l < LABELS.size(); l++) {
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
    IntArrays.quickSort(
        order,
        (a, b) -> {
          int c = Long.compare(first[a], first[b]);
          if (c != 0) {
            return c;
          }
          c = Long.compare(second[a], second[b]);
          return c != 0 ? c : Integer.compare(a, b);
        });
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
   * Each figure's rank of one label among that label's distinct values in text order, a missing
   * label (only the scheme can be) ranked first.
   */
  private static int[] ranks(Figure[] figures, Function<Figure, String> label) {
    Map<String, Integer> codes = new HashMap<>();
    List<String> values = new ArrayList<>();
    int[] codeOf = new int[figures.length];
    boolean missing = false;
    String last = null;
    int lastCode = -1;
    for (int i = 0; i < figures.length; i++) {
      String v = label.apply(figures[i]);
      if (v == null) {
        missing = true;
        codeOf[i] = -1;
        continue;
      }
      if (v != last) {
        Integer code = codes.get(v);
        if (code == null) {
          code = values.size();
          codes.put(v, code);
          values.add(v);
        }
        last = v;
        lastCode = code;
      }
      codeOf[i] = lastCode;
    }
    Integer[] byText = new Integer[values.size()];
    Arrays.setAll(byText, i -> i);
    Arrays.sort(byText, (a, b) -> values.get(a).compareTo(values.get(b)));
    int offset = missing ? 1 : 0;
    int[] rankOfCode = new int[values.size()];
    for (int r = 0; r < byText.length; r++) {
      rankOfCode[byText[r]] = r + offset;
    }
    for (int i = 0; i < codeOf.length; i++) {
      codeOf[i] = codeOf[i] < 0 ? 0 : rankOfCode[codeOf[i]];
    }
    return codeOf;
  }
}
