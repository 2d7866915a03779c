package org.clusterlens.report;

import java.util.List;

/** The measure, assessment and subject codes the metrics stage emits and the packs read. */
public final class Measures {

  public static final String PCT_LEVEL4 = "pct_level4_plus";
  public static final String PCT_LEVEL5 = "pct_level5_plus";
  public static final String AVERAGE_POINTS = "average_points";
  public static final String SHIFT_LEVEL4 = "shift_pct_level4_plus";
  public static final String SHIFT_LEVEL5 = "shift_pct_level5_plus";

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
