package org.clusterlens.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.clusterlens.model.Figure;
import org.clusterlens.stats.ConfidenceLevel;
import org.clusterlens.stats.FalseDiscoveryControl;
import org.clusterlens.stats.Finding;
import org.clusterlens.stats.Funnel;
import org.clusterlens.stats.FunnelLimitMethod;
import org.clusterlens.stats.FunnelLimits;
import org.clusterlens.stats.FunnelPoint;
import org.clusterlens.stats.FunnelPosition;
import org.clusterlens.stats.ScreenedFinding;

/**
 * One measure's funnel plot (Spiegelhalter 2005): each school's percentage against its number of
 * pupils, with the cluster rate and the 95% and 99.8% limits chance alone could produce at each n.
 * Limits are exact binomial below {@value #EXACT_BELOW} pupils, normal approximation above, and
 * widened by √φ when the schools spread more than chance allows.
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

  /** Below this many pupils limits are exact binomial; from it on, the normal approximation. */
  public static final int EXACT_BELOW = 30;

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
   * @param pValue the two-sided exact binomial p-value of its count against the cluster's rate
   * @param clearOfChance whether it stays outside what chance could explain once every school on
   *     every key measure is allowed for (Benjamini–Hochberg over the pack's key funnels, 5%), as
   *     well as outside the 95% limits
   */
  public record FunnelRow(
      String school,
      Proportion figure,
      Limits limits,
      FunnelPosition position95,
      FunnelPosition position998,
      double pValue,
      boolean clearOfChance) {

    /** This row with {@code clear} as whether it is clear of chance. */
    FunnelRow clearOfChance(boolean clear) {
      return new FunnelRow(school, figure, limits, position95, position998, pValue, clear);
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
      FunnelRow.Limits limits = limits(funnel, n);
      rows.add(
          new FunnelRow(
              shown.get(i).label(),
              p,
              limits,
              position(p.percent(), limits.lower95(), limits.upper95()),
              position(p.percent(), limits.lower998(), limits.upper998()),
              funnel.exactPValue((int) Math.round(p.count()), n),
              false));
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

  private static FunnelRow.Limits limits(Funnel funnel, int n) {
    FunnelLimitMethod method =
        n < EXACT_BELOW ? FunnelLimitMethod.EXACT_BINOMIAL : FunnelLimitMethod.NORMAL_APPROXIMATION;
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
    return screened(funnels);
  }

  /**
   * The funnels with each school marked clear of chance only when it is outside the 95% limits and
   * its p-value survives one false-discovery check over every school on every funnel.
   */
  private static List<MeasureFunnel> screened(List<MeasureFunnel> funnels) {
    List<Finding> findings = new ArrayList<>();
    for (MeasureFunnel f : funnels) {
      for (FunnelRow r : f.schools()) {
        findings.add(new Finding(f.title() + ": " + r.school(), r.pValue()));
      }
    }
    List<ScreenedFinding> screened = FalseDiscoveryControl.benjaminiHochberg(findings);
    List<MeasureFunnel> out = new ArrayList<>();
    int i = 0;
    for (MeasureFunnel f : funnels) {
      List<FunnelRow> rows = new ArrayList<>();
      for (FunnelRow r : f.schools()) {
        boolean selected = screened.get(i++).isSelected();
        rows.add(r.clearOfChance(selected && r.position95() != FunnelPosition.INSIDE));
      }
      out.add(new MeasureFunnel(f.title(), f.target(), f.widenedBy(), rows, f.curve()));
    }
    return out;
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
