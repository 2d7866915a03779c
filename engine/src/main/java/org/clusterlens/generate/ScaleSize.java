package org.clusterlens.generate;

import java.io.Serializable;

/**
 * How large a generated dataset is: how many schools, and how many academic years of three termly
 * returns each.
 *
 * @param label what the size is called in messages, e.g. "local authority"
 * @param schools how many schools, at least 1
 * @param years academic years of returns, 2 (2023-24 and 2024-25) or 3 (and 2025-26)
 */
public record ScaleSize(String label, int schools, int years) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A local authority: 300 small primaries, three years of termly returns (2,700 returns). */
  public static final ScaleSize LOCAL_AUTHORITY = new ScaleSize("local authority", 300, 3);

  /**
   * England: 16,000 primaries of 40 to 250 pupils in Years 1 to 6 (about 2.3 million pupils), three
   * years of termly returns.
   */
  public static final ScaleSize NATIONAL = new ScaleSize("national", 16_000, 3);

  public ScaleSize {
    if (schools < 1 || schools > ScaleClusterGenerator.MAX_SCHOOLS) {
      throw new IllegalArgumentException(
          "A generated dataset has 1 to "
              + ScaleClusterGenerator.MAX_SCHOOLS
              + " schools, not "
              + schools);
    }
    if (years < 2 || years > 3) {
      throw new IllegalArgumentException(
          "A generated dataset covers 2 or 3 academic years, not " + years);
    }
  }

  /** The same size with another number of schools. */
  public ScaleSize withSchools(int count) {
    return new ScaleSize(label, count, years);
  }

  /** The same size over another number of years. */
  public ScaleSize withYears(int count) {
    return new ScaleSize(label, schools, count);
  }
}
