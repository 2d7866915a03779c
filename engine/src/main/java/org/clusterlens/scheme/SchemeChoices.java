package org.clusterlens.scheme;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.Term;

/**
 * Which scheme each school uses for each kind of assessment, term by term, as the cluster's {@code
 * schemes.csv} says. A school with no choice for an assessment uses National Curriculum levels.
 */
public final class SchemeChoices {

  /** The {@code school} of a choice that holds for every school in the cluster. */
  public static final String EVERY_SCHOOL = "all";

  /** Every return read in National Curriculum levels. */
  public static final SchemeChoices LEVELS_ONLY = new SchemeChoices(Schemes.BUILT_IN, List.of());

  /**
   * One line of {@code schemes.csv}: from this term on, this school (or every school) reads this
   * assessment in this scheme.
   */
  public record Choice(String school, Assessment assessment, Term from, String scheme) {}

  private final Schemes schemes;
  private final List<Choice> choices;

  /**
   * @param schemes every scheme the choices may name
   * @param choices the choices; each must name a scheme in {@code schemes} that covers its
   *     assessment
   * @throws IllegalArgumentException naming the choice that cannot be used
   */
  public SchemeChoices(Schemes schemes, List<Choice> choices) {
    for (Choice c : choices) {
      Optional<Scheme> s = schemes.byId(c.scheme());
      if (s.isEmpty()) {
        throw new IllegalArgumentException(
            "'" + c.scheme() + "' is not a scheme; use one of " + String.join(", ", schemes.ids()));
      }
      if (!s.get().assessments().contains(c.assessment())) {
        throw new IllegalArgumentException(
            s.get().name() + " (" + c.scheme() + ") cannot be used for " + c.assessment().label());
      }
    }
    this.schemes = schemes;
    // Latest first; at the same term a school's own choice comes before the whole cluster's.
    this.choices =
        choices.stream()
            .sorted(
                Comparator.comparing(Choice::from)
                    .reversed()
                    .thenComparing(c -> c.school().equals(EVERY_SCHOOL)))
            .toList();
  }

  /** The scheme a school's return for {@code term} is read in, for one kind of assessment. */
  public Scheme schemeFor(String school, Term term, Assessment assessment) {
    for (Choice c : choices) {
      if (c.assessment() == assessment
          && c.from().compareTo(term) <= 0
          && (c.school().equals(school) || c.school().equals(EVERY_SCHOOL))) {
        return schemes.byId(c.scheme()).orElseThrow();
      }
    }
    return schemes.byId(Schemes.NC_LEVELS).orElseThrow();
  }
}
