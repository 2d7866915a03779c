package org.clusterlens.generate;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Grade;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;
import org.clusterlens.scheme.AssessmentScheme;
import org.clusterlens.scheme.NationalCurriculumLevels;

/**
 * A generated demo cluster: its schools and every termly return, all in memory.
 *
 * @param seed the seed it was generated from
 * @param cluster the cluster and its schools; never null
 * @param plantedRiseUrn the URN of the school whose KS2 results were planted to rise; never null
 * @param returns one return per school per term, ordered by term then school; never null
 */
public record GeneratedCluster(
    long seed, Cluster cluster, String plantedRiseUrn, List<GeneratedReturn> returns) {

  public GeneratedCluster {
    if (cluster == null || plantedRiseUrn == null) {
      throw new IllegalArgumentException(
          "A generated cluster needs a cluster and a planted school");
    }
    returns = List.copyOf(returns);
  }

  /** The terms the returns cover, in the order they happened. */
  public List<Term> terms() {
    return returns.stream().map(GeneratedReturn::term).distinct().sorted().toList();
  }

  /** The school's return for a term, if it has one. */
  public Optional<GeneratedReturn> returnOf(String urn, Term term) {
    return returns.stream()
        .filter(r -> r.school().urn().equals(urn) && r.term().equals(term))
        .findFirst();
  }

  /** The school's returns, in term order. */
  public List<GeneratedReturn> returnsOf(String urn) {
    return returns.stream()
        .filter(r -> r.school().urn().equals(urn))
        .sorted(Comparator.comparing(GeneratedReturn::term))
        .toList();
  }

  /**
   * The school's KS2 reading-writing-maths combined counts in an academic year's summer return.
   *
   * @throws IllegalArgumentException if the school has no summer return that year
   */
  public KeyStage2Combined keyStage2Combined(String urn, String academicYear) {
    Term summer = new Term(academicYear, Term.Season.SUMMER);
    GeneratedReturn summerReturn =
        returnOf(urn, summer)
            .orElseThrow(
                () ->
                    new IllegalArgumentException("School " + urn + " has no return for " + summer));
    AssessmentScheme ks2 = NationalCurriculumLevels.forAssessment(Assessment.KS2);
    int pupils = 0;
    int level4 = 0;
    int level5 = 0;
    for (ReturnRow row : summerReturn.rows()) {
      if (row.ks2() == null) {
        continue;
      }
      List<Grade> grades =
          List.of(row.ks2().reading(), row.ks2().writing(), row.ks2().maths()).stream()
              .map(code -> ks2.read(code).orElseThrow())
              .toList();
      if (!grades.stream().allMatch(Grade::counted)) {
        continue;
      }
      int lowest = grades.stream().mapToInt(Grade::level).min().orElseThrow();
      pupils++;
      level4 += lowest >= NationalCurriculumLevels.LEVEL_4 ? 1 : 0;
      level5 += lowest >= NationalCurriculumLevels.LEVEL_5 ? 1 : 0;
    }
    return new KeyStage2Combined(pupils, level4, level5);
  }

  /** The whole cluster's KS2 reading-writing-maths combined counts, pooled at pupil level. */
  public KeyStage2Combined keyStage2Combined(String academicYear) {
    return cluster.schools().stream()
        .map(School::urn)
        .map(urn -> keyStage2Combined(urn, academicYear))
        .reduce(new KeyStage2Combined(0, 0, 0), KeyStage2Combined::plus);
  }
}
