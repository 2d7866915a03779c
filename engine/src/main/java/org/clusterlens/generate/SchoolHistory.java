package org.clusterlens.generate;

import static org.clusterlens.generate.RuralPrimaryCalibration.BOYS_PERCENT;
import static org.clusterlens.generate.RuralPrimaryCalibration.DISADVANTAGED_NOT_FSM_EXTRA_PERCENT;
import static org.clusterlens.generate.RuralPrimaryCalibration.DISADVANTAGED_SHIFT;
import static org.clusterlens.generate.RuralPrimaryCalibration.EAL_PERCENT;
import static org.clusterlens.generate.RuralPrimaryCalibration.EAL_SHIFT;
import static org.clusterlens.generate.RuralPrimaryCalibration.EHC_PLAN_PERCENT;
import static org.clusterlens.generate.RuralPrimaryCalibration.EHC_PLAN_SHIFT;
import static org.clusterlens.generate.RuralPrimaryCalibration.EVER_FSM_PERCENT;
import static org.clusterlens.generate.RuralPrimaryCalibration.FSM_PERCENT;
import static org.clusterlens.generate.RuralPrimaryCalibration.GENERAL_ABILITY_LOADING;
import static org.clusterlens.generate.RuralPrimaryCalibration.KS1_ABSENT;
import static org.clusterlens.generate.RuralPrimaryCalibration.KS2_ABSENT;
import static org.clusterlens.generate.RuralPrimaryCalibration.MOBILITY_PER_TERM;
import static org.clusterlens.generate.RuralPrimaryCalibration.RESULT_ACROSS_BOUNDARY;
import static org.clusterlens.generate.RuralPrimaryCalibration.SCHOOL_EFFECT_SD;
import static org.clusterlens.generate.RuralPrimaryCalibration.SCHOOL_RATE_LOG_SD;
import static org.clusterlens.generate.RuralPrimaryCalibration.SEASON_OF_BIRTH_SHIFT;
import static org.clusterlens.generate.RuralPrimaryCalibration.SEN_SUPPORT_PERCENT;
import static org.clusterlens.generate.RuralPrimaryCalibration.SEN_SUPPORT_SHIFT;
import static org.clusterlens.generate.RuralPrimaryCalibration.TERM_NOISE_POINTS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.clusterlens.model.Sen;
import org.clusterlens.model.Subject;
import org.clusterlens.model.Term;
import org.clusterlens.model.Upn;

/**
 * Lives one demo school through six terms: who is on roll each term (a new Year 1 each autumn, Year
 * 6 leaving each summer, a few joiners and leavers), their characteristics, their teacher
 * assessments and their KS1 and KS2 results.
 *
 * <p>All randomness comes from the one {@link Random} given, drawn in a fixed order, so the same
 * seed gives the same school.
 */
final class SchoolHistory {

  /** The six terms the demo covers, in order. */
  static final List<Term> TERMS =
      List.of(
          new Term("2023-24", Term.Season.AUTUMN),
          new Term("2023-24", Term.Season.SPRING),
          new Term("2023-24", Term.Season.SUMMER),
          new Term("2024-25", Term.Season.AUTUMN),
          new Term("2024-25", Term.Season.SPRING),
          new Term("2024-25", Term.Season.SUMMER));

  /** The smallest and largest roll (Years 1 to 6) any demo school may have in any term. */
  static final int MIN_ROLL = 35;

  static final int MAX_ROLL = 300;

  /** The cluster's own LA: Hampshire. */
  static final String HOME_LA = "850";

  /** LAs a joiner's UPN may come from: Hampshire, Surrey, Portsmouth, Southampton, Wiltshire. */
  private static final List<String> JOINERS_LAS = List.of("850", "936", "851", "852", "865");

  private static final int SUBJECTS = Subject.values().length;

