package org.clusterlens.metrics;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.clusterlens.model.Figure;
import org.clusterlens.model.FigureKey;
import org.clusterlens.model.FunnelBand;
import org.clusterlens.model.Judgement;
import org.clusterlens.model.Term;
import org.clusterlens.stats.CellPosition;
import org.clusterlens.stats.ConfidenceLevel;
import org.clusterlens.stats.CountTable;
import org.clusterlens.stats.FalseDiscoveryControl;
import org.clusterlens.stats.Finding;
import org.clusterlens.stats.Funnel;
import org.clusterlens.stats.FunnelLimitMethod;
import org.clusterlens.stats.FunnelLimits;
import org.clusterlens.stats.FunnelPoint;
import org.clusterlens.stats.FunnelPosition;
import org.clusterlens.stats.ScreenedFinding;
import org.clusterlens.stats.SmallNumberRules;
import org.clusterlens.stats.Suppression;

/**
 * The step from counted figures to publishable ones: what one pupil is worth, the reporting
 * threshold, small-number suppression with secondary suppression, each school's place on the
 * cluster's funnel plot, and the one judgement on each tested figure's question (false-discovery
 * control within declared families of questions, {@link QuestionFamilies}). The statistics live in
 * {@code stats}; this class only matches figures to the tables and tests they belong to.
 */
public final class Screening {

  private Screening() {}

  /**
   * The figures screened for publication and judged: pupil weight, reporting threshold,
   * suppression, funnel places and the one judgement on every tested figure's question; a new list,
   * the figures given unchanged.
   */
  public static List<Figure> screen(List<Figure> figures, SmallNumberRules rules) {
    return selectFindings(screenBeforeSelection(figures, rules));
  }

  /**
   * Every step of {@link #screen} but the false-discovery control: pupil weight, reporting
   * threshold, suppression and funnel limits. Each step works within one table of schools × group
   * values, so a table's figures screened alone come out as they would among all the run's.
   */
  static List<Figure> screenBeforeSelection(List<Figure> figures, SmallNumberRules rules) {
    Marks marks =
        marks(
            figures,
            rules,
            LinkedTables.hidden(figures, rules),
            ContextSuppression.hidden(figures, rules));
    // Withheld: every group (school × group value, the cluster's too, and a school's or the
    // cluster's all pupils) of fewer pupils than the threshold, then enough other groups that none
    // can be worked out by adding and subtracting published ones, per linked system of tables
    // (LinkedTables); and the figures derived from a withheld one. Then each school's share placed
    // on its funnel, as placeOnFunnels places the figures withhold gives, each figure copied once.
    Figure[] in = marks.figures();
    boolean[] suppressed = new boolean[in.length];
    for (int i = 0; i < in.length; i++) {
      suppressed[i] = in[i].suppressed() || marks.withheld()[i];
    }
    Map<FigureKey, FunnelPlaces> funnels = funnels(in, suppressed);
    List<Figure> out = new ArrayList<>(in.length);
    for (int i = 0; i < in.length; i++) {
      Figure f = in[i];
      Double weight = pupilWeight(f);
      boolean below = belowReporting(f, rules);
      if (!placed(f, suppressed[i], rules)) {
        out.add(f.screened(weight, below, marks.withheld()[i]));
        continue;
      }
      FunnelPlaces funnel = funnels.get(funnelKey(f));
      out.add(
          f.screenedWithPValueAndFunnel(
              weight, below, marks.withheld()[i], funnel.pValue(f), funnel.band(f)));
    }
    return out;
  }

  /**
   * The funnel of each measure's school shares (per {@link #funnelKey}), from the figures that are
   * points of it ({@link #onFunnel}); {@code suppressed} tells which figures are withheld.
   */
  private static Map<FigureKey, FunnelPlaces> funnels(Figure[] in, boolean[] suppressed) {
    Map<FigureKey, List<FunnelPoint>> points = new HashMap<>();
    for (int i = 0; i < in.length; i++) {
      Figure f = in[i];
      if (onFunnel(f, suppressed[i])) {
        points
            .computeIfAbsent(funnelKey(f), k -> new ArrayList<>())
            .add(new FunnelPoint(f.school(), AttainmentMetrics.proportionOf(f)));
      }
    }
    Map<FigureKey, FunnelPlaces> funnels = new HashMap<>();
    points.forEach((k, p) -> funnels.put(k, new FunnelPlaces(Funnel.of(p))));
    return funnels;
  }

