package org.clusterlens.report;

import java.util.Set;
import org.clusterlens.model.Figure;

/**
 * One year group's teacher assessment in one subject this term. Any figure is null when the metrics
 * hold none.
 *
 * @param yearGroup {@code all} or {@code 1} … {@code 6}; never null
 * @param subject the subject code; never null
 * @param level4 % at Level 4 or above
 * @param level5 % at Level 5 or above
 * @param points average points (null for {@code rwm})
 * @param withheld the names of the parts above that the metrics hold but withheld; never null
 */
public record TermResult(
    String yearGroup,
    String subject,
    Proportion level4,
    Proportion level5,
    AveragePoints points,
    Set<String> withheld) {

  public TermResult {
    withheld = Set.copyOf(withheld);
  }

  /**
   * Why the part named {@code part} ({@code level4}, {@code level5} or {@code points}) shows no
   * figure, or null when it has one.
   */
  public Blank blank(String part) {
    Object value =
        switch (part) {
          case "level4" -> level4;
          case "level5" -> level5;
          case "points" -> points;
          default -> throw new IllegalArgumentException("A term result has no part " + part);
        };
    if (value == null && part.equals("points") && subject.equals(Figure.RWM)) {
      return Blank.NOT_APPLICABLE;
    }
    return Blank.why(value, withheld, part);
  }

  /** The number of pupils these figures count, or 0 when there are none. */
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