  /** The mean ability shift the median school's intake carries, taken back out so 0 is typical. */
  private static final double INTAKE_CENTRE =
      -((EVER_FSM_PERCENT + DISADVANTAGED_NOT_FSM_EXTRA_PERCENT) / 100 * DISADVANTAGED_SHIFT
          + SEN_SUPPORT_PERCENT / 100 * SEN_SUPPORT_SHIFT
          + EHC_PLAN_PERCENT / 100 * EHC_PLAN_SHIFT
          + EAL_PERCENT / 100 * EAL_SHIFT);

  private final DemoSchool plan;
  private final Random random;
  private final PupilNames names;
  private final Set<String> issuedUpns;
  private final List<PupilHistory> pupils = new ArrayList<>();

  private final double fsmRate;
  private final double everFsmRate;
  private final double senSupportRate;
  private final double ehcPlanRate;
  private final double ealRate;
  private final double schoolEffect;

  private SchoolHistory(DemoSchool plan, Random random, PupilNames names, Set<String> issuedUpns) {
    this.plan = plan;
    this.random = random;
    this.names = names;
    this.issuedUpns = issuedUpns;
    double fsmSpread = Math.exp(SCHOOL_RATE_LOG_SD * random.nextGaussian());
    this.fsmRate = Math.min(0.4, FSM_PERCENT / 100 * fsmSpread);
    this.everFsmRate = Math.min(0.5, EVER_FSM_PERCENT / 100 * fsmSpread);
    this.senSupportRate =
        Math.min(
            0.3,
            SEN_SUPPORT_PERCENT / 100 * Math.exp(SCHOOL_RATE_LOG_SD / 2 * random.nextGaussian()));
    this.ehcPlanRate =
        Math.min(
            0.08, EHC_PLAN_PERCENT / 100 * Math.exp(SCHOOL_RATE_LOG_SD * random.nextGaussian()));
    this.ealRate =
        Math.min(0.3, EAL_PERCENT / 100 * Math.exp(SCHOOL_RATE_LOG_SD * random.nextGaussian()));
    this.schoolEffect = plan.plantedRise() ? 0 : SCHOOL_EFFECT_SD * random.nextGaussian();
  }

  /**
   * Generates the school's rows for each of the six terms.
   *
   * @param issuedUpns every UPN issued so far in the cluster; the new ones are added
   * @throws IllegalStateException if the roll leaves 35 to 300 in some term
   */
  static Map<Term, List<ReturnRow>> simulate(
      DemoSchool plan, Random random, PupilNames names, Set<String> issuedUpns) {
    SchoolHistory history = new SchoolHistory(plan, random, names, issuedUpns);
    history.enrolStartingCohorts();
    history.moveThroughTerms();
    history.assessEveryTerm();
    if (plan.plantedRise()) {
      history.plantRise(receptionYearOfYear6(PlantedRise.BEFORE_YEAR), PlantedRise.BEFORE);
      history.plantRise(receptionYearOfYear6(PlantedRise.AFTER_YEAR), PlantedRise.AFTER);
    }
    history.awardStatutoryResults();
    return history.rows();
  }

  private static int receptionYearOfYear6(String academicYear) {
    return Integer.parseInt(academicYear.substring(0, 4)) - 6;
  }

  private static int startYear(int termIndex) {
    return TERMS.get(termIndex).startYear();
  }

  /** The last term a pupil who started Reception in {@code receptionYear} can be on roll. */
  private static int lastPossibleTerm(int receptionYear) {
    int year6Start = receptionYear + 6;
    for (int t = TERMS.size() - 1; t >= 0; t--) {
      if (startYear(t) <= year6Start) {
        return t;
      }
    }
    throw new IllegalStateException("No demo term for a pupil who started in " + receptionYear);
  }

  private void enrolStartingCohorts() {
    int first = startYear(0);
    List<Integer> sizes = plan.yearGroupSizes();
    for (int year = 1; year <= 6; year++) {
      int size = sizes.isEmpty() ? drawCohortSize() : sizes.get(year - 1);
      for (int i = 0; i < size; i++) {
        pupils.add(newPupil(first - year, 0, false));
      }
    }
    int arriving = 3;
    int newYear1 = plan.newYear1Size() > 0 ? plan.newYear1Size() : drawCohortSize();
    for (int i = 0; i < newYear1; i++) {
      pupils.add(newPupil(startYear(arriving) - 1, arriving, false));
    }
  }

