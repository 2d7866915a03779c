package org.clusterlens.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.clusterlens.metrics.Measures;
import org.clusterlens.metrics.Screening;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;
import org.clusterlens.stats.SmallNumberRules;

/**
 * Eight schools shaped like the demo cluster (Year 6 cohorts of 6 to 45 pupils), with three years
 * of Key Stage 2 results, shifts with their ranges, this term's teacher assessment, context,
 * progress and group gaps — every kind of figure the packs can show, without Spark. One school is
 * planted far below the cluster and one far above, so key points of every kind appear.
 */
public final class DemoLikeCluster {

  public static final List<String> URNS =
      List.of("116001", "116002", "116003", "116004", "116005", "116006", "116007", "116008");
  private static final int[] COHORT = {6, 9, 14, 18, 24, 30, 38, 45};
  private static final double[] RATE = {0.7, 0.6, 0.72, 0.25, 0.7, 0.68, 0.97, 0.66};
  private static final List<String> YEARS = List.of("2022-23", "2023-24", "2024-25");

  private DemoLikeCluster() {}

  public static Cluster cluster() {
    List<School> schools = new ArrayList<>();
    String[] names = {
      "Ashwell Primary", "Bramley CE Primary", "Cawston Primary", "Dunham Primary",
      "Elmstead Primary", "Foxley Primary", "Garboldisham Primary", "Haddiscoe Primary"
    };
    for (int i = 0; i < URNS.size(); i++) {
      schools.add(new School(URNS.get(i), names[i]));
    }
    return new Cluster("Waveney Rural Cluster", schools, false);
  }

  public static List<Figure> figures() {
    Random random = new Random(20251103);
    List<Figure> f = new ArrayList<>();
    for (String year : YEARS) {
      long[] pooled = new long[7];
      for (int i = 0; i < URNS.size(); i++) {
        int n = COHORT[i] + random.nextInt(3);
        for (String subject : List.of("reading", "writing", "maths", "rwm")) {
          double rate = Math.min(0.98, RATE[i] + (subject.equals("rwm") ? 0 : 0.1));
          int l4 = binomial(random, n, rate);
          int l5 = binomial(random, l4, 0.35);
          f.add(ks2(Measures.PCT_LEVEL4_PLUS, subject, URNS.get(i), year, l4, n));
          f.add(ks2(Measures.PCT_LEVEL5_PLUS, subject, URNS.get(i), year, l5, n));
          if (!subject.equals("rwm")) {
            f.add(ks2(Measures.AVERAGE_POINTS, subject, URNS.get(i), year, n * (25 + 4 * rate), n));
          } else {
            pooled[0] += l4;
            pooled[1] += l5;
            pooled[2] += n;
          }
        }
      }
      f.add(ks2(Measures.PCT_LEVEL4_PLUS, "rwm", Figure.CLUSTER, year, pooled[0], pooled[2]));
      f.add(ks2(Measures.PCT_LEVEL5_PLUS, "rwm", Figure.CLUSTER, year, pooled[1], pooled[2]));
    }
    List<Figure> shifts = new ArrayList<>();
    for (String school : withCluster()) {
      for (String level : List.of("4", "5")) {
        Figure now = find(f, "pct_level" + level + "_plus", school, "2024-25");
        Figure before = find(f, "pct_level" + level + "_plus", school, "2023-24");
        double change = now.value() - before.value();
        double half = 196 * Math.sqrt(0.25 / now.denominator() + 0.25 / before.denominator());
        double p = Math.abs(change) > half ? 0.01 : 0.6;
        shifts.add(
            new Figure(
                "shift_pct_level" + level + "_plus",
                "ks2",
                "rwm",
                school,
                "all",
                "all",
                "2024-25",
                "summer",
                null,
                null,
                change,
                change - half,
                change + half,
                "Newcombe hybrid score, 95%",
                p,
                Math.min(1, p * 4)));
      }
    }
    f.addAll(shifts);
    for (int i = 0; i < URNS.size(); i++) {
      String urn = URNS.get(i);
      int roll = COHORT[i] * 7;
      f.add(context(Measures.CONTEXT_PUPILS, urn, roll, roll));
      f.add(context(Measures.CONTEXT_PCT_FSM, urn, roll / 5, roll));
      f.add(context(Measures.CONTEXT_PCT_DISADVANTAGED, urn, roll / 4, roll));
      f.add(context(Measures.CONTEXT_PCT_SEN, urn, roll / 6, roll));
      f.add(context(Measures.CONTEXT_PCT_EAL, urn, roll / 20, roll));
      for (String subject : List.of("reading", "writing", "maths")) {
        int graded = roll - 1 - i % 3;
        f.add(teacher(Measures.PCT_LEVEL4_PLUS, subject, urn, graded / 2, graded));
        f.add(teacher(Measures.AVERAGE_POINTS, subject, urn, graded * 19.5, graded));
        f.add(
            new Figure(
                Measures.PROGRESS_POINTS_TERM,
                "teacher",
                subject,
                urn,
                "all",
                "all",
                "2025-26",
                "autumn",
                graded * 2.9,
                (long) graded,
                2.9,
                2.4,
                3.4,
                "t, 95%",
                null,
                null));
      }
      int disadvantaged = Math.max(3, COHORT[i] / 4);
      f.add(
          new Figure(
              Measures.GAP_PCT_LEVEL4_PLUS,
              "ks2",
              "rwm",
              urn,
              "disadvantaged",
              "Y",
              "2024-25",
              "summer",
              null,
              (long) disadvantaged,
              -18.0,
              -40.0,
              4.0,
              "Newcombe hybrid score, 95%",
              0.1,
              0.4));
    }
    f.add(context(Measures.CONTEXT_PUPILS, Figure.CLUSTER, 1288, 1288));
    f.add(context(Measures.CONTEXT_PCT_FSM, Figure.CLUSTER, 257, 1288));
    // Screened and judged as the metrics stage does, so packs read real judgements.
    return Screening.screen(f, SmallNumberRules.DEFAULT);
  }

