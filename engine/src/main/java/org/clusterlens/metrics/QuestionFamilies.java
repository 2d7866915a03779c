package org.clusterlens.metrics;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Judgement;

/**
 * The declared families of questions the false-discovery control runs within. A pack asks a few
 * headline questions of each school and of the cluster, and the guard against false alarms is run
 * within each small family, not over thousands of side questions at once (where a real change would
 * need a p-value near 0.00005 to be seen). Every tested figure belongs to exactly one family:
 *
 * <ul>
 *   <li>{@code funnel:<measure>:<subject>:<year>} — the cluster's schools on one key KS2 measure of
 *       the latest year (reading, writing, maths and the three combined, at both thresholds, and
 *       the same pooled over up to three years): is this school above or below the cluster?
 *   <li>{@code school:<URN>:<year>} — one school's own headline changes in the latest KS2 year: the
 *       year-on-year shift at both thresholds in each subject and combined, and the disadvantaged,
 *       SEN and gender gaps on reading, writing and maths combined.
 *   <li>{@code cluster:<year>} — the same questions of the cluster pooled at pupil level.
 *   <li>{@link Judgement#EXPLORATORY} — everything else with a test: earlier years, teacher
 *       assessment by year group and term, other groups (season of birth, ethnicity, …), per-group
 *       funnels, term-to-term changes. Side questions are shown as worth a look, never called
 *       clear.
 * </ul>
 */
final class QuestionFamilies {

  /** Measures whose school figure, on the funnel, is a headline comparison with the cluster. */
  private static final Set<String> FUNNEL_MEASURES =
      Set.of(
          Measures.PCT_LEVEL4_PLUS,
          Measures.PCT_LEVEL5_PLUS,
          Measures.PCT_EXPECTED_PLUS,
          Measures.PCT_HIGHER_PLUS,
          PooledYears.POOLED_PCT_LEVEL4_PLUS,
          PooledYears.POOLED_PCT_LEVEL5_PLUS,
          PooledYears.POOLED_PCT_EXPECTED_PLUS,
          PooledYears.POOLED_PCT_HIGHER_PLUS);

  /** Year-on-year KS2 shifts: a school's headline change. */
  private static final Set<String> SHIFT_MEASURES =
      Set.of(
          Measures.SHIFT_PCT_LEVEL4_PLUS,
          Measures.SHIFT_PCT_LEVEL5_PLUS,
          Measures.SHIFT_PCT_EXPECTED_PLUS,
          Measures.SHIFT_PCT_HIGHER_PLUS);

  /** The groups whose gap on reading, writing and maths combined is a headline question. */
  private static final Set<String> HEADLINE_GAP_GROUPS =
      Set.of(Measures.DISADVANTAGED, Measures.SEN, Measures.GENDER);

  private QuestionFamilies() {}

  /**
   * The latest academic year with KS2 results among these figures (the year the packs lead with),
   * or null when there are none.
   */
  static String headlineYear(List<Figure> figures) {
    return figures.stream()
        .filter(f -> f.assessment().equals(Measures.KS2) && f.group().equals(Figure.ALL))
        .map(Figure::academicYear)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  /** The family a tested figure's question belongs to; never null. */
  static String familyOf(Figure f, String headlineYear) {
    if (headlineYear == null
        || !f.assessment().equals(Measures.KS2)
        || !f.academicYear().equals(headlineYear)) {
      return Judgement.EXPLORATORY;
    }
    boolean school = !f.school().equals(Figure.CLUSTER);
    boolean allPupils = f.group().equals(Figure.ALL);
    if (FUNNEL_MEASURES.contains(f.measure()) && allPupils && school) {
      return "funnel:" + f.measure() + ":" + f.subject() + ":" + headlineYear;
    }
    boolean headlineChange =
        (SHIFT_MEASURES.contains(f.measure()) && allPupils)
            || (f.measure().equals(Measures.GAP_PCT_LEVEL4_PLUS)
                && f.subject().equals(Figure.RWM)
                && HEADLINE_GAP_GROUPS.contains(f.group()))
            || (f.measure().equals(Measures.VALUE_ADDED) && allPupils);
    if (headlineChange) {
      return school ? "school:" + f.school() + ":" + headlineYear : "cluster:" + headlineYear;
    }
    return Judgement.EXPLORATORY;
  }
}
