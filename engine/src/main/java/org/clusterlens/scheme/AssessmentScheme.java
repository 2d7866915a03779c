package org.clusterlens.scheme;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clusterlens.model.Grade;

/**
 * A grading scheme: the codes a school may write and what each is worth.
 *
 * <p>Codes are matched without regard to case or surrounding spaces; the grade returned carries the
 * scheme's own spelling.
 */
public final class AssessmentScheme {

  private final String name;
  private final Map<String, Grade> grades;
  private final List<String> shownCodes;

  private AssessmentScheme(String name, Map<String, Grade> grades, List<String> shownCodes) {
    this.name = name;
    this.grades = Map.copyOf(grades);
    this.shownCodes = List.copyOf(shownCodes);
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
    return Optional.ofNullable(grades.get(code.trim().toLowerCase(Locale.ROOT)));
  }

  /** The codes a school may write, in the order a message should list them. */
  public List<String> acceptedCodes() {
    return shownCodes;
  }

  /** Collects a scheme's codes in order. */
  static final class Builder {
    private final String name;
    private final Map<String, Grade> grades = new LinkedHashMap<>();
    private final List<String> shown = new java.util.ArrayList<>();

    Builder(String name) {
      this.name = name;
    }

    Builder counted(String code, double points, int level) {
      return add(new Grade(code, points, level));
    }

    Builder notCounted(String code) {
      return add(Grade.notCounted(code));
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
      return new AssessmentScheme(name, grades, shown);
    }
  }
}