  /** Whether a figure is one point of its funnel: a school's published share of some pupils. */
  private static boolean onFunnel(Figure f, boolean suppressed) {
    return isShare(f)
        && !f.school().equals(Figure.CLUSTER)
        && !suppressed
        && f.denominatorCount() > 0;
  }

  /** Whether a figure is placed on its funnel: a point of it, not resting on too few pupils. */
  private static boolean placed(Figure f, boolean suppressed, SmallNumberRules rules) {
    return isShare(f)
        && !f.school().equals(Figure.CLUSTER)
        && !suppressed
        && !rules.belowReporting(f.denominatorCount())
        && !poolsYearGroups(f);
  }

  /**
   * What one pupil of a share of pupils (and of a group's gap) is worth in its units, or null where
   * the figure is not such a share.
   */
  private static Double pupilWeight(Figure f) {
    return f.hasDenominator()
            && f.denominatorCount() > 0
            && (isShare(f) || f.measure().startsWith("gap_pct_"))
        ? 100.0 / f.denominatorCount()
        : null;
  }

  /** Whether a figure with a count rests on fewer pupils than the reporting threshold. */
  private static boolean belowReporting(Figure f, SmallNumberRules rules) {
    return f.hasDenominator()
        && f.denominatorCount() > 0
        && rules.belowReporting(f.denominatorCount());
  }

  /**
   * Derived figures (shifts, gaps and their changes, pooled years) made from attainment shares
   * already screened elsewhere, screened as {@link #screenBeforeSelection} screens them among all
   * the run's figures: pupil weight, reporting threshold, and withheld with any attainment cell
   * they were made from; not yet placed on funnels. {@code screenedShares} must hold the screened
   * first-threshold share of every cell the derived figures were made from (one school's or the
   * cluster's figures suffice, since a derived figure is made within one school).
   */
  static List<Figure> screenDerived(
      List<Figure> derived, List<Figure> screenedShares, SmallNumberRules rules) {
    Set<FigureKey> hidden = new HashSet<>();
    for (Figure f : screenedShares) {
      if (f.suppressed() && tablesCounting(f).contains(ATTAINMENT)) {
        hidden.add(FigureKey.like(f, ATTAINMENT));
      }
    }
    return withhold(derived, rules, hidden, Set.of());
  }

  /**
   * The figures weighed (what one pupil is worth, and whether below the reporting threshold), with
   * every one counted in a withheld cell ({@code hidden}, by suppression table and cell; {@code
   * hiddenContext}, by {@link ContextSuppression#key}) withheld, and the figures derived from them;
   * each figure copied at most once. Weighing changes none of the labels, counts or marks the
   * withheld cells are found by.
   */
  private static List<Figure> withhold(
      List<Figure> figures,
      SmallNumberRules rules,
      Set<FigureKey> hidden,
      Set<String> hiddenContext) {
    Marks marks = marks(figures, rules, hidden, hiddenContext);
    Figure[] in = marks.figures();
    List<Figure> out = new ArrayList<>(in.length);
    for (int i = 0; i < in.length; i++) {
      Figure f = in[i];
      out.add(f.screened(pupilWeight(f), belowReporting(f, rules), marks.withheld()[i]));
    }
    return out;
  }

  /** The figures in order, and whether each is withheld by {@link #withhold}. */
  private record Marks(Figure[] figures, boolean[] withheld) {}

  /** Which of the figures {@link #withhold} withholds, and the figures as an array. */
  private static Marks marks(
      List<Figure> figures,
      SmallNumberRules rules,
      Set<FigureKey> hidden,
      Set<String> hiddenContext) {
    Figure[] in = figures.toArray(new Figure[0]);
    FigureCells cells = FigureCells.of(in, hidden);
    boolean[] withheld = new boolean[in.length];
    for (int i = 0; i < in.length; i++) {
      Figure f = in[i];
      withheld[i] =
          f.hasDenominator()
              && (cells.hidden(i, family(f))
                  || (isAverage(f) && cells.hidden(i, AVERAGED))
                  // Only context figures are withheld as context (ContextSuppression.hidden).
                  || (f.assessment().equals(Measures.CONTEXT)
                      && hiddenContext.contains(ContextSuppression.key(f.measure(), f))));
    }
    suppressDerived(in, withheld, cells);
    return new Marks(in, withheld);
  }

