package org.clusterlens.report;

import java.util.List;

/** The measure, assessment and subject codes the metrics stage emits and the packs read. */
public final class Measures {

  public static final String PCT_LEVEL4 = "pct_level4_plus";
  public static final String PCT_LEVEL5 = "pct_level5_plus";
  public static final String AVERAGE_POINTS = "average_points";
  public static final String SHIFT_LEVEL4 = "shift_pct_level4_plus";
  public static final String SHIFT_LEVEL5 = "shift_pct_level5_plus";

  /** Progress and value added (the measures stage's codes, docs/METRICS.md). */
  public static final String PROGRESS_TERM = "progress_points_term";

  public static final String PROGRESS_YEAR = "progress_points_year";
  public static final String EXPECTED_PROGRESS = "pct_expected_progress";
  public static final String VALUE_ADDED = "value_added";

  /** Gaps between a group and the rest of its school, in percentage points. */
  public static final String GAP_LEVEL4 = "gap_pct_level4_plus";

  /** Context: pupils on the return and the % in each group, subject {@link #CONTEXT}. */
  public static final String CONTEXT = "context";

  public static final String CONTEXT_PUPILS = "context_pupils";
  public static final String CONTEXT_FSM = "context_pct_fsm";
  public static final String CONTEXT_DISADVANTAGED = "context_pct_disadvantaged";
  public static final String CONTEXT_SEN = "context_pct_sen";
  public static final String CONTEXT_EAL = "context_pct_eal";

  /** Below this many pupils a group is not compared (the reporting threshold). */
  public static final int REPORTING_THRESHOLD = 11;

  public static final String TEACHER = "teacher";
  public static final String KS2 = "ks2";
  public static final String YEAR_GROUP = "year_group";
  public static final String SUMMER = "summer";

  /** Subjects in the order packs list them; {@code rwm} last. */
  public static final List<String> SUBJECTS = List.of("reading", "writing", "maths", "rwm");

  /** Year-group values in the order packs list them; {@code all} first. */
  public static final List<String> YEAR_GROUPS = List.of("all", "1", "2", "3", "4", "5", "6");

  private Measures() {}
}
