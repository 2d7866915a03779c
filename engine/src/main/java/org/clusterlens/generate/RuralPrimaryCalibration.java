package org.clusterlens.generate;

/**
 * Figures that make the demo cluster look like real small rural primaries, each worked out once
 * from the DfE files in the shared data folder (never read at run time).
 *
 * <p>"Small rural primaries" here are the 147 state-funded primaries in Hampshire (850) and Surrey
 * (936) with 35 to 300 pupils on roll in the January 2019 census whose Get Information About
 * Schools urban/rural class (April 2022) is one of the three "Rural" classes.
 */
final class RuralPrimaryCalibration {

  /**
   * Median % of pupils eligible for free school meals now: 5.3% (quartiles 2.9%, 8.3%); NUMFSM/NOR
   * in census_2019/england_census.csv joined to
   * gias_2022_hampshire_surrey/20220420_gias_hampshire_surrey.csv (UrbanRural).
   */
  static final double FSM_PERCENT = 5.3;

  /**
   * Median % ever eligible for FSM in the last six years (the bulk of "disadvantaged"): 7.2%
   * (quartiles 4.5%, 11.5%); PNUMFSMEVER in census_2019/england_census.csv, same schools.
   */
  static final double EVER_FSM_PERCENT = 7.2;

  /**
   * Looked-after or adopted-from-care pupils, who are disadvantaged without FSM. Not in the shared
   * files: an assumption of about 0.5%, so disadvantaged is a little above Ever 6 FSM.
   */
  static final double DISADVANTAGED_NOT_FSM_EXTRA_PERCENT = 0.5;

  /**
   * Median % on SEN support (K): 10.1% (quartiles 6.9%, 12.5%); PSENELK in
   * census_2019/england_census.csv, same schools.
   */
  static final double SEN_SUPPORT_PERCENT = 10.1;

  /**
   * Median % with an EHC plan or statement (E): 1.2% (quartiles 0.8%, 2.0%); PSENELSE in
   * census_2019/england_census.csv, same schools.
   */
  static final double EHC_PLAN_PERCENT = 1.2;

  /**
   * Median % with English as an additional language: 2.3% (quartiles 1.0%, 4.8%); PNUMEAL in
   * census_2019/england_census.csv, same schools.
   */
  static final double EAL_PERCENT = 2.3;

  /** Median % of boys: 50.6%; PNORB in census_2019/england_census.csv, same schools. */
  static final double BOYS_PERCENT = 50.6;

  /**
   * How much a school's rates vary around the medians, as the standard deviation of a log-normal
   * multiplier: the quartiles above sit at roughly 0.55 to 1.6 times the median, which a log-SD of
   * about 0.6 reproduces.
   */
  static final double SCHOOL_RATE_LOG_SD = 0.6;

  /**
   * Spread of school results: % Level 4+ in English and maths across 1,659 London primaries in
   * 2010/11 has SD 18.6 points (median 78%); % RWM expected across Hampshire and Surrey primaries
   * 2016/17 to 2018/19 has SD 14.0 to 14.4 points, 15.3 to 16.6 for cohorts of 30 or fewer
   * (ks2_2011_london_fesek/london_ks2_2011_derived.csv; ks2_2016_2019_hampshire_surrey/*-ks2.csv,
   * PTRWM_EXP). Most of that is cohort noise; the rest is this SD of a school's effect on its
   * pupils' ability, in pupil standard deviations.
   */
  static final double SCHOOL_EFFECT_SD = 0.25;

  /**
   * Mean teacher-assessed points of a Year 6 pupil in the summer, between 4b (27) and 4a (29):
   * national KS2 average point scores were about 28 to 29 in 2013-14. Tuned (with the spread below)
   * so that over 30 seeds the cluster averages 72% at Level 4+ and 21% at Level 5+ in reading,
   * writing and maths combined, against national figures of 75% and 21% (2013) and 79% and 24%
   * (2014) (data/dfe/PROVENANCE.md).
   */
  static final double YEAR6_SUMMER_MEAN_POINTS = 28.3;

  /**
   * Points gained a year: 3.25, a little above the tracker convention of 3 because the real
   * national KS1 to KS2 gain was 12 to 13 points over four years (reference/METHODOLOGY.md §1). It
   * puts a Year 2 pupil near 2b (15 points) by summer.
   */
  static final double POINTS_PER_YEAR = 3.25;

  /** Spread of pupils' points: SD 2.0 in Year 1, widening to about 4.1 in Year 6. */
  static final double POINTS_SD_BASE = 1.6;

  static final double POINTS_SD_PER_YEAR = 0.42;

  /** Term-to-term wobble in a teacher's judgement, in points. */
  static final double TERM_NOISE_POINTS = 0.8;

  /** How strongly a pupil's three subjects follow one general ability (correlation about 0.81). */
  static final double GENERAL_ABILITY_LOADING = 0.9;

  /** Ability shifts in pupil standard deviations: assumptions in line with published gaps. */
  static final double DISADVANTAGED_SHIFT = -0.5;

  static final double SEN_SUPPORT_SHIFT = -1.0;
  static final double EHC_PLAN_SHIFT = -1.8;
  static final double EAL_SHIFT = -0.15;
  static final double SEASON_OF_BIRTH_SHIFT = 0.15;

  /** Chance a pupil leaves, and rate at which pupils join, each term (an assumption). */
  static final double MOBILITY_PER_TERM = 0.012;

  /** Chance a pupil is absent from the KS2 tests (A in reading and maths). */
  static final double KS2_ABSENT = 0.01;

  /** Chance a pupil has A for all KS1 results. */
  static final double KS1_ABSENT = 0.005;

  /** Chance a statutory result lands one level off the teacher's sub-level at a c or a. */
  static final double RESULT_ACROSS_BOUNDARY = 0.2;

  private RuralPrimaryCalibration() {}
}