  static Set<String> suppressedCells(
      String key, Map<String, Map<String, Long>> rows, SmallNumberRules rules) {
    List<String> schools = new ArrayList<>(rows.keySet());
    List<String> values = new ArrayList<>(new TreeSet<>(valuesOf(rows)));
    List<List<Integer>> counts = new ArrayList<>();
    for (String school : schools) {
      List<Integer> row = new ArrayList<>();
      for (String value : values) {
        row.add(Math.toIntExact(rows.get(school).getOrDefault(value, 0L)));
      }
      counts.add(row);
    }
    Suppression suppression = Suppression.of(new CountTable(counts), rules.suppressionThreshold());
    Set<String> hidden = new HashSet<>();
    for (int r = 0; r < schools.size(); r++) {
      for (int c = 0; c < values.size(); c++) {
        if (suppression.isSuppressed(new CellPosition(r, c))) {
          hidden.add(key + "|" + schools.get(r) + "|" + values.get(c));
        }
      }
    }
    return hidden;
  }

  private static Set<String> valuesOf(Map<String, Map<String, Long>> rows) {
    Set<String> values = new HashSet<>();
    rows.values().forEach(r -> values.addAll(r.keySet()));
    return values;
  }

  /**
   * Gaps and shifts built from a suppressed share are suppressed with it: marks them in {@code
   * withheld}, which holds whether each figure is withheld so far (suppressed already, or its own
   * cell withheld).
   */
  private static void suppressDerived(Figure[] figures, boolean[] withheld, FigureCells cells) {
    Set<String> hiddenGaps = new HashSet<>();
    for (int i = 0; i < figures.length; i++) {
      Figure f = figures[i];
      boolean hide = withheld[i] || f.suppressed();
      if (isGroupGap(f) && cells.hidden(i, ATTAINMENT)) {
        hide = true;
      }
      if (f.measure().startsWith("shift_") || f.measure().startsWith("term_shift_")) {
        ThresholdShifts.Cohort earlier = ThresholdShifts.previousCohort(f);
        if (cells.hidden(i, ATTAINMENT)
            || cells.hidden(
                i,
                ATTAINMENT,
                f.school(),
                earlier.value(),
                earlier.academicYear(),
                earlier.term())) {
          hide = true;
        }
      }
      if (PooledYears.isPooled(f.measure())) {
        String year = f.academicYear();
        for (int back = 0; back < PooledYears.YEARS; back++) {
          if (cells.hidden(i, ATTAINMENT, f.school(), f.groupValue(), year, f.term())) {
            hide = true;
          }
          year = Term.previousAcademicYear(year);
        }
      }
      if (hide && f.measure().startsWith("gap_pct_")) {
        hiddenGaps.add(f.measure() + "|" + f.subject() + "|" + f.school() + "|" + f.academicYear());
      }
      withheld[i] = hide;
    }
    if (hiddenGaps.isEmpty()) {
      return;
    }
    for (int i = 0; i < figures.length; i++) {
      Figure f = figures[i];
      if (f.measure().startsWith("gap_change_")) {
        String gap = "gap_" + f.measure().substring("gap_change_".length());
        String year = f.academicYear();
        for (int back = 0; back < 3; back++) {
          if (hiddenGaps.contains(gap + "|" + f.subject() + "|" + f.school() + "|" + year)) {
            withheld[i] = true;
          }
          year = Term.previousAcademicYear(year);
        }
      }
    }
  }

  /** A side question is worth a look when its own test gives a p-value at most this. */
  static final double WORTH_A_LOOK_P = 0.01;

  /**
   * The one judgement on every tested figure's question. Tests are grouped into the declared
   * families of {@link QuestionFamilies}, and Benjamini–Hochberg (false discovery rate {@value
   * FalseDiscoveryControl#DEFAULT_Q}) runs within each family: each figure keeps its raw p-value
   * and gains the one adjusted within its family. A headline question is strong or to probe when it
   * survives, and a school's place on a funnel only when it is also outside the 95% limits (which
   * allow for overdispersion where the exact binomial p-value does not); otherwise chance cannot be
   * ruled out. A side question (the exploratory family, adjusted over all of them) is never called
   * clear: it is worth a look when its own p-value is at most {@value #WORTH_A_LOOK_P}. A figure
   * withheld or resting on too few pupils is judged "cannot tell yet" for that reason and not
   * tested.
   */
  private static List<Figure> selectFindings(List<Figure> figures) {
    return selectFindings(figures, QuestionFamilies.headlineYear(figures));
  }

