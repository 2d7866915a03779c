package org.clusterlens.model;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One school term of one academic year, written {@code 2024-25-autumn}.
 *
 * @param academicYear the academic year as {@code 2024-25}; never null
 * @param season autumn, spring or summer; never null
 */
public record Term(String academicYear, Season season) implements Comparable<Term> {

  private static final Pattern ACADEMIC_YEAR = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern TERM_ID = Pattern.compile("(\\d{4}-\\d{2})-(autumn|spring|summer)");

  /** The three terms of the English school year, in the order they happen. */
  public enum Season {
    AUTUMN,
    SPRING,
    SUMMER;

    /** The lower-case word used in term ids and folder names. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Term {
    if (academicYear == null || season == null) {
      throw new IllegalArgumentException("A term needs an academic year and a season");
    }
    if (!followsOn(ACADEMIC_YEAR.matcher(academicYear))) {
      throw new IllegalArgumentException(
          "'" + academicYear + "' is not an academic year; write it like 2024-25");
    }
  }

  /**
   * Reads a term id such as {@code 2024-25-autumn}.
   *
   * @throws IllegalArgumentException with a sentence saying what is accepted
   */
  public static Term parse(String id) {
    Matcher m = TERM_ID.matcher(id == null ? "" : id.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + id + "' is not a term; write it like 2024-25-autumn (autumn, spring or summer)");
    }
    return new Term(m.group(1), Season.valueOf(m.group(2).toUpperCase(Locale.ROOT)));
  }

  /**
   * Tells whether {@code text} is a term id such as {@code 2024-25-autumn}: one {@link #parse}
   * reads, so {@code 2025-24-summer} (whose years do not follow on) is not.
   */
  public static boolean isTermId(String text) {
    if (text == null) {
      return false;
    }
    Matcher m = TERM_ID.matcher(text.trim().toLowerCase(Locale.ROOT));
    return m.matches() && followsOn(ACADEMIC_YEAR.matcher(m.group(1)));
  }

  private static boolean followsOn(Matcher academicYear) {
    return academicYear.matches()
        && (Integer.parseInt(academicYear.group(1)) + 1) % 100
            == Integer.parseInt(academicYear.group(2));
  }

  /** The academic year that starts in {@code startYear}, e.g. 2024 gives {@code 2024-25}. */
  public static String academicYearStarting(int startYear) {
    return String.format(Locale.ROOT, "%d-%02d", startYear, (startYear + 1) % 100);
  }

  /**
   * The academic year before {@code academicYear}, e.g. {@code 2024-25} gives {@code 2023-24}.
   *
   * @throws IllegalArgumentException if {@code academicYear} is not written like 2024-25
   */
  public static String previousAcademicYear(String academicYear) {
    // Asked for each of an LA's millions of shift and pooled figures, of a handful of years. The
    // map holds no null key: a null year is told what is wrong by Term itself, as before.
    return academicYear == null
        ? yearBefore(academicYear)
        : PREVIOUS_YEARS.computeIfAbsent(academicYear, Term::yearBefore);
  }

  private static String yearBefore(String academicYear) {
    return academicYearStarting(new Term(academicYear, Season.AUTUMN).startYear() - 1);
  }

  /** The academic years before those asked for so far, by year. */
  private static final Map<String, String> PREVIOUS_YEARS = new ConcurrentHashMap<>();

  /** The calendar year in which this term's academic year starts. */
  public int startYear() {
    return Integer.parseInt(academicYear.substring(0, 4));
  }

  /** The id used in folder names, the warehouse and the metrics export: {@code 2024-25-autumn}. */
  public String id() {
    return academicYear + "-" + season.word();
  }

  /** A label for people: {@code Autumn 2024-25}. */
  public String label() {
    String word = season.word();
    return Character.toUpperCase(word.charAt(0)) + word.substring(1) + " " + academicYear;
  }

  @Override
  public int compareTo(Term other) {
    return Comparator.comparing(Term::academicYear)
        .thenComparing(Term::season)
        .compare(this, other);
  }

  @Override
  public String toString() {
    return id();
  }
}
