package org.clusterlens.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clusterlens.model.Figure;
import org.clusterlens.model.FigureKey;
import org.clusterlens.model.Term;

/**
 * A school's (and the cluster's) KS2 results pooled over up to three years: the pupils of the
 * latest year and the two before it, in the same scheme, counted together. With 10 to 30 pupils a
 * year a single year can rarely tell a school from chance; three years' pupils together often can.
 * Pooled figures are made for the latest KS2 year only, and only where at least two years are
 * present; each names the years it holds in its method.
 */
public final class PooledYears {

  /** Reading, writing and maths (or the three combined) at Level 4+, over up to three years. */
  public static final String POOLED_PCT_LEVEL4_PLUS = "pooled_" + Measures.PCT_LEVEL4_PLUS;

  /** The same at Level 5+. */
  public static final String POOLED_PCT_LEVEL5_PLUS = "pooled_" + Measures.PCT_LEVEL5_PLUS;

  /** The same at the expected standard (KS2 from 2016). */
  public static final String POOLED_PCT_EXPECTED_PLUS = "pooled_" + Measures.PCT_EXPECTED_PLUS;

  /** The same at the higher standard (KS2 from 2016). */
  public static final String POOLED_PCT_HIGHER_PLUS = "pooled_" + Measures.PCT_HIGHER_PLUS;

  /** The most years one pooled figure holds. */
  public static final int YEARS = 3;

  private PooledYears() {}

  /** Tells whether a measure code is a pooled one. */
  public static boolean isPooled(String measure) {
    return measure.startsWith("pooled_");
  }

  /**
   * One pooled figure per KS2 threshold figure of the latest year (all pupils, summer) whose
   * school, subject and scheme also have a figure the year before: the counts of up to {@value
   * #YEARS} consecutive years added, with the recommended 95% interval.
   */
  public static List<Figure> of(List<Figure> figures) {
    return of(figures, QuestionFamilies.headlineYear(figures));
  }

  /**
   * {@link #of(List)} with the latest KS2 year given (null: none), so one school's figures pool to
   * the same year as the whole run's.
   */
  static List<Figure> of(List<Figure> figures, String latest) {
    if (latest == null) {
      return List.of();
    }
    Map<FigureKey, Figure> byKey = new HashMap<>();
    for (Figure f : figures) {
      if (isPoolable(f)) {
        byKey.put(key(f, f.academicYear()), f);
      }
    }
    List<Figure> pooled = new ArrayList<>();
    for (Figure now : figures) {
      if (!isPoolable(now) || !now.academicYear().equals(latest)) {
        continue;
      }
      double met = now.numerator();
      long pupils = now.denominator();
      String first = latest;
      String year = latest;
      for (int back = 1; back < YEARS; back++) {
        year = Term.previousAcademicYear(year);
        Figure earlier = byKey.get(key(now, year));
        if (earlier == null) {
          break;
        }
        met += earlier.numerator();
        pupils += earlier.denominator();
        first = year;
      }
      if (first.equals(latest) || pupils == 0) {
        continue;
      }
      int years = yearsBetween(first, latest);
      Figure figure =
          AttainmentMetrics.withInterval(
              Derived.like(now, "pooled_" + now.measure(), met, pupils, 100 * met / pupils));
      pooled.add(
          figure.withInterval(
              figure.lower(),
              figure.upper(),
              figure.method() + "; " + years + " years pooled, " + first + " to " + latest));
    }
    return pooled;
  }

  /** How many academic years run from {@code first} to {@code last}, both counted. */
  public static int yearsBetween(String first, String last) {
    int years = 1;
    for (String y = last; !y.equals(first); y = Term.previousAcademicYear(y)) {
      years++;
    }
    return years;
  }

  /** The first academic year a pooled figure of {@code latest} holds, from its method's note. */
  public static String firstYear(Figure pooled) {
    String method = pooled.method();
    int at = method == null ? -1 : method.lastIndexOf(" to ");
    if (at < 10) {
      return pooled.academicYear();
    }
    return method.substring(at - 7, at);
  }

  private static boolean isPoolable(Figure f) {
    return f.assessment().equals(Measures.KS2)
        && f.group().equals(Figure.ALL)
        && f.term().equals(Measures.SUMMER)
        && f.hasDenominator()
        && f.denominatorCount() > 0
        && (f.measure().equals(Measures.PCT_LEVEL4_PLUS)
            || f.measure().equals(Measures.PCT_LEVEL5_PLUS)
            || f.measure().equals(Measures.PCT_EXPECTED_PLUS)
            || f.measure().equals(Measures.PCT_HIGHER_PLUS));
  }

  private static FigureKey key(Figure f, String academicYear) {
    return FigureKey.like(f, f.measure(), f.school(), f.groupValue(), academicYear, f.term());
  }
}
