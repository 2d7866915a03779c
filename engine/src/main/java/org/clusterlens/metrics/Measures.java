package org.clusterlens.metrics;

import java.util.List;

/**
 * The codes the metrics stage emits in the metrics export: measures, pupil groups and their values.
 * docs/METRICS.md lists them with their meaning.
 */
public final class Measures {

  /** Percentage of pupils at Level 4 or above. */
  public static final String PCT_LEVEL4_PLUS = "pct_level4_plus";

  /** Percentage of pupils at Level 5 or above. */
  public static final String PCT_LEVEL5_PLUS = "pct_level5_plus";

  /** Percentage of pupils at the expected standard or above (schemes other than levels). */
  public static final String PCT_EXPECTED_PLUS = "pct_expected_plus";

  /** Percentage of pupils at the higher standard or greater depth (schemes other than levels). */
  public static final String PCT_HIGHER_PLUS = "pct_higher_plus";

  /** Mean KS2 scaled score of the pupils who have one (KS2 from 2016). */
  public static final String AVERAGE_SCALED_SCORE = "average_scaled_score";

  /** Mean average point score. */
  public static final String AVERAGE_POINTS = "average_points";

  /** Change in percentage points of {@link #PCT_LEVEL4_PLUS} since the previous academic year. */
  public static final String SHIFT_PCT_LEVEL4_PLUS = "shift_" + PCT_LEVEL4_PLUS;

  /** Change in percentage points of {@link #PCT_LEVEL5_PLUS} since the previous academic year. */
  public static final String SHIFT_PCT_LEVEL5_PLUS = "shift_" + PCT_LEVEL5_PLUS;

  /** Change in percentage points of {@link #PCT_EXPECTED_PLUS} since the previous year. */
  public static final String SHIFT_PCT_EXPECTED_PLUS = "shift_" + PCT_EXPECTED_PLUS;

  /** Change in percentage points of {@link #PCT_HIGHER_PLUS} since the previous year. */
  public static final String SHIFT_PCT_HIGHER_PLUS = "shift_" + PCT_HIGHER_PLUS;

  /** Change of {@link #PCT_LEVEL4_PLUS} since the term before, for the same year group's cohort. */
  public static final String TERM_SHIFT_PCT_LEVEL4_PLUS = "term_shift_" + PCT_LEVEL4_PLUS;

  /** Change of {@link #PCT_LEVEL5_PLUS} since the term before, for the same year group's cohort. */
  public static final String TERM_SHIFT_PCT_LEVEL5_PLUS = "term_shift_" + PCT_LEVEL5_PLUS;

  /** A group's {@link #PCT_LEVEL4_PLUS} minus the rest of the school's (or cluster's). */
  public static final String GAP_PCT_LEVEL4_PLUS = "gap_" + PCT_LEVEL4_PLUS;

  /** A group's {@link #PCT_LEVEL5_PLUS} minus the rest of the school's (or cluster's). */
  public static final String GAP_PCT_LEVEL5_PLUS = "gap_" + PCT_LEVEL5_PLUS;

  /** A group's {@link #AVERAGE_POINTS} minus the rest of the school's (or cluster's). */
  public static final String GAP_AVERAGE_POINTS = "gap_" + AVERAGE_POINTS;

  /** The disadvantaged {@link #GAP_PCT_LEVEL4_PLUS} now minus the same gap two years before. */
  public static final String GAP_CHANGE_PCT_LEVEL4_PLUS = "gap_change_" + PCT_LEVEL4_PLUS;

  /** The disadvantaged {@link #GAP_PCT_LEVEL5_PLUS} now minus the same gap two years before. */
  public static final String GAP_CHANGE_PCT_LEVEL5_PLUS = "gap_change_" + PCT_LEVEL5_PLUS;

  /** Mean teacher-assessment points gained since the previous term. */
  public static final String PROGRESS_POINTS_TERM = "progress_points_term";

  /** Mean teacher-assessment points gained since the same term a year before. */
  public static final String PROGRESS_POINTS_YEAR = "progress_points_year";

  /** Percentage of KS2 pupils who made at least two whole levels since KS1. */
  public static final String PCT_EXPECTED_PROGRESS = "pct_expected_progress";

  /** Mean KS2 points above the cluster's pupils with the same KS1 prior-attainment band. */
  public static final String VALUE_ADDED = "value_added";