  /**
   * {@link #selectFindings(List)} with the headline year given: the same judgements for every
   * figure whose families are all within {@code figures} (the families of questions are declared in
   * {@link QuestionFamilies}), so a family's figures can be judged apart from the rest.
   */
  static List<Figure> selectFindings(List<Figure> figures, String headlineYear) {
    Map<String, List<Integer>> families = new LinkedHashMap<>();
    List<Figure> out = new ArrayList<>(figures);
    for (int i = 0; i < figures.size(); i++) {
      Figure f = figures.get(i);
      if (f.pValue() == null) {
        continue;
      }
      String family = QuestionFamilies.familyOf(f, headlineYear);
      if (isTested(f)) {
        families.computeIfAbsent(family, k -> new ArrayList<>()).add(i);
      } else {
        out.set(i, judgedUntested(f, family));
      }
    }
    families.forEach(
        (family, members) -> {
          List<Finding> tests = new ArrayList<>(members.size());
          for (int i : members) {
            Figure f = figures.get(i);
            tests.add(new Finding(f.measure() + "|" + cellKey(f), f.pValue()));
          }
          List<ScreenedFinding> screened = FalseDiscoveryControl.benjaminiHochberg(tests);
          for (int k = 0; k < members.size(); k++) {
            int i = members.get(k);
            Figure f = figures.get(i);
            // The judgement rests on the p-value and funnel place, not the adjusted p-value.
            out.set(
                i,
                f.withAdjustedPValueAndJudgement(
                    screened.get(k).adjustedPValue(),
                    judged(f, family, members.size(), screened.get(k).isSelected())));
          }
        });
    return out;
  }

  /**
   * Tells whether a figure with a p-value is tested within its family: it is neither withheld nor
   * resting on too few pupils.
   */
  static boolean isTested(Figure f) {
    return f.pValue() != null && !f.suppressed() && !f.belowReportingThreshold();
  }

  /** A figure with a p-value that is not tested ({@link #isTested}), judged "cannot tell yet". */
  static Figure judgedUntested(Figure f, String family) {
    return f.withJudgement(
        untested(
            f.suppressed() ? Judgement.Reason.WITHHELD : Judgement.Reason.TOO_FEW_PUPILS, family));
  }

  /**
   * A tested side question ({@link Judgement#EXPLORATORY}) judged as {@link #selectFindings} judges
   * it, given its family's size and its p-value adjusted within that family: its verdict rests on
   * its own p-value and funnel place, not on the adjustment.
   */
  static Figure judgedSideQuestion(Figure f, int familySize, double adjusted) {
    Figure g = f.withAdjustedPValue(adjusted);
    return g.withJudgement(judged(g, Judgement.EXPLORATORY, familySize, false));
  }

  private static Judgement untested(Judgement.Reason reason, String family) {
    return new Judgement(Judgement.Verdict.CANNOT_TELL, reason, family, 0);
  }

  private static Judgement judged(Figure f, String family, int familySize, boolean selected) {
    boolean inside = f.funnel() != null && f.funnel().position().equals(WITHIN);
    Judgement.Verdict verdict;
    Judgement.Reason reason;
    if (family.equals(Judgement.EXPLORATORY)) {
      boolean small = f.pValue() <= WORTH_A_LOOK_P && !inside;
      verdict = small ? Judgement.Verdict.WORTH_A_LOOK : Judgement.Verdict.CANNOT_TELL;
      reason = small ? Judgement.Reason.SMALL_P_AMONG_MANY : Judgement.Reason.WITHIN_CHANCE;
    } else if (!selected) {
      verdict = Judgement.Verdict.CANNOT_TELL;
      reason = Judgement.Reason.WITHIN_CHANCE;
    } else if (inside) {
      verdict = Judgement.Verdict.CANNOT_TELL;
      reason = Judgement.Reason.INSIDE_LIMITS;
    } else {
      verdict = better(f) ? Judgement.Verdict.STRONG : Judgement.Verdict.TO_PROBE;
      reason = Judgement.Reason.CLEAR_OF_CHANCE;
    }
    return new Judgement(verdict, reason, family, familySize);
  }

  /**
   * Tells whether a figure lies on the better side of its question: a school above the cluster's
   * funnel, a rise, a group above the rest of its school, value added above zero.
   */
  private static boolean better(Figure f) {
    if (f.funnel() != null) {
      return f.funnel().position().startsWith("above");
    }
    return f.value() > 0;
  }

