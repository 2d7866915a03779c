package org.clusterlens.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;

/**
 * A three-school cluster with hand-made figures: Ashby's RWM Level 4+ went from 64% (32 of 50) in
 * 2023-24 to 72% (36 of 50) in 2024-25, a shift of +8.
 */
public final class SampleCluster {

  public static final String ASHBY = "100001";
  public static final String BROOK = "100002";
  public static final String CEDAR = "100003";

  private SampleCluster() {}

  public static Cluster cluster(boolean shareNames) {
    return new Cluster(
        "Vale Cluster",
        List.of(
            new School(ASHBY, "Ashby Primary"),
            new School(BROOK, "Brook Lane School"),
            new School(CEDAR, "Cedar Hill Primary")),
        shareNames);
  }

  public static Figure ks2(
      String measure, String subject, String school, String year, double x, long n) {
    double value = measure.equals("average_points") ? x / n : 100.0 * x / n;
    return new Figure(measure, "ks2", subject, school, "all", "all", year, "summer", x, n, value);
  }

  public static Figure shift(String measure, String subject, String school, double change) {
    return new Figure(
        measure, "ks2", subject, school, "all", "all", "2024-25", "summer", null, null, change);
  }

  public static Figure teacher(
      String measure, String subject, String school, String yearGroup, double x, long n) {
    return new Figure(
        measure,
        "teacher",
        subject,
        school,
        yearGroup.equals("all") ? "all" : "year_group",
        yearGroup,
        "2025-26",
        "autumn",
        x,
        n,
        measure.equals("average_points") ? x / n : 100.0 * x / n);
  }

  public static List<Figure> figures() {
    List<Figure> f = new ArrayList<>();
    String l4 = "pct_level4_plus";
    String l5 = "pct_level5_plus";
    // Ashby: 50 pupils each year.
    f.add(ks2(l4, "rwm", ASHBY, "2023-24", 32, 50));
    f.add(ks2(l4, "rwm", ASHBY, "2024-25", 36, 50));
    f.add(ks2(l5, "rwm", ASHBY, "2023-24", 13, 50));
    f.add(ks2(l5, "rwm", ASHBY, "2024-25", 12, 50));
    f.add(shift("shift_pct_level4_plus", "rwm", ASHBY, 8.0));
    f.add(shift("shift_pct_level5_plus", "rwm", ASHBY, -2.0));
    f.add(ks2(l4, "reading", ASHBY, "2024-25", 42, 50));
    f.add(ks2(l5, "reading", ASHBY, "2024-25", 20, 50));
    f.add(ks2("average_points", "reading", ASHBY, "2024-25", 50 * 28.4, 50));
    // Brook: a small school of 8.
    f.add(ks2(l4, "rwm", BROOK, "2023-24", 6, 9));
    f.add(ks2(l4, "rwm", BROOK, "2024-25", 5, 8));
    f.add(ks2(l5, "rwm", BROOK, "2024-25", 1, 8));
    f.add(shift("shift_pct_level4_plus", "rwm", BROOK, 62.5 - 66.6667));
    // Cedar: 30 pupils.
    f.add(ks2(l4, "rwm", CEDAR, "2024-25", 24, 30));
    f.add(ks2(l5, "rwm", CEDAR, "2024-25", 6, 30));
    // The cluster, pooled.
    f.add(ks2(l4, "rwm", Figure.CLUSTER, "2023-24", 58, 89));
    f.add(ks2(l4, "rwm", Figure.CLUSTER, "2024-25", 65, 88));
    f.add(ks2(l5, "rwm", Figure.CLUSTER, "2023-24", 20, 89));
    f.add(ks2(l5, "rwm", Figure.CLUSTER, "2024-25", 19, 88));
    f.add(shift("shift_pct_level4_plus", "rwm", Figure.CLUSTER, 8.69));
    f.add(shift("shift_pct_level5_plus", "rwm", Figure.CLUSTER, -0.88));
    f.add(ks2(l4, "reading", Figure.CLUSTER, "2024-25", 70, 88));
    // This term's teacher assessment.
    f.add(teacher(l4, "reading", ASHBY, "all", 150, 300));
    f.add(teacher("average_points", "reading", ASHBY, "all", 300 * 19.5, 300));
    f.add(teacher(l4, "reading", ASHBY, "6", 40, 50));
    f.add(teacher(l5, "reading", ASHBY, "6", 10, 50));
    f.add(teacher("average_points", "reading", ASHBY, "6", 50 * 27.1, 50));
    f.add(teacher(l4, "reading", BROOK, "all", 20, 60));
    f.add(teacher(l4, "reading", Figure.CLUSTER, "all", 200, 480));
    return f;
  }

  public static Provenance provenance() {
    return new Provenance(
        Instant.parse("2025-11-03T09:30:00Z"),
        List.of(
            new ReturnVersion(
                ASHBY, Term.parse("2025-26-autumn"), "ashby-autumn.xlsx", "ab".repeat(32), 7),
            new ReturnVersion(
                BROOK,
                Term.parse("2025-26-autumn"),
                "Brook Lane School autumn.xlsx",
                "cd".repeat(32),
                8)));
  }
}
