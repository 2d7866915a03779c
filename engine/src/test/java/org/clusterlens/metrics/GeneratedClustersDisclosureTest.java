package org.clusterlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clusterlens.generate.GeneratedReturn;
import org.clusterlens.generate.ReturnRow;
import org.clusterlens.generate.ScaleClusterGenerator;
import org.clusterlens.generate.ScaleSize;
import org.clusterlens.generate.SubjectGrades;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Grade;
import org.clusterlens.model.Term;
import org.clusterlens.scheme.NationalCurriculumLevels;
import org.clusterlens.stats.SmallNumberRules;
import org.junit.jupiter.api.Test;

/**
 * On 200 clusters of 2 to 6 schools the generator makes, the attainment figures (KS2 results and
 * the summer's teacher assessment of the later year, every subject and pupil group, counted from
 * the pupils as the metrics query counts them, without Spark) are screened, and the auditor plays
 * the reader: no withheld count can be worked out.
 */
class GeneratedClustersDisclosureTest {

  private static final String[] SUBJECTS = {"reading", "writing", "maths"};

  @Test
  void noWithheldCountOfTwoHundredGeneratedClustersCanBeWorkedOut() {
    List<String> found = new ArrayList<>();
    int withheld = 0;
    int figures = 0;
    for (int trial = 0; trial < 200; trial++) {
      int schools = 2 + trial % 5;
      ScaleClusterGenerator generator =
          new ScaleClusterGenerator(new ScaleSize("cluster", schools, 2), 17_000L + trial);
      List<Figure> counted = new ArrayList<>();
      Counts counts = new Counts();
      for (int s = 0; s < schools; s++) {
        List<GeneratedReturn> returns = generator.returnsOf(s);
        Map<String, Double> ks1 = keyStage1Points(returns);
        GeneratedReturn last = returns.get(returns.size() - 1);
        for (ReturnRow row : last.rows()) {
          counts.add(last.school().urn(), last.term(), row, ks1);
        }
      }
      counted.addAll(counts.figures());
      List<Figure> published = Screening.screenBeforeSelection(counted, SmallNumberRules.DEFAULT);
      for (PublishedFiguresAuditor.Recovered r : PublishedFiguresAuditor.audit(published)) {
        found.add("cluster " + trial + ": " + r);
      }
      withheld += (int) published.stream().filter(Figure::suppressed).count();
      figures += published.size();
    }

    assertThat(found).isEmpty();
    // Enough is withheld to test the protection, and most is still published.
    assertThat(withheld).isGreaterThan(figures / 10).isLessThan(figures * 2 / 3);
  }

  /** Each pupil's KS1 average points (reading, writing, maths), wherever the school holds it. */
  private static Map<String, Double> keyStage1Points(List<GeneratedReturn> returns) {
    Map<String, Double> aps = new HashMap<>();
    for (GeneratedReturn r : returns) {
      for (ReturnRow row : r.rows()) {
        SubjectGrades ks1 = row.ks1();
        if (ks1 == null) {
          continue;
        }
        double sum = 0;
        int n = 0;
        for (String code : new String[] {ks1.reading(), ks1.writing(), ks1.maths()}) {
          Optional<Grade> g = grade(Assessment.KS1, code);
          if (g.isPresent() && g.get().points() != null) {
            sum += g.get().points();
            n++;
          }
        }
        if (n == 3) {
          aps.put(row.upn(), sum / 3);
        }
      }
    }
    return aps;
  }

  private static Optional<Grade> grade(Assessment assessment, String code) {
    if (code == null || code.isEmpty()) {
      return Optional.empty();
    }
    return NationalCurriculumLevels.forAssessment(assessment).read(code);
  }

  /** Pupils, Level 4+, Level 5+ and points per school or cluster, subject, group and value. */
  private static final class Counts {
    private final Map<String, long[]> cells = new LinkedHashMap<>();
    private final Map<String, double[]> points = new HashMap<>();

    void add(String school, Term term, ReturnRow row, Map<String, Double> ks1) {
      addAssessment(school, term, row, ks1, Measures.TEACHER, row.teacherAssessment());
      if (row.ks2() != null) {
        addAssessment(school, term, row, ks1, Measures.KS2, row.ks2());
      }
    }

