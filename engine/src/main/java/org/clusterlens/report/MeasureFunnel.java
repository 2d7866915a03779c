package org.clusterlens.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.clusterlens.model.Figure;
import org.clusterlens.model.FunnelBand;
import org.clusterlens.model.Judgement;
import org.clusterlens.stats.ConfidenceLevel;
import org.clusterlens.stats.Funnel;
import org.clusterlens.stats.FunnelLimitMethod;
import org.clusterlens.stats.FunnelLimits;
import org.clusterlens.stats.FunnelPoint;
import org.clusterlens.stats.FunnelPosition;

/**
 * One measure's funnel plot (Spiegelhalter 2005): each school's percentage against its number of
 * pupils, with the cluster rate and the 95% and 99.8% limits chance alone could produce at each n.
 * Limits are exact binomial at every n (Spiegelhalter's interpolated form, so the curve has no jump
 * where a method would change) and widened by √φ when the schools spread more than chance allows. A
 * school's limits, position and judgement are the metrics' own (its figure's funnel band and
 * judgement); only the curve drawn between them is worked out here.
 *
 * @param title the measure, e.g. "Reading, writing and maths combined, Level 4+"; never null
 * @param target the cluster rate, pooled over every pupil of the schools shown, with its n
 * @param widenedBy the factor the limits were widened by (1 when not widened)
 * @param schools one row per school with a figure, in the cluster's order; never null
 * @param curve the limits at every n from 1 to a little beyond the largest school; never null
 */
