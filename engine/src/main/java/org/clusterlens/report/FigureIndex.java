package org.clusterlens.report;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clusterlens.metrics.Measures;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Term;

/** Looks figures up by their labels; built once per set of packs. */
final class FigureIndex {

  private record Key(
      String measure,
      String assessment,
      String subject,
      String school,
      String group,
      String groupValue,
      String academicYear,
      String term) {}

  private final Map<Key, Figure> figures = new HashMap<>();
  private final List<Figure> all;

  /**
   * Indexes the figures.
   *
   * @throws IllegalArgumentException if two figures share every label
   */
  FigureIndex(List<Figure> figures) {
    this.all = List.copyOf(figures);
    for (Figure f : all) {
      Key key =
          new Key(
              f.measure(),
              f.assessment(),
              f.subject(),
              f.school(),
              f.group(),
              f.groupValue(),
              f.academicYear(),
              f.term());
      if (this.figures.put(key, f) != null) {
        throw new IllegalArgumentException("Two figures carry the same labels: " + key);
      }
    }
  }

  /** A whole-cohort Key Stage 2 figure of a school (or the cluster) in a year's summer term. */
  Optional<Figure> ks2(String measure, String subject, String school, String academicYear) {
    if (academicYear == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        figures.get(
            new Key(
                measure,
                Measures.KS2,
                subject,
                school,
                Figure.ALL,
                Figure.ALL,
                academicYear,
                Measures.SUMMER)));
  }

  /** A teacher-assessment figure of a school (or the cluster) for a year group in a term. */
  Optional<Figure> teacher(
      String measure, String subject, String school, String yearGroup, Term term) {
    String group = yearGroup.equals(Figure.ALL) ? Figure.ALL : Measures.YEAR_GROUP;
    return Optional.ofNullable(
        figures.get(
            new Key(
                measure,
                Measures.TEACHER,
                subject,
                school,
                group,
                yearGroup,
                term.academicYear(),
                term.season().word())));
  }

  /** The latest term any figure reports, or empty when there are no figures. */
  Optional<Term> latestTerm() {
    return all.stream().map(FigureIndex::termOf).max(Term::compareTo);
  }

  /** The latest term with teacher assessment figures. */
  Optional<Term> latestTeacherTerm() {
    return all.stream()
        .filter(f -> f.assessment().equals(Measures.TEACHER))
        .map(FigureIndex::termOf)
        .max(Term::compareTo);
  }

  /** The latest academic year with Key Stage 2 percentages. */
  Optional<String> latestKs2Year() {
    return all.stream()
        .filter(f -> f.assessment().equals(Measures.KS2) && f.measure().startsWith("pct_"))
        .map(Figure::academicYear)
        .max(String::compareTo);
  }

  /** The academic year before {@code academicYear}: 2024-25 gives 2023-24. */
  private static Term termOf(Figure f) {
    return new Term(f.academicYear(), Term.Season.valueOf(f.term().toUpperCase(Locale.ROOT)));
  }
}