  private int drawCohortSize() {
    double base = plan.targetRoll() / 6.0;
    return Math.max(3, (int) Math.round(base * (1 + 0.15 * random.nextGaussian())));
  }

  /** Pupils leave and join between terms, keeping the roll within 35 to 300. */
  private void moveThroughTerms() {
    for (int t = 0; t + 1 < TERMS.size(); t++) {
      for (PupilHistory p : pupils) {
        if (p.onRoll(t) && p.lastTerm > t && !protectedCohort(p.receptionYear)) {
          if (random.nextDouble() < MOBILITY_PER_TERM) {
            p.lastTerm = t;
          }
        }
      }
      int next = t + 1;
      int rollBefore = roll(t);
      int joiners = 0;
      for (int i = 0; i < rollBefore; i++) {
        joiners += random.nextDouble() < MOBILITY_PER_TERM ? 1 : 0;
      }
      int rollWithoutJoiners = roll(next);
      joiners = Math.min(joiners, MAX_ROLL - rollWithoutJoiners);
      joiners = Math.max(joiners, MIN_ROLL + 1 - rollWithoutJoiners);
      for (int i = 0; i < joiners; i++) {
        int receptionYear;
        do {
          receptionYear = startYear(next) - (1 + random.nextInt(6));
        } while (protectedCohort(receptionYear));
        pupils.add(newPupil(receptionYear, next, true));
      }
    }
    for (int t = 0; t < TERMS.size(); t++) {
      int roll = roll(t);
      if (roll < MIN_ROLL || roll > MAX_ROLL) {
        throw new IllegalStateException(
            "Demo school "
                + plan.school().urn()
                + " has a roll of "
                + roll
                + " in "
                + TERMS.get(t)
                + "; it must stay within "
                + MIN_ROLL
                + " to "
                + MAX_ROLL);
      }
    }
  }

  /** The planted school's two KS2 cohorts keep exactly their pupils: no one joins or leaves. */
  private boolean protectedCohort(int receptionYear) {
    return plan.plantedRise()
        && (receptionYear == receptionYearOfYear6(PlantedRise.BEFORE_YEAR)
            || receptionYear == receptionYearOfYear6(PlantedRise.AFTER_YEAR));
  }

  private int roll(int termIndex) {
    return (int) pupils.stream().filter(p -> p.onRoll(termIndex)).count();
  }

  private PupilHistory newPupil(int receptionYear, int firstTerm, boolean joiner) {
    String gender = random.nextDouble() * 100 < BOYS_PERCENT ? "M" : "F";
    PupilNames.FullName name = names.next(gender, random);
    LocalDate earliest = LocalDate.of(receptionYear - 5, 9, 1);
    LocalDate dateOfBirth = earliest.plusDays(random.nextInt(365));
    boolean fsm = random.nextDouble() < fsmRate;
    double disadvantagedWithoutFsm =
        (everFsmRate - fsmRate + DISADVANTAGED_NOT_FSM_EXTRA_PERCENT / 100) / (1 - fsmRate);
    boolean disadvantaged = fsm || random.nextDouble() < disadvantagedWithoutFsm;
    double senDraw = random.nextDouble();
    Sen sen =
        senDraw < ehcPlanRate
            ? Sen.EHC_PLAN
            : senDraw < ehcPlanRate + senSupportRate ? Sen.SUPPORT : Sen.NONE;
    boolean eal = random.nextDouble() < ealRate;
    String upn = joiner ? joinerUpn(receptionYear) : ownUpn(receptionYear);

    double general =
        random.nextGaussian()
            + INTAKE_CENTRE
            + schoolEffect
            + (disadvantaged ? DISADVANTAGED_SHIFT : 0)
            + (sen == Sen.SUPPORT ? SEN_SUPPORT_SHIFT : 0)
            + (sen == Sen.EHC_PLAN ? EHC_PLAN_SHIFT : 0)
            + (eal ? EAL_SHIFT : 0)
            + seasonOfBirthShift(dateOfBirth)
            + plantedCohortShift(receptionYear);
    double specific = Math.sqrt(1 - GENERAL_ABILITY_LOADING * GENERAL_ABILITY_LOADING);
    double[] ability = new double[SUBJECTS];
    for (int s = 0; s < SUBJECTS; s++) {
      ability[s] = GENERAL_ABILITY_LOADING * general + specific * random.nextGaussian();
    }
    PupilHistory p =
        new PupilHistory(
            upn, name, dateOfBirth, gender, fsm, disadvantaged, sen, eal, receptionYear, ability);
    p.firstTerm = firstTerm;
    p.joiner = joiner;
    p.lastTerm = lastPossibleTerm(receptionYear);
    return p;
  }