  public static Provenance provenance() {
    List<ReturnVersion> returns = new ArrayList<>();
    long version = 1;
    for (String urn : URNS) {
      for (String term :
          List.of("2024-25-autumn", "2024-25-spring", "2024-25-summer", "2025-26-autumn")) {
        if (urn.equals("116003") && term.equals("2024-25-spring")) {
          continue;
        }
        returns.add(
            new ReturnVersion(
                urn, Term.parse(term), urn + "-" + term + ".xlsx", "ab".repeat(32), version++));
      }
    }
    return new Provenance(Instant.parse("2025-11-03T09:30:00Z"), returns);
  }

  private static List<String> withCluster() {
    List<String> all = new ArrayList<>(URNS);
    all.add(Figure.CLUSTER);
    return all;
  }

  private static Figure find(List<Figure> f, String measure, String school, String year) {
    return f.stream()
        .filter(x -> x.measure().equals(measure) && x.subject().equals("rwm"))
        .filter(x -> x.school().equals(school) && x.academicYear().equals(year))
        .findFirst()
        .orElseThrow();
  }

  private static int binomial(Random random, int n, double p) {
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (random.nextDouble() < p) {
        k++;
      }
    }
    return k;
  }

  private static Figure ks2(
      String measure, String subject, String school, String year, double x, long n) {
    double value = measure.equals(Measures.AVERAGE_POINTS) ? x / n : 100.0 * x / n;
    return new Figure(measure, "ks2", subject, school, "all", "all", year, "summer", x, n, value);
  }

  private static Figure teacher(String measure, String subject, String school, double x, long n) {
    double value = measure.equals(Measures.AVERAGE_POINTS) ? x / n : 100.0 * x / n;
    return new Figure(
        measure, "teacher", subject, school, "all", "all", "2025-26", "autumn", x, n, value);
  }

  private static Figure context(String measure, String school, double x, long n) {
    double value = measure.equals(Measures.CONTEXT_PUPILS) ? n : 100.0 * x / n;
    return new Figure(
        measure,
        "teacher",
        Measures.CONTEXT,
        school,
        "all",
        "all",
        "2025-26",
        "autumn",
        x,
        n,
        value);
  }
}