  /**
   * Each school's published share with enough pupils, against the funnel of every school's share of
   * the same measure: limits at 95% and 99.8% at the school's n, exact binomial at every n (so the
   * limits run on without a jump where a method would change), widened by √φ when the schools are
   * overdispersed; and the exact binomial p-value of its count against the funnel's target, which
   * makes the position a candidate finding.
   */
  static List<Figure> placeOnFunnels(List<Figure> figures, SmallNumberRules rules) {
    Figure[] in = figures.toArray(new Figure[0]);
    boolean[] suppressed = new boolean[in.length];
    for (int i = 0; i < in.length; i++) {
      suppressed[i] = in[i].suppressed();
    }
    Map<FigureKey, FunnelPlaces> funnels = funnels(in, suppressed);
    List<Figure> out = new ArrayList<>(in.length);
    for (int i = 0; i < in.length; i++) {
      Figure f = in[i];
      if (!placed(f, suppressed[i], rules)) {
        out.add(f);
        continue;
      }
      FunnelPlaces funnel = funnels.get(funnelKey(f));
      out.add(f.withPValueAndFunnel(funnel.pValue(f), funnel.band(f)));
    }
    return out;
  }

  /** Where a share sits against limits, as {@link FunnelLimits#position} tells it. */
  private static FunnelPosition positionOf(double share, double lower, double upper) {
    if (share < lower) {
      return FunnelPosition.BELOW;
    }
    if (share > upper) {
      return FunnelPosition.ABOVE;
    }
    return FunnelPosition.INSIDE;
  }

  /**
   * One funnel with its limits and p-values worked out once for each cohort size and count its
   * schools have: the exact binomial limits take a search over the distribution each time, and an
   * LA's funnel of 300 schools has far fewer distinct cohort sizes than schools.
   */
  private static final class FunnelPlaces {
    private final Funnel funnel;
    private final String method;
    private final Int2ObjectOpenHashMap<double[]> limits = new Int2ObjectOpenHashMap<>();
    private final Long2DoubleOpenHashMap pValues = new Long2DoubleOpenHashMap();

    FunnelPlaces(Funnel funnel) {
      this.funnel = funnel;
      this.method = methodOf(funnel, FunnelLimitMethod.EXACT_BINOMIAL);
    }

    /** The 95% and 99.8% limits at {@code n}: lower and upper of each, as proportions. */
    double[] limitsAt(int n) {
      double[] at = limits.get(n);
      if (at == null) {
        FunnelLimitMethod method = FunnelLimitMethod.EXACT_BINOMIAL;
        FunnelLimits at95 = funnel.limits(n, ConfidenceLevel.NINETY_FIVE, method);
        FunnelLimits at998 = funnel.limits(n, ConfidenceLevel.NINETY_NINE_POINT_EIGHT, method);
        at =
            new double[] {
              at95.limits().lower(),
              at95.limits().upper(),
              at998.limits().lower(),
              at998.limits().upper()
            };
        limits.put(n, at);
      }
      return at;
    }

    /** Where a school's share {@code f} sits against this funnel's limits at its pupils. */
    FunnelBand band(Figure f) {
      double[] limits = limitsAt(Math.toIntExact(f.denominatorCount()));
      double share = f.value() / 100;
      return new FunnelBand(
          100 * funnel.target(),
          100 * limits[0],
          100 * limits[1],
          100 * limits[2],
          100 * limits[3],
          position(
              positionOf(share, limits[0], limits[1]), positionOf(share, limits[2], limits[3])),
          method);
    }

    /**
     * The exact binomial p-value of a school's share {@code f} (its count of its pupils) against
     * the funnel's target.
     */
    double pValue(Figure f) {
      int count = (int) Math.round(f.numerator());
      int n = Math.toIntExact(f.denominatorCount());
      long key = ((long) n << 32) | (count & 0xffffffffL);
      if (pValues.containsKey(key)) {
        return pValues.get(key);
      }
      double p = funnel.exactPValue(count, n);
      pValues.put(key, p);
      return p;
    }
  }

  /** How a funnel's limits were made, and whether they were widened. */
  private static String methodOf(Funnel funnel, FunnelLimitMethod method) {
    return method.label()
        + (funnel.overdispersion().detected()
            ? ", widened for overdispersion (phi "
                + String.format(java.util.Locale.ROOT, "%.2f", funnel.overdispersion().phi())
                + ")"
            : "");
  }