  /**
   * The planted school's two KS2 cohorts: the later one stronger, the earlier weaker, so its
   * planted rise shows in every subject; 0 for every other cohort and school.
   */
  private double plantedCohortShift(int receptionYear) {
    if (!plan.plantedRise()) {
      return 0;
    }
    if (receptionYear == receptionYearOfYear6(PlantedRise.BEFORE_YEAR)) {
      return PlantedRise.BEFORE_COHORT_SHIFT;
    }
    if (receptionYear == receptionYearOfYear6(PlantedRise.AFTER_YEAR)) {
      return PlantedRise.AFTER_COHORT_SHIFT;
    }
    return 0;
  }

  /** Autumn-born pupils are the oldest in their year and do a little better on average. */
  private static double seasonOfBirthShift(LocalDate dateOfBirth) {
    int month = dateOfBirth.getMonthValue();
    if (month >= 9) {
      return SEASON_OF_BIRTH_SHIFT;
    }
    return month >= 5 ? -SEASON_OF_BIRTH_SHIFT : 0;
  }

  /** A UPN this school issued when the pupil started Reception here. */
  private String ownUpn(int receptionYear) {
    while (true) {
      String serial = String.format(Locale.ROOT, "%03d", 1 + random.nextInt(999));
      String rest =
          HOME_LA
              + plan.establishmentNumber()
              + String.format(Locale.ROOT, "%02d", receptionYear % 100)
              + serial;
      String upn = Upn.checkLetter(rest) + rest;
      if (issuedUpns.add(upn)) {
        return upn;
      }
    }
  }

  /** A UPN another school issued: the pupil joined from elsewhere. */
  private String joinerUpn(int receptionYear) {
    while (true) {
      String rest =
          JOINERS_LAS.get(random.nextInt(JOINERS_LAS.size()))
              + String.format(Locale.ROOT, "%04d", 2000 + random.nextInt(2000))
              + String.format(Locale.ROOT, "%02d", receptionYear % 100)
              + String.format(Locale.ROOT, "%03d", 1 + random.nextInt(999));
      String upn = Upn.checkLetter(rest) + rest;
      if (issuedUpns.add(upn)) {
        return upn;
      }
    }
  }

  /** Teacher assessment each term the pupil is on roll, never falling from one term to the next. */
  private void assessEveryTerm() {
    for (PupilHistory p : pupils) {
      for (int t = p.firstTerm; t <= p.lastTerm; t++) {
        int yearGroup = p.yearGroup(t);
        Term.Season season = TERMS.get(t).season();
        for (int s = 0; s < SUBJECTS; s++) {
          double points =
              AttainmentModel.meanPoints(yearGroup, season)
                  + AttainmentModel.pointsSd(yearGroup) * p.ability[s]
                  + PlantedPattern.attainment(plan.school().urn(), Subject.values()[s])
                  + TERM_NOISE_POINTS * random.nextGaussian();
          int sublevel = AttainmentModel.nearestSublevel(points);
          if (t > p.firstTerm) {
            sublevel = Math.max(sublevel, p.points[t - 1][s]);
          }
          p.points[t][s] = sublevel;
        }
      }
    }
  }

