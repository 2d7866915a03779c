package org.clusterlens.generate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;

/**
 * Generates a local authority's or the whole country's schools with the demo's per-school
 * simulation ({@link SchoolHistory}): each school is lived through its terms on its own, from a
 * seed drawn from the dataset's seed and the school's number, so any school can be generated alone
 * (on any Spark executor) and always comes out the same.
 *
 * <p>Schools are small primaries of 40 to 250 pupils, every return a csv, with no planted rise. A
 * third academic year (2025-26) comes from a second simulation of the same school two years on: its
 * pupils are not the 2024-25 pupils a year older, which is enough for measuring cost but not for
 * following pupils from year to year.
 */
public final class ScaleClusterGenerator implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The most schools one dataset may have: their URNs are 700000 upwards. */
  public static final int MAX_SCHOOLS = 200_000;

  private static final int FIRST_URN = 700_000;
  private static final int SMALLEST_ROLL = 40;
  private static final int LARGEST_ROLL = 250;
  private static final int ATTEMPTS = 20;

  private final ScaleSize size;
  private final long seed;

  /**
   * @param size how many schools and years; never null
   * @param seed the dataset's seed; the same seed and size always give the same data
   */
  public ScaleClusterGenerator(ScaleSize size, long seed) {
    if (size == null) {
      throw new IllegalArgumentException("A generated dataset needs a size");
    }
    this.size = size;
    this.seed = seed;
  }

  /** The size generated. */
  public ScaleSize size() {
    return size;
  }

  /** The dataset's schools as one cluster (an LA's schools are its "cluster"), names not shared. */
  public Cluster cluster() {
    return new Cluster(
        "Generated " + size.label() + " (" + size.schools() + " schools)",
        IntStream.range(0, size.schools()).mapToObj(ScaleClusterGenerator::school).toList(),
        false);
  }

  /** The terms every school hands a return in for, in order. */
  public List<Term> terms() {
    List<Term> terms = new ArrayList<>(SchoolHistory.TERMS);
    if (size.years() == 3) {
      for (Term.Season season : Term.Season.values()) {
        terms.add(new Term(Term.academicYearStarting(thirdYearStart()), season));
      }
    }
    return terms;
  }

  /**
   * Generates one school's returns, one per term in {@link #terms()} order.
   *
   * @param index the school's number, 0 to {@code size().schools() - 1}
   * @throws IllegalArgumentException if there is no such school
   */
  public List<GeneratedReturn> returnsOf(int index) {
    if (index < 0 || index >= size.schools()) {
      throw new IllegalArgumentException(
          "School number " + index + " is not 0 to " + (size.schools() - 1));
    }
    SplittableRandom draws = new SplittableRandom(seed).split();
    // Each school's own stream: mixing the index into the seed keeps schools independent.
    Random random = new Random(draws.nextLong() ^ (0x9E3779B97F4A7C15L * (index + 1)));
    School school = school(index);
    List<GeneratedReturn> returns = new ArrayList<>();
    Map<Term, List<ReturnRow>> firstTwoYears = simulate(school, index, random);
    firstTwoYears.forEach(
        (term, rows) -> returns.add(new GeneratedReturn(school, term, ReturnFormat.CSV, rows)));
    if (size.years() == 3) {
      int shift = thirdYearStart() - SchoolHistory.TERMS.get(0).startYear();
      Map<Term, List<ReturnRow>> later = simulate(school, index, random);
      for (Term.Season season : Term.Season.values()) {
        Term simulated = new Term(SchoolHistory.TERMS.get(0).academicYear(), season);
        Term term = new Term(Term.academicYearStarting(thirdYearStart()), season);
        List<ReturnRow> rows =
            later.get(simulated).stream().map(r -> yearsLater(r, shift)).toList();
        returns.add(new GeneratedReturn(school, term, ReturnFormat.CSV, rows));
      }
    }
    return returns;
  }

  private static int thirdYearStart() {
    return SchoolHistory.TERMS.get(SchoolHistory.TERMS.size() - 1).startYear() + 1;
  }

  /** Simulates the school, drawing another roll when a draw would leave 35 to 300 pupils. */
  private static Map<Term, List<ReturnRow>> simulate(School school, int index, Random random) {
    IllegalStateException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int roll = SMALLEST_ROLL + random.nextInt(LARGEST_ROLL - SMALLEST_ROLL + 1);
      DemoSchool plan =
          DemoSchool.drawn(
              school.urn(), school.name(), establishmentNumber(index), roll, ReturnFormat.CSV);
      try {
        return SchoolHistory.simulate(
            plan, new Random(random.nextLong()), new PupilNames(), new HashSet<>());
      } catch (IllegalStateException e) {
        last = e;
      }
    }
    throw new IllegalStateException(
        "School " + school.urn() + " could not be simulated in " + ATTEMPTS + " draws", last);
  }

  /**
   * The same pupil row, every date moved on by whole years, as if the school were simulated later.
   */
  private static ReturnRow yearsLater(ReturnRow r, int years) {
    return new ReturnRow(
        r.upn(),
        r.forename(),
        r.surname(),
        r.dateOfBirth().plusYears(years),
        r.gender(),
        r.yearGroup(),
        r.fsm(),
        r.disadvantaged(),
        r.sen(),
        r.eal(),
        r.ethnicity(),
        r.dateJoined().plusYears(years),
        r.teacherAssessment(),
        r.ks1(),
        r.ks2());
  }

  private static School school(int index) {
    return new School(
        Integer.toString(FIRST_URN + index),
        String.format(Locale.ROOT, "Generated Primary School %06d", index + 1));
  }

  /** A four-digit establishment number for the UPNs the school issues (they repeat every 8,000). */
  private static String establishmentNumber(int index) {
    return Integer.toString(2000 + index % 8000);
  }
}
