package org.clusterlens.generate;

import java.time.LocalDate;
import java.util.Random;
import org.clusterlens.model.Ethnicity;
import org.clusterlens.model.Term;

/**
 * A generated pupil's ethnicity and the date they joined the school. Each pupil's values come from
 * a generator seeded by their UPN, so adding them left every other generated value unchanged.
 *
 * <p>The shared DfE files hold no ethnicity (the 2019 school-level census extract has roll, sex,
 * SEN, language and FSM columns only), so the shares below are an assumption for rural southern
 * English primaries: about nine in ten White British, the rest spread over the other codes. Pupils
 * with English as an additional language are drawn from the codes other than White British.
 */
final class PupilBackground {

  /** Codes and their assumed shares (per thousand) among pupils whose first language is English. */
  private static final Object[][] ENGLISH_FIRST_LANGUAGE = {
    {Ethnicity.WBRI, 880},
    {Ethnicity.WIRI, 4},
    {Ethnicity.WIRT, 1},
    {Ethnicity.WOTH, 12},
    {Ethnicity.WROM, 3},
    {Ethnicity.MWBC, 9},
    {Ethnicity.MWBA, 5},
    {Ethnicity.MWAS, 13},
    {Ethnicity.MOTH, 14},
    {Ethnicity.AIND, 5},
    {Ethnicity.APKN, 1},
    {Ethnicity.ABAN, 1},
    {Ethnicity.AOTH, 4},
    {Ethnicity.BCRB, 2},
    {Ethnicity.BAFR, 5},
    {Ethnicity.BOTH, 1},
    {Ethnicity.CHNE, 2},
    {Ethnicity.OOTH, 4},
    {Ethnicity.REFU, 14},
    {Ethnicity.NOBT, 0},
  };

  /** Assumed shares (per thousand) among pupils with English as an additional language. */
  private static final Object[][] ADDITIONAL_LANGUAGE = {
    {Ethnicity.WOTH, 420},
    {Ethnicity.WROM, 40},
    {Ethnicity.MOTH, 40},
    {Ethnicity.MWAS, 30},
    {Ethnicity.AIND, 90},
    {Ethnicity.APKN, 30},
    {Ethnicity.ABAN, 20},
    {Ethnicity.AOTH, 90},
    {Ethnicity.BAFR, 60},
    {Ethnicity.CHNE, 40},
    {Ethnicity.OOTH, 50},
    {Ethnicity.REFU, 10},
    {Ethnicity.NOBT, 80},
  };

  private PupilBackground() {}

  /** The pupil's ethnicity, drawn once from their UPN. */
  static Ethnicity ethnicity(String upn, boolean eal) {
    Object[][] shares = eal ? ADDITIONAL_LANGUAGE : ENGLISH_FIRST_LANGUAGE;
    int total = 0;
    for (Object[] share : shares) {
      total += (Integer) share[1];
    }
    int draw = random(upn, 1).nextInt(total);
    for (Object[] share : shares) {
      draw -= (Integer) share[1];
      if (draw < 0) {
        return (Ethnicity) share[0];
      }
    }
    throw new IllegalStateException("Shares of ethnicity do not add up");
  }

  /**
   * The date a pupil joined: a joiner on roll from {@code firstTerm} joined in that term's first
   * fortnight; a pupil on roll from the start joined in Reception, unless (at the demo's mobility
   * rate, three terms a year) they moved in a later September, up to the first term they appear in.
   */
  static LocalDate dateJoined(
      String upn, int receptionYear, Term firstTerm, boolean joiner, double mobilityPerTerm) {
    Random random = random(upn, 2);
    if (joiner) {
      return termStart(firstTerm).plusDays(random.nextInt(14));
    }
    int joinedYear = receptionYear;
    for (int year = receptionYear + 1; year <= firstTerm.startYear(); year++) {
      if (random.nextDouble() < 3 * mobilityPerTerm) {
        joinedYear = year;
      }
    }
    return LocalDate.of(joinedYear, 9, 1 + random.nextInt(7));
  }

  private static LocalDate termStart(Term term) {
    return switch (term.season()) {
      case AUTUMN -> LocalDate.of(term.startYear(), 9, 1);
      case SPRING -> LocalDate.of(term.startYear() + 1, 1, 4);
      case SUMMER -> LocalDate.of(term.startYear() + 1, 4, 15);
    };
  }

  private static Random random(String upn, int stream) {
    return new Random(upn.hashCode() * 31L + stream);
  }
}
