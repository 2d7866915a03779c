package org.clusterlens.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.clusterlens.model.School;
import org.clusterlens.stats.Funnel;
import org.clusterlens.stats.FunnelPoint;
import org.clusterlens.stats.Proportion;

/**
 * Builds Key Stage 2 figures for a cluster of schools from counts, with the cluster's pooled
 * figures summed from them, as the metrics stage would.
 */
public final class PriorityFixtures {

  public static final String YEAR = "2024-25";

  private final List<String> urns;
  private final Map<String, long[]> pooled = new LinkedHashMap<>();
  private final List<Figure> figures = new ArrayList<>();

  public PriorityFixtures(int schools) {
    urns = new ArrayList<>();
    for (int i = 0; i < schools; i++) {
      urns.add(String.valueOf(200001 + i));
    }
  }

  public List<String> urns() {
    return urns;
  }

  public Cluster cluster(boolean shareNames) {
    List<School> schools = new ArrayList<>();
    for (int i = 0; i < urns.size(); i++) {
      schools.add(new School(urns.get(i), "School number " + (i + 1)));
    }
    return new Cluster("Test Cluster", schools, shareNames);
  }

  /** Adds school i's count x of n at a threshold in a subject (whole cohort). */
  public PriorityFixtures add(String measure, String subject, int school, int x, int n) {
    return add(measure, subject, school, "all", "all", x, n);
  }

  public PriorityFixtures add(
      String measure, String subject, int school, String group, String value, int x, int n) {
    figures.add(figure(measure, subject, urns.get(school), group, value, x, n));
    long[] sum =
        pooled.computeIfAbsent(
            measure + "|" + subject + "|" + group + "|" + value, k -> new long[2]);
    sum[0] += x;
    sum[1] += n;
    return this;
  }

  /**
   * Every school's figures, then the cluster's pooled ones. As the metrics stage screens them: a
   * school of fewer than 11 pupils is below the reporting threshold, and every other school's row
   * carries the exact binomial p-value of its count against the schools' pooled rate (its funnel
   * test).
   */
  public List<Figure> figures() {
    Map<String, List<FunnelPoint>> points = new LinkedHashMap<>();
    for (Figure f : figures) {
      points
          .computeIfAbsent(key(f), k -> new ArrayList<>())
          .add(
              new FunnelPoint(
                  f.school(),
                  new Proportion(
                      (int) Math.round(f.numerator()), Math.toIntExact(f.denominator()))));
    }
    List<Figure> all = new ArrayList<>();
    for (Figure f : figures) {
      int n = Math.toIntExact(f.denominator());
      all.add(
          n < 11
              ? f.asBelowReportingThreshold()
              : f.withPValue(
                  Funnel.of(points.get(key(f))).exactPValue((int) Math.round(f.numerator()), n)));
    }
    pooled.forEach(
        (key, sum) -> {
          String[] k = key.split("\\|");
          all.add(figure(k[0], k[1], Figure.CLUSTER, k[2], k[3], sum[0], sum[1]));
        });
    return all;
  }

  private static String key(Figure f) {
    return f.measure() + "|" + f.subject() + "|" + f.group() + "|" + f.groupValue();
  }

  private static Figure figure(
      String measure, String subject, String school, String group, String value, long x, long n) {
    return new Figure(
        measure,
        "ks2",
        subject,
        school,
        group,
        value,
        YEAR,
        "summer",
        (double) x,
        n,
        100.0 * x / n);
  }

  /**
   * Eight schools of 30: reading 12 of 30 at Level 5+ everywhere; writing 4 of 30 in seven schools
   * (the eighth 13 of 30); maths 12 of 30 except the last school, 26 of 30.
   */
  public static PriorityFixtures planted() {
    PriorityFixtures f = new PriorityFixtures(8);
    for (int i = 0; i < 8; i++) {
      f.add("pct_level5_plus", "reading", i, 12, 30);
      f.add("pct_level5_plus", "writing", i, i == 7 ? 13 : 4, 30);
      f.add("pct_level5_plus", "maths", i, i == 7 ? 26 : 12, 30);
    }
    return f;
  }
}
