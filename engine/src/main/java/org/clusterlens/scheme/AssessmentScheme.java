package org.clusterlens.scheme;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clusterlens.model.Grade;

/**
 * A table of grades: the codes a school may write in one subject of one assessment and what each is
 * worth. A table may also accept whole-number scores in a range (KS2 scaled scores, 80 to 120),
 * each reaching a threshold at a fixed score.
 *
 * <p>Codes are matched without regard to case or surrounding spaces; the grade returned carries the
 * table's own spelling.
 */
public final class AssessmentScheme {

  private final String name;
  private final Map<String, Grade> grades;
  private final List<String> shownCodes;
  private final ScoreRange scores;

  private AssessmentScheme(
      String name, Map<String, Grade> grades, List<String> shownCodes, ScoreRange scores) {
    this.name = name;
    this.grades = Map.copyOf(grades);
    this.shownCodes = List.copyOf(shownCodes);
    this.scores = scores;
  }

  /**
   * Whole-number scores a table accepts besides its codes.
   *
   * @param lowest the lowest score
   * @param highest the highest score
   * @param firstThreshold the score that reaches the first threshold (the expected standard)
   * @param secondThreshold the score that reaches the second (the higher standard)
   */
  record ScoreRange(int lowest, int highest, int firstThreshold, int secondThreshold) {

    Optional<Grade> read(String text) {
      String digits = text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
      if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      int score = Integer.parseInt(digits);
      if (score < lowest || score > highest) {
        return Optional.empty();
      }
      int standard = score >= secondThreshold ? 2 : score >= firstThreshold ? 1 : 0;
      return Optional.of(new Grade(Integer.toString(score), (double) score, null, standard));
    }

    String words() {
      return "a whole-number score from " + lowest + " to " + highest;
    }
  }

  /** The scheme's name, as packs and messages show it. */
  public String name() {
    return name;
  }

  /** The grade a code stands for, or empty if the scheme does not know the code. */
  public Optional<Grade> read(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String key = code.trim().toLowerCase(Locale.ROOT);
    Grade grade = grades.get(key);
    if (grade == null && scores != null) {
      return scores.read(key);
    }
    return Optional.ofNullable(grade);
  }

  /** Tells whether the table takes whole-number scores as well as its codes. */
  public boolean acceptsScores() {
    return scores != null;
  }

  /** The codes a school may write, in the order a message should list them. */
  public List<String> acceptedCodes() {
    return shownCodes;
  }

  /**
   * What a school may write, in words for a message: "one of 3c, 3b, …" or "a whole-number score
   * from 80 to 120, or one of A, B, …".
   */
  public String acceptedWords() {
    String codes = "one of " + String.join(", ", shownCodes);
    return scores == null ? codes : scores.words() + ", or " + codes;
  }

  /** Collects a scheme's codes in order. */
  static final class Builder {
    private final String name;
    private final Map<String, Grade> grades = new LinkedHashMap<>();
    private final List<String> shown = new java.util.ArrayList<>();
    private ScoreRange scores;

    Builder(String name) {
      this.name = name;
    }

    Builder counted(String code, double points, int level) {
      return add(new Grade(code, points, level));
    }

    Builder notCounted(String code) {
      return add(Grade.notCounted(code));
    }

    /** A code that counts, reaching {@code standard} thresholds, with points or without. */
    Builder judged(String code, Double points, int standard) {
      return add(new Grade(code, points, null, standard));
    }

    /** Accepts whole-number scores from {@code lowest} to {@code highest}. */
    Builder scores(int lowest, int highest, int firstThreshold, int secondThreshold) {
      this.scores = new ScoreRange(lowest, highest, firstThreshold, secondThreshold);
      return this;
    }

    /** Accepts {@code alias} as another spelling of an already added code. */
    Builder alias(String alias, String code) {
      Grade g = grades.get(code.toLowerCase(Locale.ROOT));
      if (g == null) {
        throw new IllegalStateException("No code " + code + " to alias in " + name);
      }
      grades.put(alias.toLowerCase(Locale.ROOT), g);
      return this;
    }

    private Builder add(Grade grade) {
      if (grades.put(grade.code().toLowerCase(Locale.ROOT), grade) != null) {
        throw new IllegalStateException("Code " + grade.code() + " twice in " + name);
      }
      shown.add(grade.code());
      return this;
    }

    AssessmentScheme build() {
      return new AssessmentScheme(name, grades, shown, scores);
    }
  }
}
