package org.clusterlens.report;

import java.util.List;
import java.util.Optional;
import org.clusterlens.metrics.Measures;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Term;

/**
 * A school's (or the cluster's) results as a pack shows them.
 *
 * @param label the name the pack prints: the school's name, "School A", or "Cluster (all schools)";
 *     never null
 * @param ks2 Key Stage 2 results per subject in subject order; never null, may be empty
 * @param thisTerm this term's teacher assessment per year group and subject; never null
 * @param otherSchemes the latest results in each scheme other than levels, which cannot be set
 *     beside the levels above; never null, empty for a school assessed in levels throughout
 */
public record SchoolResults(
    String label,
    List<SubjectResult> ks2,
    List<TermResult> thisTerm,
    List<SchemeResults> otherSchemes) {

  public SchoolResults {
    ks2 = List.copyOf(ks2);
    thisTerm = List.copyOf(thisTerm);
    otherSchemes = List.copyOf(otherSchemes);
  }

  /** The Key Stage 2 result in one subject, if the metrics have it. */
  public Optional<SubjectResult> ks2(String subject) {
    return ks2.stream().filter(r -> r.subject().equals(subject)).findFirst();
  }

  /** The reading, writing and maths combined result, if the metrics have it. */
  public Optional<SubjectResult> rwm() {
    return ks2(Figure.RWM);
  }

  /** Builds a school's (or the cluster's) results from the figures. */
  static SchoolResults of(
      String label,
      String school,
      FigureIndex figures,
      String ks2Year,
      org.clusterlens.model.Term teacherTerm) {
    List<SubjectResult> ks2 =
        ks2Year == null
            ? List.of()
            : Measures.SUBJECTS.stream()
                .map(s -> subjectResult(figures, school, s, ks2Year))
                .filter(r -> r.hasResults() || r.level4Before() != null)
                .toList();
    List<TermResult> term =
        teacherTerm == null
            ? List.of()
            : Measures.YEAR_GROUPS.stream()
                .flatMap(
                    y ->
                        Measures.SUBJECTS.stream()
                            .map(
                                s ->
                                    new TermResult(
                                        y,
                                        s,
                                        figures
                                            .teacher(
                                                Measures.PCT_LEVEL4_PLUS, s, school, y, teacherTerm)
                                            .map(Proportion::of)
                                            .orElse(null),
                                        figures
                                            .teacher(
                                                Measures.PCT_LEVEL5_PLUS, s, school, y, teacherTerm)
                                            .map(Proportion::of)
                                            .orElse(null),
                                        figures
                                            .teacher(
                                                Measures.AVERAGE_POINTS, s, school, y, teacherTerm)
                                            .map(AveragePoints::of)
                                            .orElse(null))))
                .filter(r -> r.pupils() > 0)
                .toList();
    return new SchoolResults(label, ks2, term, SchemeResults.of(school, figures));
  }

  private static SubjectResult subjectResult(
      FigureIndex f, String school, String subject, String year) {
    String before = Term.previousAcademicYear(year);
    return new SubjectResult(
        subject,
        f.ks2(Measures.PCT_LEVEL4_PLUS, subject, school, year).map(Proportion::of).orElse(null),
        f.ks2(Measures.PCT_LEVEL5_PLUS, subject, school, year).map(Proportion::of).orElse(null),
        f.ks2(Measures.AVERAGE_POINTS, subject, school, year).map(AveragePoints::of).orElse(null),
        f.ks2(Measures.PCT_LEVEL4_PLUS, subject, school, before).map(Proportion::of).orElse(null),
        f.ks2(Measures.PCT_LEVEL5_PLUS, subject, school, before).map(Proportion::of).orElse(null),
        f.ks2(Measures.SHIFT_PCT_LEVEL4_PLUS, subject, school, year)
            .map(Figure::value)
            .orElse(null),
        f.ks2(Measures.SHIFT_PCT_LEVEL5_PLUS, subject, school, year)
            .map(Figure::value)
            .orElse(null),
        f.ks2(Measures.SHIFT_PCT_LEVEL4_PLUS, subject, school, year)
            .map(ChangeRange::of)
            .orElse(null),
        f.ks2(Measures.SHIFT_PCT_LEVEL5_PLUS, subject, school, year)
            .map(ChangeRange::of)
            .orElse(null));
  }
}
