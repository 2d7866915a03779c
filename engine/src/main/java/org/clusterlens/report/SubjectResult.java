package org.clusterlens.report;

import java.util.Set;
import org.clusterlens.model.Figure;

/**
 * One subject's Key Stage 2 results for a school or the cluster in one year, with last year's
 * beside them. Any part is null when the metrics hold no such figure.
 *
 * @param subject the subject code ({@code reading} … {@code rwm}); never null
 * @param level4 % at Level 4 or above this year
 * @param level5 % at Level 5 or above this year
 * @param points average points this year (null for {@code rwm})
 * @param level4Before % at Level 4 or above last year
 * @param level5Before % at Level 5 or above last year
 * @param shift4 the change in % at Level 4+ since last year, in percentage points
 * @param shift5 the change in % at Level 5+ since last year, in percentage points
 * @param shift4Range the range of changes at Level 4+ that chance alone could produce
 * @param shift5Range the range of changes at Level 5+ that chance alone could produce
 * @param withheld the names of the parts above that the metrics hold but withheld (suppressed),
 *     e.g. {@code level4}; never null
 */
public record SubjectResult(
    String subject,
    Proportion level4,
    Proportion level5,
    AveragePoints points,
    Proportion level4Before,
    Proportion level5Before,
    Double shift4,
    Double shift5,
    ChangeRange shift4Range,
    ChangeRange shift5Range,
    Set<String> withheld) {

  public SubjectResult {
    withheld = Set.copyOf(withheld);
  }

  /**
   * Why the part named {@code part} (a component's name: {@code level4}, {@code points}, {@code
   * shift5}…) shows no figure, or null when it has one: average points of reading, writing and
   * maths combined are not applicable; a suppressed part is withheld; anything else has no data.
   */
  public Blank blank(String part) {
    Object value =
        switch (part) {
          case "level4" -> level4;
          case "level5" -> level5;
          case "points" -> points;
          case "level4Before" -> level4Before;
          case "level5Before" -> level5Before;
          case "shift4" -> shift4;
          case "shift5" -> shift5;
          default -> throw new IllegalArgumentException("A subject result has no part " + part);
        };
    if (value == null && part.equals("points") && subject.equals(Figure.RWM)) {
      return Blank.NOT_APPLICABLE;
    }
    return Blank.why(value, withheld, part);
  }

  /** Tells whether this year has any figure at all. */
  public boolean hasResults() {
    return level4 != null || level5 != null || points != null;
  }

  /** The number of pupils this year's figures count, or 0 when there are none. */
  public long pupils() {
    if (level4 != null) {
      return level4.pupils();
    }
    if (level5 != null) {
      return level5.pupils();
    }
    return points == null ? 0 : points.pupils();
  }
}