    private void addAssessment(
        String school,
        Term term,
        ReturnRow row,
        Map<String, Double> ks1,
        String assessment,
        SubjectGrades grades) {
      Assessment kind = assessment.equals(Measures.KS2) ? Assessment.KS2 : Assessment.TEACHER;
      String[] codes = {grades.reading(), grades.writing(), grades.maths()};
      int lowest = Integer.MAX_VALUE;
      int counted = 0;
      for (int i = 0; i < 3; i++) {
        Optional<Grade> g = grade(kind, codes[i]);
        if (g.isEmpty() || !g.get().counted()) {
          continue;
        }
        counted++;
        lowest = Math.min(lowest, g.get().standard());
        addPupil(school, term, row, ks1, assessment, SUBJECTS[i], g.get().standard(), g.get());
      }
      if (counted == 3) {
        addPupil(school, term, row, ks1, assessment, Figure.RWM, lowest, null);
      }
    }

    private void addPupil(
        String school,
        Term term,
        ReturnRow row,
        Map<String, Double> ks1,
        String assessment,
        String subject,
        int standard,
        Grade grade) {
      Map<String, String> groups = new LinkedHashMap<>();
      groups.put(Figure.ALL, Figure.ALL);
      if (assessment.equals(Measures.TEACHER)) {
        groups.put(Measures.YEAR_GROUP, String.valueOf(row.yearGroup()));
      }
      groups.put(Measures.DISADVANTAGED, row.disadvantaged() ? "Y" : "N");
      groups.put(Measures.FSM, row.fsm() ? "Y" : "N");
      groups.put(Measures.SEN, String.valueOf(row.sen().code()));
      groups.put(Measures.EAL, row.eal() ? "Y" : "N");
      groups.put("gender", row.gender());
      int month = row.dateOfBirth().getMonthValue();
      groups.put("season_of_birth", month >= 9 ? "autumn" : month <= 4 ? "spring" : "summer");
      Double aps = ks1.get(row.upn());
      if (aps != null) {
        groups.put(Measures.PRIOR_ATTAINMENT, aps < 12 ? "low" : aps < 18 ? "middle" : "high");
      }
      LocalDate stableBy = LocalDate.of(term.startYear() - 1, 9, 15);
      groups.put(Measures.MOBILITY, row.dateJoined().isAfter(stableBy) ? "mobile" : "stable");
      groups.put(Measures.ETHNICITY, row.ethnicity().majorGroup().code());
      for (String where : new String[] {school, Figure.CLUSTER}) {
        groups.forEach(
            (group, value) -> {
              String key =
                  String.join("|", where, assessment, term.academicYear(), subject, group, value);
              long[] c = cells.computeIfAbsent(key, k -> new long[3]);
              c[0]++;
              c[1] += standard >= Grade.FIRST_THRESHOLD ? 1 : 0;
              c[2] += standard >= Grade.SECOND_THRESHOLD ? 1 : 0;
              if (grade != null && grade.points() != null) {
                double[] p = points.computeIfAbsent(key, k -> new double[2]);
                p[0]++;
                p[1] += grade.points();
              }
            });
      }
    }

    List<Figure> figures() {
      List<Figure> out = new ArrayList<>();
      cells.forEach(
          (key, c) -> {
            String[] k = key.split("\\|");
            out.add(figure(Measures.PCT_LEVEL4_PLUS, k, c[1], c[0], 100.0 * c[1] / c[0]));
            out.add(figure(Measures.PCT_LEVEL5_PLUS, k, c[2], c[0], 100.0 * c[2] / c[0]));
            double[] p = points.get(key);
            if (p != null && p[0] > 0) {
              out.add(figure(Measures.AVERAGE_POINTS, k, p[1], (long) p[0], p[1] / p[0]));
            }
          });
      out.sort(AttainmentMetrics.ORDER);
      return out;
    }

    private static Figure figure(String measure, String[] k, double met, long n, double value) {
      return new Figure(
          measure, k[1], k[3], k[0], k[4], k[5], k[2], Measures.SUMMER, met, n, value);
    }
  }
}