  /**
   * Makes a Year 6 cohort's summer sub-levels give exactly the planted combined counts, nudging
   * pupils by their overall ability: the strongest reach Level 5 in all three subjects, the next
   * reach Level 4 in all three, and the rest fall short of Level 4 in their weakest subject. The
   * statutory results then follow the summer sub-levels without noise.
   */
  private void plantRise(int receptionYear, KeyStage2Combined target) {
    List<PupilHistory> cohort =
        pupils.stream()
            .filter(p -> p.receptionYear == receptionYear)
            .sorted(
                Comparator.comparingDouble(PupilHistory::overallAbility)
                    .reversed()
                    .thenComparing(p -> p.upn))
            .toList();
    if (cohort.size() != target.pupils()) {
      throw new IllegalStateException(
          "The planted cohort has " + cohort.size() + " pupils, not " + target.pupils());
    }
    int lastLevel5 = target.level5Plus();
    int lastLevel4 = target.level4Plus();
    for (int i = 0; i < cohort.size(); i++) {
      PupilHistory p = cohort.get(i);
      int summer = p.lastTerm;
      if (i < lastLevel5) {
        p.raiseSummer(summer, subLevel(5, -2));
      } else if (i < lastLevel4) {
        p.raiseSummer(summer, subLevel(4, -2));
        if (p.lowestLevel(summer) >= 5) {
          p.capSubject(p.weakestSubject(summer), subLevel(4, 2));
        }
      } else if (p.lowestLevel(summer) >= 4) {
        p.capSubject(p.weakestSubject(summer), subLevel(3, 2));
      }
      p.resultsFollowSummer = true;
    }
  }

  private static int subLevel(int level, int step) {
    return 6 * level + 3 + step;
  }

  /** KS1 results in a Year 2 pupil's summer row, KS2 results in a Year 6 pupil's. */
  private void awardStatutoryResults() {
    for (PupilHistory p : pupils) {
      for (int t = p.firstTerm; t <= p.lastTerm; t++) {
        if (TERMS.get(t).season() != Term.Season.SUMMER) {
          continue;
        }
        int[] summer = p.points[t];
        if (p.yearGroup(t) == 2) {
          p.ks1 =
              random.nextDouble() < KS1_ABSENT
                  ? new SubjectGrades("A", "A", "A")
                  : new SubjectGrades(
                      AttainmentModel.keyStage1Code(summer[0]),
                      AttainmentModel.keyStage1Code(summer[1]),
                      AttainmentModel.keyStage1Code(summer[2]));
        } else if (p.yearGroup(t) == 6) {
          p.ks2 = keyStage2(p, summer);
        }
      }
    }
  }

  private SubjectGrades keyStage2(PupilHistory p, int[] summer) {
    String[] codes = new String[SUBJECTS];
    for (Subject subject : Subject.values()) {
      int s = subject.ordinal();
      int level = AttainmentModel.level(summer[s]);
      if (!p.resultsFollowSummer) {
        int step = AttainmentModel.step(summer[s]);
        if (step != 0 && random.nextDouble() < RESULT_ACROSS_BOUNDARY) {
          level += Integer.signum(step);
        }
      }
      codes[s] = AttainmentModel.keyStage2Code(subject, level);
    }
    if (!p.resultsFollowSummer && random.nextDouble() < KS2_ABSENT) {
      codes[Subject.READING.ordinal()] = "A";
      codes[Subject.MATHS.ordinal()] = "A";
    }
    return new SubjectGrades(codes[0], codes[1], codes[2]);
  }

  private Map<Term, List<ReturnRow>> rows() {
    Map<Term, List<ReturnRow>> byTerm = new LinkedHashMap<>();
    Comparator<ReturnRow> misOrder =
        Comparator.comparingInt(ReturnRow::yearGroup)
            .thenComparing(ReturnRow::surname)
            .thenComparing(ReturnRow::forename)
            .thenComparing(ReturnRow::upn);
    for (int t = 0; t < TERMS.size(); t++) {
      int term = t;
      byTerm.put(
          TERMS.get(t),
          pupils.stream()
              .filter(p -> p.onRoll(term))
              .map(p -> p.row(term, plan.school().urn()))
              .sorted(misOrder)
              .toList());
    }
    return byTerm;
  }