public record MeasureFunnel(
    String title,
    Proportion target,
    double widenedBy,
    List<FunnelRow> schools,
    List<FunnelRow.Limits> curve) {

  /** The title of the funnel of reading, writing and maths combined at Level 4+. */
  public static final String RWM_LEVEL4 = "Reading, writing and maths combined, Level 4+";

  /** The title of the funnel of reading, writing and maths combined at Level 5+. */
  public static final String RWM_LEVEL5 = "Reading, writing and maths combined, Level 5+";

  public MeasureFunnel {
    schools = List.copyOf(schools);
    curve = List.copyOf(curve);
  }

  /**
   * One school on the funnel.
   *
   * @param school the school's label as the pack names it; never null
   * @param figure its percentage with n; never null
   * @param limits the limits at its n; never null
   * @param position95 where it sits against the 95% limits; never null
   * @param position998 where it sits against the 99.8% limits; never null
   * @param judgement the one judgement on whether the school stands apart from the cluster (made
   *     within the family of the cluster's schools on this measure), or null when it is not
   *     compared (fewer pupils than the reporting threshold)
   */
  public record FunnelRow(
      String school,
      Proportion figure,
      Limits limits,
      FunnelPosition position95,
      FunnelPosition position998,
      Judgement judgement) {

    /** Tells whether the school was judged clear of chance (strong or to probe). */
    public boolean clearOfChance() {
      return judgement != null && judgement.clear();
    }

    /** Tells whether the school was compared with the cluster at all (enough pupils). */
    public boolean compared() {
      return figure.funnel() != null;
    }

    /**
     * The limits at one cohort size, in percent.
     *
     * @param n the cohort size
     * @param lower95 the 95% lower limit
     * @param upper95 the 95% upper limit
     * @param lower998 the 99.8% lower limit
     * @param upper998 the 99.8% upper limit
     * @param method "exact binomial" or "normal approximation"; never null
     */
    public record Limits(
        int n, double lower95, double upper95, double lower998, double upper998, String method) {}
  }

  /**
   * The funnel of one measure across the schools that have it, or null when fewer than two do.
   *
   * @param title the measure's name
   * @param schools the schools (not the pooled cluster)
   * @param measure picks the school's percentage, or null when it has none
   */
  public static MeasureFunnel of(
      String title, List<SchoolResults> schools, Function<SchoolResults, Proportion> measure) {
    List<SchoolResults> shown = new ArrayList<>();
    List<FunnelPoint> points = new ArrayList<>();
    for (SchoolResults s : schools) {
      Proportion p = measure.apply(s);
      if (p != null && p.pupils() <= Integer.MAX_VALUE) {
        shown.add(s);
        points.add(
            new FunnelPoint(
                s.label(),
                new org.clusterlens.stats.Proportion(
                    (int) Math.round(p.count()), (int) p.pupils())));
      }
    }
    if (points.size() < 2) {
      return null;
    }
    Funnel funnel = Funnel.of(points);
    List<FunnelRow> rows = new ArrayList<>();
    int largest = 0;
    double met = 0;
    long total = 0;
    for (int i = 0; i < shown.size(); i++) {
      Proportion p = measure.apply(shown.get(i));
      int n = (int) p.pupils();
      largest = Math.max(largest, n);
      met += Math.round(p.count());
      total += n;
      FunnelRow.Limits limits = p.funnel() == null ? limits(funnel, n) : limitsOf(p.funnel(), n);
      rows.add(
          new FunnelRow(
              shown.get(i).label(),
              p,
              limits,
              position(p.percent(), limits.lower95(), limits.upper95()),
              position(p.percent(), limits.lower998(), limits.upper998()),
              p.funnel() == null ? null : p.judgement()));
    }
    List<FunnelRow.Limits> curve = new ArrayList<>();
    int end = Math.max(10, (int) Math.ceil(largest * 1.15));
    for (int n = 1; n <= end; n++) {
      curve.add(limits(funnel, n));
    }
    return new MeasureFunnel(
        title,
        new Proportion(met, total, 100.0 * met / total),
        funnel.overdispersion().scale(),
        rows,
        curve);
  }

  /** The limits the metrics placed a school's figure against, in percent. */
  private static FunnelRow.Limits limitsOf(FunnelBand band, int n) {
    return new FunnelRow.Limits(
        n, band.lower95(), band.upper95(), band.lower998(), band.upper998(), band.method());
  }

  private static FunnelRow.Limits limits(Funnel funnel, int n) {
    FunnelLimitMethod method = FunnelLimitMethod.EXACT_BINOMIAL;
    FunnelLimits l95 = funnel.limits(n, ConfidenceLevel.NINETY_FIVE, method);
    FunnelLimits l998 = funnel.limits(n, ConfidenceLevel.NINETY_NINE_POINT_EIGHT, method);
    return new FunnelRow.Limits(
        n,
        l95.limits().lower() * 100,
        l95.limits().upper() * 100,
        l998.limits().lower() * 100,
        l998.limits().upper() * 100,
        method.label());
  }

  /** Within the limits when on them; compared in percent so rounding cannot move a school. */
  private static FunnelPosition position(double percent, double lower, double upper) {
    if (percent < lower - 1e-9) {
      return FunnelPosition.BELOW;
    }
    if (percent > upper + 1e-9) {
      return FunnelPosition.ABOVE;
    }
    return FunnelPosition.INSIDE;
  }

  /**
   * The key measures' funnels over these schools, those with at least two schools: reading, writing
   * and maths combined at Level 4+ and 5+, then each subject at Level 4+.
   */
  public static List<MeasureFunnel> keyMeasures(List<SchoolResults> schools) {
    List<MeasureFunnel> funnels = new ArrayList<>();
    add(funnels, RWM_LEVEL4, schools, Figure.RWM, 4);
    add(funnels, RWM_LEVEL5, schools, Figure.RWM, 5);
    for (String subject : List.of("reading", "writing", "maths")) {
      add(funnels, Labels.subject(subject) + ", Level 4+", schools, subject, 4);
    }
    return funnels;
  }

  private static void add(
      List<MeasureFunnel> funnels,
      String title,
      List<SchoolResults> schools,
      String subject,
      int level) {
    MeasureFunnel f =
        of(
            title,
            schools,
            s -> s.ks2(subject).map(r -> level == 4 ? r.level4() : r.level5()).orElse(null));
    if (f != null) {
      funnels.add(f);
    }
  }

  /** The funnel with this title, if the list holds it. */
  public static java.util.Optional<MeasureFunnel> titled(
      List<MeasureFunnel> funnels, String title) {
    return funnels.stream().filter(f -> f.title().equals(title)).findFirst();
  }

  /** The row of one school, if it is on this funnel. */
  public java.util.Optional<FunnelRow> row(String school) {
    return schools.stream().filter(r -> r.school().equals(school)).findFirst();
  }
}