  /**
   * A teacher-assessment figure over pupils of several year groups: its level depends on which year
   * groups its pupils are in, so schools are compared only year group by year group.
   */
  private static boolean poolsYearGroups(Figure f) {
    return f.assessment().equals(Measures.TEACHER) && !f.group().equals(Measures.YEAR_GROUP);
  }

  /** The funnel position of a school inside its 95% limits. */
  private static final String WITHIN = "within";

  private static String position(FunnelPosition at95, FunnelPosition at998) {
    if (at998 != FunnelPosition.INSIDE) {
      return at998 == FunnelPosition.ABOVE ? "above_998" : "below_998";
    }
    if (at95 != FunnelPosition.INSIDE) {
      return at95 == FunnelPosition.ABOVE ? "above_95" : "below_95";
    }
    return WITHIN;
  }

  /** Measures over the same pupils share one suppression table. */
  private static final String ATTAINMENT = "attainment";

  /**
   * The figures whose pupils are counted in a suppression table: attainment (the first threshold,
   * Level 4+ or the expected standard, stands for the second and for average points, which count
   * the same pupils) and each progress measure (value added against a supplied reference too).
   */
  private static boolean isTableMeasure(Figure f) {
    return f.hasDenominator()
        && (f.measure().equals(Measures.PCT_LEVEL4_PLUS)
            || f.measure().equals(Measures.PCT_EXPECTED_PLUS)
            || f.measure().equals(Measures.PUPILS_NOT_KNOWN)
            || f.measure().equals(Measures.PCT_EXPECTED_PROGRESS)
            || f.measure().equals(Measures.VALUE_ADDED)
            || f.measure().equals(Measures.VALUE_ADDED_NATIONAL)
            || f.measure().startsWith("progress_points_"));
  }

  /** The suppression table a figure's pupils are counted in. */
  private static String family(Figure f) {
    return f.measure().equals(Measures.PCT_LEVEL4_PLUS)
            || f.measure().equals(Measures.PUPILS_NOT_KNOWN)
            || f.measure().equals(Measures.PCT_LEVEL5_PLUS)
            || f.measure().equals(Measures.AVERAGE_POINTS)
            || f.measure().equals(Measures.PCT_EXPECTED_PLUS)
            || f.measure().equals(Measures.PCT_HIGHER_PLUS)
            || f.measure().equals(Measures.AVERAGE_SCALED_SCORE)
            || isGroupGap(f)
        ? ATTAINMENT
        : f.measure();
  }

  /**
   * The pupils with points behind an average, who can be fewer than the pupils counted in its
   * family's table (a KS2 pupil absent or working below the test has no scaled score), so they make
   * a suppression table of their own; an average is withheld when its cell in either is.
   */
  private static final String AVERAGED = "averaged";

  /** The suppression table whose cells count this figure's pupils, if any (none or one). */
  static List<String> tablesCounting(Figure f) {
    if (isAverage(f)) {
      return List.of(AVERAGED);
    }
    return isTableMeasure(f) ? List.of(family(f)) : List.of();
  }

  /** An average over the pupils with points (see {@link #AVERAGED}). */
  private static boolean isAverage(Figure f) {
    return f.hasDenominator()
        && (f.measure().equals(Measures.AVERAGE_POINTS)
            || f.measure().equals(Measures.AVERAGE_SCALED_SCORE));
  }

  /** A group against the rest of its school: its pupils are the group's cell of the table. */
  private static boolean isGroupGap(Figure f) {
    return f.measure().startsWith("gap_pct_") || f.measure().equals(Measures.GAP_AVERAGE_POINTS);
  }

  private static boolean isShare(Figure f) {
    return (f.measure().startsWith("pct_") || PooledYears.isPooled(f.measure()))
        && f.hasDenominator();
  }

  private static Figure asSuppressed(Figure f) {
    return f.suppressed() ? f : f.asSuppressed();
  }

  /** Labels of one table of schools × group values. */
  private static String tableKey(Figure f) {
    return String.join(
        "|",
        f.assessment(),
        String.valueOf(f.scheme()),
        f.academicYear(),
        f.term(),
        f.subject(),
        f.group());
  }

  /** Labels of one cell (school and group value) of that table. */
  private static String cellKey(Figure f) {
    return tableKey(f) + "|" + f.school() + "|" + f.groupValue();
  }

  /**
   * The labels of a funnel: a figure's without its school, so every school's share of the same
   * measure, table and group value meets on it.
   */
  private static FigureKey funnelKey(Figure f) {
    return FigureKey.like(f, f.measure(), "", f.groupValue(), f.academicYear(), f.term());
  }
}