  /** Mean KS2 points above the supplied reference's pupils with the same KS1 band. */
  public static final String VALUE_ADDED_NATIONAL = "value_added_national";

  /** The assessment and subject code of context figures. */
  public static final String CONTEXT = "context";

  /** Pupils on the school's return (the cohort behind its context figures). */
  public static final String CONTEXT_PUPILS = "context_pupils";

  /** Context: % eligible for free school meals now. */
  public static final String CONTEXT_PCT_FSM = "context_pct_fsm";

  /** Context: % disadvantaged (pupil premium). */
  public static final String CONTEXT_PCT_DISADVANTAGED = "context_pct_disadvantaged";

  /** Context: % with SEN support or an EHC plan. */
  public static final String CONTEXT_PCT_SEN = "context_pct_sen";

  /** Context: % with English as an additional language. */
  public static final String CONTEXT_PCT_EAL = "context_pct_eal";

  /** Context: % stable (joined before the previous academic year began), of pupils known. */
  public static final String CONTEXT_PCT_STABLE = "context_pct_stable";

  /**
   * Pupils counted in the all-pupil figure whose value of a pupil group (the figure's group) is not
   * known, so they are in none of its values.
   */
  public static final String PUPILS_NOT_KNOWN = "pupils_not_known";

  /** The group value of {@link #PUPILS_NOT_KNOWN}. */
  public static final String NOT_KNOWN = "not_known";

  /** Beside a shift: pupils counted now minus before. */
  public static final String COHORT_CHANGE_PUPILS = "cohort_change_pupils";

  /** Beside a shift: % disadvantaged now minus before, percentage points. */
  public static final String COHORT_CHANGE_PCT_DISADVANTAGED = "cohort_change_pct_disadvantaged";

  /** Beside a shift: % with SEN (support or EHC plan) now minus before. */
  public static final String COHORT_CHANGE_PCT_SEN = "cohort_change_pct_sen";

  /** Beside a shift: % with low KS1 prior attainment (of those known) now minus before. */
  public static final String COHORT_CHANGE_PCT_LOW_PRIOR_ATTAINMENT =
      "cohort_change_pct_low_prior_attainment";

  /** Assessment codes. */
  public static final String TEACHER = "teacher";

  public static final String KS1 = "ks1";
  public static final String KS2 = "ks2";

  /** The summer term, when statutory results are taken. */
  public static final String SUMMER = "summer";

  /** Group code: the National Curriculum year (teacher assessment only). */
  public static final String YEAR_GROUP = "year_group";

  /** Group code: pupil premium (values {@link #YES}, {@link #NO}). */
  public static final String DISADVANTAGED = "disadvantaged";

  /** Group code: eligible for free school meals now ({@link #YES}, {@link #NO}). */
  public static final String FSM = "fsm";

  /** Group code: SEN provision (census codes N, K, E). */
  public static final String SEN = "sen";

  /** Group code: English as an additional language ({@link #YES}, {@link #NO}). */
  public static final String EAL = "eal";

  /** Group code: gender (M, F). */
  public static final String GENDER = "gender";

  /** Group code: autumn, spring or summer born. */
  public static final String SEASON_OF_BIRTH = "season_of_birth";

  /** Group code: low, middle or high KS1 average point score. */
  public static final String PRIOR_ATTAINMENT = "prior_attainment";

  /** Group code: stable or mobile. */
  public static final String MOBILITY = "mobility";

  /** Group code: the ethnicity major group (white, mixed, asian, black, chinese, other, …). */
  public static final String ETHNICITY = "ethnicity";

  /** Group values of the yes/no groups. */
  public static final String YES = "Y";

  public static final String NO = "N";

  /** Mobility values. */
  public static final String STABLE = "stable";

  public static final String MOBILE = "mobile";

  /** Pupil groups, in the order packs list them. */
  public static final List<String> PUPIL_GROUPS =
      List.of(
          DISADVANTAGED,
          FSM,
          SEN,
          EAL,
          GENDER,
          SEASON_OF_BIRTH,
          PRIOR_ATTAINMENT,
          MOBILITY,
          ETHNICITY);

  /** Subjects in the order packs list them; {@code rwm} last. */
  public static final List<String> SUBJECTS = List.of("reading", "writing", "maths", "rwm");

  /** Year-group values in the order packs list them; {@code all} first. */
  public static final List<String> YEAR_GROUPS = List.of("all", "1", "2", "3", "4", "5", "6");

  private Measures() {}
}
