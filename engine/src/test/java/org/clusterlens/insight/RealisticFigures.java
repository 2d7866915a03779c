package org.clusterlens.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.clusterlens.metrics.Screening;
import org.clusterlens.metrics.ThresholdShifts;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.clusterlens.model.School;
import org.clusterlens.stats.ConfidenceLevel;
import org.clusterlens.stats.Proportion;
import org.clusterlens.stats.ProportionInterval;
import org.clusterlens.stats.ProportionIntervals;
import org.clusterlens.stats.SmallNumberRules;

/**
 * Six schools' Key Stage 2 results for two years and this term's Year 6 teacher assessment, with
 * intervals and shifts made by the engine's own statistics, and writing at Level 5+ planted low in
 * five schools (the sixth strong in it): figures shaped like the metrics stage's.
 */
final class RealisticFigures {

  static final String[] URNS = {"300001", "300002", "300003", "300004", "300005", "300006"};
  private static final int[] COHORT = {12, 14, 22, 30, 17, 41};

  private RealisticFigures() {}

  static Cluster cluster(boolean shareNames) {
    List<School> schools = new ArrayList<>();
    String[] names = {"Alder", "Birch", "Cherry", "Damson", "Elm", "Fir"};
    for (int i = 0; i < URNS.length; i++) {
      schools.add(new School(URNS[i], names[i] + " Primary School"));
    }
    return new Cluster("Orchard Cluster", schools, shareNames);
  }

  static List<Figure> figures() {
    Random random = new Random(42);
    List<Figure> f = new ArrayList<>();
    for (String year : List.of("2023-24", "2024-25")) {
      long[][] pooled = new long[9][2];
      for (int i = 0; i < URNS.length; i++) {
        int n = COHORT[i] + (year.equals("2023-24") ? random.nextInt(3) : 0);
        int[] l4 = new int[3];
        int[] l5 = new int[3];
        for (int s = 0; s < 3; s++) {
          l4[s] = binomial(random, n, 0.8);
          double higher = s == 1 ? (i == 5 ? 0.65 : 0.08) : 0.4;
          l5[s] = Math.min(l4[s], binomial(random, n, higher));
        }
        int rwm4 = Math.max(0, min(l4) - random.nextInt(3));
        int rwm5 = Math.max(0, min(l5) - random.nextInt(2));
        String[] subjects = {"reading", "writing", "maths", "rwm"};
        int[] fours = {l4[0], l4[1], l4[2], rwm4};
        int[] fives = {l5[0], l5[1], l5[2], rwm5};
        for (int s = 0; s < 4; s++) {
          f.add(ks2("pct_level4_plus", subjects[s], URNS[i], year, fours[s], n));
          f.add(ks2("pct_level5_plus", subjects[s], URNS[i], year, fives[s], n));
          pooled[s][0] += fours[s];
          pooled[s][1] += n;
          pooled[4 + s][0] += fives[s];
          pooled[4 + s][1] += n;
        }
        if (year.equals("2024-25")) {
          int progressed = Math.max(0, n - 1 - random.nextInt(Math.max(1, n / 3)));
          f.add(ks2("pct_expected_progress", "reading", URNS[i], year, progressed, n));
          pooled[8][0] += progressed;
          pooled[8][1] += n;
          double va = (random.nextDouble() - 0.5) * 3;
          double half = 1.96 * 4.2 / Math.sqrt(n);
          f.add(
              new Figure(
                      "value_added",
                      "ks2",
                      "maths",
                      URNS[i],
                      "all",
                      "all",
                      year,
                      "summer",
                      va * n,
                      (long) n,
                      va)
                  .withInterval(va - half, va + half, "normal, 95%"));
          f.add(teacher("pct_level4_plus", URNS[i], Math.min(n, rwm4 + 1), n));
          f.add(teacher("pct_level5_plus", URNS[i], rwm5, n));
        }
      }
      if (year.equals("2024-25")) {
        f.add(
            ks2(
                "pct_expected_progress",
                "reading",
                Figure.CLUSTER,
                year,
                (int) pooled[8][0],
                (int) pooled[8][1]));
      }
      String[] subjects = {"reading", "writing", "maths", "rwm"};
      for (int s = 0; s < 4; s++) {
        f.add(
            ks2(
                "pct_level4_plus",
                subjects[s],
                Figure.CLUSTER,
                year,
                (int) pooled[s][0],
                (int) pooled[s][1]));
        f.add(
            ks2(
                "pct_level5_plus",
                subjects[s],
                Figure.CLUSTER,
                year,
                (int) pooled[4 + s][0],
                (int) pooled[4 + s][1]));
      }
    }
    f.addAll(ThresholdShifts.of(f, SmallNumberRules.DEFAULT));
    // Screened and judged as the metrics stage does, so texts read real judgements.
    return Screening.screen(f, SmallNumberRules.DEFAULT);
  }

  private static int min(int[] values) {
    return Math.min(values[0], Math.min(values[1], values[2]));
  }

  private static int binomial(Random random, int n, double p) {
    int x = 0;
    for (int i = 0; i < n; i++) {
      x += random.nextDouble() < p ? 1 : 0;
    }
    return x;
  }

  private static Figure ks2(
      String measure, String subject, String school, String year, int x, int n) {
    return withInterval(
        new Figure(
            measure,
            "ks2",
            subject,
            school,
            "all",
            "all",
            year,
            "summer",
            (double) x,
            (long) n,
            100.0 * x / n),
        x,
        n);
  }

  private static Figure teacher(String measure, String school, int x, int n) {
    return withInterval(
        new Figure(
            measure,
            "teacher",
            "rwm",
            school,
            "year_group",
            "6",
            "2025-26",
            "autumn",
            (double) x,
            (long) n,
            100.0 * x / n),
        x,
        n);
  }

  private static Figure withInterval(Figure f, int x, int n) {
    ProportionInterval i =
        ProportionIntervals.recommended(new Proportion(x, n), ConfidenceLevel.NINETY_FIVE);
    return f.withInterval(
        100 * i.interval().lower(),
        100 * i.interval().upper(),
        i.method().label() + ", " + i.confidence().label());
  }
}
