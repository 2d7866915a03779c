package org.clusterlens.report;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
                .filter(r -> r.hasResults() || r.level4Before() != null || !r.withheld().isEmpty())
                .toList();
    List<TermResult> term =
        teacherTerm == null
            ? List.of()
            : Measures.YEAR_GROUPS.stream()
                .flatMap(
                    y ->
                        Measures.SUBJECTS.stream()
                            .map(s -> termResult(figures, school, s, y, teacherTerm)))
                .filter(r -> r.pupils() > 0)
                .toList();
    return new SchoolResults(label, ks2, term, SchemeResults.of(school, figures));
  }

  private static TermResult termResult(
      FigureIndex f, String school, String subject, String yearGroup, Term term) {
    Set<String> withheld = new HashSet<>();
    Optional<Figure> level4 =
        held(
            f.teacher(Measures.PCT_LEVEL4_PLUS, subject, school, yearGroup, term),
            "level4",
            withheld);
    Optional<Figure> level5 =
        held(
            f.teacher(Measures.PCT_LEVEL5_PLUS, subject, school, yearGroup, term),
            "level5",
            withheld);
    Optional<Figure> points =
        held(
            f.teacher(Measures.AVERAGE_POINTS, subject, school, yearGroup, term),
            "points",
            withheld);
    return new TermResult(
        yearGroup,
        subject,
        level4.map(Proportion::of).orElse(null),
        level5.map(Proportion::of).orElse(null),
        points.map(AveragePoints::of).orElse(null),
        withheld);
  }

  private static SubjectResult subjectResult(
      FigureIndex f, String school, String subject, String year) {
    String before = Term.previousAcademicYear(year);
    Set<String> withheld = new HashSet<>();
    Optional<Figure> shift4 =
        held(f.ks2(Measures.SHIFT_PCT_LEVEL4_PLUS, subject, school, year), "shift4", withheld);
    Optional<Figure> shift5 =
        held(f.ks2(Measures.SHIFT_PCT_LEVEL5_PLUS, subject, school, year), "shift5", withheld);
    return new SubjectResult(
        subject,
        held(f.ks2(Measures.PCT_LEVEL4_PLUS, subject, school, year), "level4", withheld)
            .map(Proportion::of)
            .orElse(null),
        held(f.ks2(Measures.PCT_LEVEL5_PLUS, subject, school, year), "level5", withheld)
            .map(Proportion::of)
            .orElse(null),
        held(f.ks2(Measures.AVERAGE_POINTS, subject, school, year), "points", withheld)
            .map(AveragePoints::of)
            .orElse(null),
        held(f.ks2(Measures.PCT_LEVEL4_PLUS, subject, school, before), "level4Before", withheld)
            .map(Proportion::of)
            .orElse(null),
        held(f.ks2(Measures.PCT_LEVEL5_PLUS, subject, school, before), "level5Before", withheld)
            .map(Proportion::of)
            .orElse(null),
        shift4.map(Figure::value).orElse(null),
        shift5.map(Figure::value).orElse(null),
        shift4.map(ChangeRange::of).orElse(null),
        shift5.map(ChangeRange::of).orElse(null),
        withheld);
  }

  /**
   * The figure when it may be shown; a suppressed one is named in {@code withheld} under {@code
   * part} and left out, so the pack prints "c" where it would have stood.
   */
  static Optional<Figure> held(Optional<Figure> figure, String part, Set<String> withheld) {
    if (figure.isPresent() && figure.get().suppressed()) {
      withheld.add(part);
      return Optional.empty();
    }
    return figure;
  }
}
