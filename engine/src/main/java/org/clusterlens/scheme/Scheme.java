package org.clusterlens.scheme;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.Subject;

/**
 * An assessment scheme a school uses for one kind of assessment in a term: how each subject's
 * grades are read, and what its two thresholds are called. Figures from different schemes are never
 * pooled or compared.
 *
 * @param id the code in the cluster's configuration, the warehouse and the metrics export, e.g.
 *     {@code nc-levels}, {@code ks2-2016}; never null
 * @param name the scheme's name as people read it, e.g. "KS2 scaled scores and writing judgements";
 *     never null
 * @param assessments the kinds of assessment the scheme can be chosen for; never null
 * @param tables each kind of assessment's grade table per subject; never null
 * @param firstThreshold the first threshold in words, e.g. "Level 4+" or "the expected standard"
 * @param secondThreshold the second threshold in words, e.g. "Level 5+" or "the higher standard"
 */
public record Scheme(
    String id,
    String name,
    List<Assessment> assessments,
    Map<Assessment, Map<Subject, AssessmentScheme>> tables,
    String firstThreshold,
    String secondThreshold) {

  public Scheme {
    if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "'" + id + "' is not a scheme id; use lower-case letters, digits and hyphens");
    }
    assessments = List.copyOf(assessments);
    tables = Map.copyOf(tables);
  }

  /** The grade table a subject of an assessment is read with, if the scheme covers it. */
  public Optional<AssessmentScheme> table(Assessment assessment, Subject subject) {
    return Optional.ofNullable(tables.get(assessment)).map(t -> t.get(subject));
  }

  /** One table for every subject of one kind of assessment. */
  static Map<Subject, AssessmentScheme> everySubject(AssessmentScheme table) {
    Map<Subject, AssessmentScheme> bySubject = new EnumMap<>(Subject.class);
    for (Subject s : Subject.values()) {
      bySubject.put(s, table);
    }
    return bySubject;
  }
}
