package org.clusterlens.metrics;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.clusterlens.model.Figure;
import org.clusterlens.model.FigureKey;

/**
 * The cells of suppression tables a run withholds, looked up by figure position and packed {@code
 * long} keys rather than by {@link FigureKey} objects: each of the figures' nine labels is coded as
 * an int once, per label (a run has a few hundred schools and group values, a few dozen measures),
 * and a cell's key packs the nine codes. Screening asks, for each of an LA's two and a half million
 * figures, whether its cell (and for a shift or pooled figure, earlier cells) is withheld; a set of
 * keys makes each question one look-up in a compact table, with no key object made.
 *
 * <p>When the codes do not fit one {@code long} (never at any size measured) the cells are looked
 * up by {@link FigureKey}, with the same answers.
 */
final class FigureCells {

  private static final int MEASURE = 0;
  private static final int ASSESSMENT = 1;
  private static final int SCHEME = 2;
  private static final int SUBJECT = 3;
  private static final int SCHOOL = 4;
  private static final int GROUP = 5;
  private static final int VALUE = 6;
  private static final int YEAR = 7;
  private static final int TERM = 8;
  private static final int LABELS = 9;

  /** The code of a label no figure or withheld cell has: no cell with it is withheld. */
  private static final int UNKNOWN = -1;

  private final Figure[] figures;
  private final Set<FigureKey> hidden;
  private final List<Object2IntOpenHashMap<String>> dictionaries = new ArrayList<>(LABELS);
  private final int[][] codes = new int[LABELS][];
  private final int[] shift = new int[LABELS];
  private final boolean packed;
  private final LongOpenHashSet hiddenKeys = new LongOpenHashSet();

  private FigureCells(Figure[] figures, Set<FigureKey> hidden) {
    this.figures = figures;
    this.hidden = hidden;
    for (int l = 0; l < LABELS; l++) {
      Object2IntOpenHashMap<String> dictionary = new Object2IntOpenHashMap<>();
      dictionary.defaultReturnValue(UNKNOWN);
      dictionaries.add(dictionary);
      codes[l] = new int[figures.length];
    }
    // Sorted figures' labels repeat from one figure to the next, mostly as the very same string:
    // that needs no look-up.
    String[] last = new String[LABELS];
    int[] lastCode = new int[LABELS];
    String[] v = new String[LABELS];
    for (int i = 0; i < figures.length; i++) {
      Figure f = figures[i];
      v[MEASURE] = f.measure();
      v[ASSESSMENT] = f.assessment();
      v[SCHEME] = f.scheme();
      v[SUBJECT] = f.subject();
      v[SCHOOL] = f.school();
      v[GROUP] = f.group();
      v[VALUE] = f.groupValue();
      v[YEAR] = f.academicYear();
      v[TERM] = f.term();
      for (int l = 0; l < LABELS; l++) {
        if (v[l] == null || v[l] != last[l]) {
          last[l] = v[l];
          lastCode[l] = add(l, v[l]);
        }
        codes[l][i] = lastCode[l];
      }
    }
    for (FigureKey k : hidden) {
      add(MEASURE, k.measure());
      add(ASSESSMENT, k.assessment());
      add(SCHEME, k.scheme());
      add(SUBJECT, k.subject());
      add(SCHOOL, k.school());
      add(GROUP, k.group());
      add(VALUE, k.groupValue());
      add(YEAR, k.academicYear());
      add(TERM, k.term());
    }
    int bits = 0;
    for (int l = LABELS - 1; l >= 0; l--) {
      shift[l] = bits;
      // Codes run from 0 (no scheme) to the dictionary's size.
      bits += 32 - Integer.numberOfLeadingZeros(dictionaries.get(l).size());
    }
    packed = bits <= Long.SIZE - 1;
    if (packed) {
      for (FigureKey k : hidden) {
        hiddenKeys.add(
            key(
                code(MEASURE, k.measure()),
                code(ASSESSMENT, k.assessment()),
                code(SCHEME, k.scheme()),
                code(SUBJECT, k.subject()),
                code(SCHOOL, k.school()),
                code(GROUP, k.group()),
                code(VALUE, k.groupValue()),
                code(YEAR, k.academicYear()),
                code(TERM, k.term())));
      }
    }
  }

  /** The cells of {@code hidden} among {@code figures}, held in the order given. */
  static FigureCells of(Figure[] figures, Set<FigureKey> hidden) {
    return new FigureCells(figures, hidden);
  }

  private int add(int label, String value) {
    if (value == null) {
      return 0;
    }
    Object2IntOpenHashMap<String> dictionary = dictionaries.get(label);
    int code = dictionary.getInt(value);
    if (code == UNKNOWN) {
      code = dictionary.size() + 1;
      dictionary.put(value, code);
    }
    return code;
  }

  private int code(int label, String value) {
    return value == null ? 0 : dictionaries.get(label).getInt(value);
  }

  private long key(
      int measure,
      int assessment,
      int scheme,
      int subject,
      int school,
      int group,
      int value,
      int year,
      int term) {
    return (long) measure << shift[MEASURE]
        | (long) assessment << shift[ASSESSMENT]
        | (long) scheme << shift[SCHEME]
        | (long) subject << shift[SUBJECT]
        | (long) school << shift[SCHOOL]
        | (long) group << shift[GROUP]
        | (long) value << shift[VALUE]
        | (long) year << shift[YEAR]
        | (long) term << shift[TERM];
  }

  /**
   * Whether the cell with figure {@code i}'s labels under another measure (or suppression table) is
   * withheld: {@code hidden.contains(FigureKey.like(figures[i], measure))}.
   */
  boolean hidden(int i, String measure) {
    if (!packed) {
      return hidden.contains(FigureKey.like(figures[i], measure));
    }
    int m = code(MEASURE, measure);
    return m != UNKNOWN
        && hiddenKeys.contains(
            key(
                m,
                codes[ASSESSMENT][i],
                codes[SCHEME][i],
                codes[SUBJECT][i],
                codes[SCHOOL][i],
                codes[GROUP][i],
                codes[VALUE][i],
                codes[YEAR][i],
                codes[TERM][i]));
  }

  /**
   * Whether the cell with figure {@code i}'s labels under another measure, school, group value,
   * year and term is withheld: {@code hidden.contains(FigureKey.like(figures[i], measure, school,
   * groupValue, academicYear, term))}.
   */
  boolean hidden(
      int i, String measure, String school, String groupValue, String academicYear, String term) {
    if (!packed) {
      return hidden.contains(
          FigureKey.like(figures[i], measure, school, groupValue, academicYear, term));
    }
    int m = code(MEASURE, measure);
    int s = code(SCHOOL, school);
    int v = code(VALUE, groupValue);
    int y = code(YEAR, academicYear);
    int t = code(TERM, term);
    return m != UNKNOWN
        && s != UNKNOWN
        && v != UNKNOWN
        && y != UNKNOWN
        && t != UNKNOWN
        && hiddenKeys.contains(
            key(
                m,
                codes[ASSESSMENT][i],
                codes[SCHEME][i],
                codes[SUBJECT][i],
                s,
                codes[GROUP][i],
                v,
                y,
                t));
  }
}