  /** One pupil's life in the school while it is being generated. */
  private static final class PupilHistory {
    final String upn;
    final PupilNames.FullName name;
    final LocalDate dateOfBirth;
    final String gender;
    final boolean fsm;
    final boolean disadvantaged;
    final Sen sen;
    final boolean eal;
    final int receptionYear;
    final double[] ability;
    final int[][] points = new int[TERMS.size()][SUBJECTS];
    int firstTerm;
    boolean joiner;
    int lastTerm;
    boolean resultsFollowSummer;
    SubjectGrades ks1;
    SubjectGrades ks2;

    PupilHistory(
        String upn,
        PupilNames.FullName name,
        LocalDate dateOfBirth,
        String gender,
        boolean fsm,
        boolean disadvantaged,
        Sen sen,
        boolean eal,
        int receptionYear,
        double[] ability) {
      this.upn = upn;
      this.name = name;
      this.dateOfBirth = dateOfBirth;
      this.gender = gender;
      this.fsm = fsm;
      this.disadvantaged = disadvantaged;
      this.sen = sen;
      this.eal = eal;
      this.receptionYear = receptionYear;
      this.ability = ability.clone();
    }

    boolean onRoll(int termIndex) {
      return firstTerm <= termIndex && termIndex <= lastTerm;
    }

    int yearGroup(int termIndex) {
      return startYear(termIndex) - receptionYear;
    }

    double overallAbility() {
      double sum = 0;
      for (double a : ability) {
        sum += a;
      }
      return sum / ability.length;
    }

    int lowestLevel(int termIndex) {
      int lowest = Integer.MAX_VALUE;
      for (int s = 0; s < SUBJECTS; s++) {
        lowest = Math.min(lowest, AttainmentModel.level(points[termIndex][s]));
      }
      return lowest;
    }

    int weakestSubject(int termIndex) {
      int weakest = 0;
      for (int s = 1; s < SUBJECTS; s++) {
        if (points[termIndex][s] < points[termIndex][weakest]) {
          weakest = s;
        }
      }
      return weakest;
    }

    /** Lifts every subject's summer sub-level to at least {@code floor}; earlier terms stay. */
    void raiseSummer(int summer, int floor) {
      for (int s = 0; s < SUBJECTS; s++) {
        points[summer][s] = Math.max(points[summer][s], floor);
      }
    }

    private static String teacherCode(String urn, Subject subject, int[] points) {
      return AttainmentModel.teacherCode(
          PlantedPattern.teacherAssessed(urn, subject, points[subject.ordinal()]));
    }

    /** Holds one subject at or below {@code cap} in every term, so it never falls. */
    void capSubject(int subject, int cap) {
      for (int t = firstTerm; t <= lastTerm; t++) {
        points[t][subject] = Math.min(points[t][subject], cap);
      }
    }

    ReturnRow row(int termIndex, String urn) {
      int[] p = points[termIndex];
      boolean summer = TERMS.get(termIndex).season() == Term.Season.SUMMER;
      int yearGroup = yearGroup(termIndex);
      return new ReturnRow(
          upn,
          name.forename(),
          name.surname(),
          dateOfBirth,
          gender,
          yearGroup,
          fsm,
          disadvantaged,
          sen,
          eal,
          PupilBackground.ethnicity(upn, eal),
          PupilBackground.dateJoined(
              upn, receptionYear, TERMS.get(firstTerm), joiner, MOBILITY_PER_TERM),
          new SubjectGrades(
              teacherCode(urn, Subject.READING, p),
              teacherCode(urn, Subject.WRITING, p),
              teacherCode(urn, Subject.MATHS, p)),
          summer && yearGroup == 2 ? ks1 : null,
          summer && yearGroup == 6 ? ks2 : null);
    }
  }
}
