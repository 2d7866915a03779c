package org.clusterlens.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.clusterlens.metrics.Measures;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Term;
import org.clusterlens.scheme.Scheme;
import org.clusterlens.scheme.Schemes;

/**
 * A school's latest results in an assessment scheme other than National Curriculum levels (KS2
 * scaled scores, termly judgements, a tracker). They cannot be set beside figures in levels, so
 * packs show them on their own, each beside the cluster's figure pooled over only the schools that
 * use the same scheme.
 *
 * @param assessment the kind of assessment, as people read it: "Key Stage 2"; never null
 * @param schemeId the scheme's code, e.g. {@code ks2-2016}; never null
 * @param schemeName the scheme's name, e.g. "KS2 scaled scores and writing judgements"; never null
 * @param period the term or year the results are for, e.g. "2024-25" or "Spring 2024-25"
 * @param schoolsInScheme how many of the cluster's schools have results in this scheme then
 * @param rows one row per subject, reading, writing, maths, then combined; never null
 */
public record SchemeResults(
    String assessment,
    String schemeId,
    String schemeName,
    String period,
    int schoolsInScheme,
    List<Row> rows) {

  /**
   * One subject's results in the scheme.
   *
   * @param subject the subject code
   * @param expected the share at the expected standard or above, or null when not published
   * @param higher the share at the higher standard (or greater depth), or null
   * @param average the average scaled score or points, or null where the scheme has none
   * @param clusterExpected the same share pooled over the schools in the scheme, or null when no
   *     other school uses it
   * @param clusterHigher the pooled higher-standard share, or null
   * @param expectedShift the change in the expected-standard share since the year before in the
   *     same scheme, in percentage points, or null where there is none (teacher assessment, a first
   *     year in the scheme, or a withheld figure)
   * @param expectedShiftRange the range chance alone could produce for that change, or null
   */
  public record Row(
      String subject,
      Proportion expected,
      Proportion higher,
      AveragePoints average,
      Proportion clusterExpected,
      Proportion clusterHigher,
      Double expectedShift,
      ChangeRange expectedShiftRange) {}

  public SchemeResults {
    rows = List.copyOf(rows);
  }

  /** The sentence a pack puts above the table: what the scheme is and why it stands alone. */
  public String explanation() {
    String pooled =
        schoolsInScheme > 1
            ? " The cluster figures beside them pool the "
                + schoolsInScheme
                + " schools that use it."
            : " No other school in the cluster used it then, so there is no cluster figure to"
                + " compare with.";
    return assessment
        + " results for "
        + period
        + " were handed in as "
        + schemeName
        + ". Results in different schemes cannot be compared, so they are shown here on their own"
        + " and left out of the comparisons in levels."
        + pooled;
  }

  /** The name a pack gives a scheme: its own for a shipped one, else the tracker's code. */
  public static String nameOf(String schemeId) {
    return Schemes.BUILT_IN
        .byId(schemeId)
        .map(Scheme::name)
        .orElse(schemeId + " tracker steps (the cluster's own)");
  }

  /** The latest results of {@code school} (or the cluster) in each scheme other than levels. */
  static List<SchemeResults> of(String school, FigureIndex index) {
    // Latest period per assessment and scheme this school has results for.
    Map<String, Figure> latest = new TreeMap<>();
    for (Figure f : index.otherSchemesOf(school)) {
      String key = f.assessment() + "|" + f.scheme();
      Figure held = latest.get(key);
      if (held == null || FigureIndex.termOf(f).compareTo(FigureIndex.termOf(held)) > 0) {
        latest.put(key, f);
      }
    }
    List<SchemeResults> out = new ArrayList<>();
    for (Figure at : latest.values()) {
      Term term = FigureIndex.termOf(at);
      int schools = index.schoolsInScheme(at);
      List<Row> rows = new ArrayList<>();
      for (String subject : Measures.SUBJECTS) {
        Proportion expected = share(index, at, Measures.PCT_EXPECTED_PLUS, subject, school);
        Proportion higher = share(index, at, Measures.PCT_HIGHER_PLUS, subject, school);
        if (expected == null && higher == null) {
          continue;
        }
        AveragePoints average =
            index
                .inScheme(at, Measures.AVERAGE_SCALED_SCORE, subject, school)
                .or(() -> index.inScheme(at, Measures.AVERAGE_POINTS, subject, school))
                .filter(f -> !f.suppressed())
                .map(AveragePoints::of)
                .orElse(null);
        Optional<Figure> shift =
            index
                .inScheme(at, Measures.SHIFT_PCT_EXPECTED_PLUS, subject, school)
                .filter(f -> !f.suppressed());
        rows.add(
            new Row(
                subject,
                expected,
                higher,
                average,
                schools > 1
                    ? share(index, at, Measures.PCT_EXPECTED_PLUS, subject, Figure.CLUSTER)
                    : null,
                schools > 1
                    ? share(index, at, Measures.PCT_HIGHER_PLUS, subject, Figure.CLUSTER)
                    : null,
                shift.map(Figure::value).orElse(null),
                shift.map(ChangeRange::of).orElse(null)));
      }
      if (rows.isEmpty()) {
        continue;
      }
      boolean statutory = !at.assessment().equals(Measures.TEACHER);
      out.add(
          new SchemeResults(
              Assessment.valueOf(at.assessment().toUpperCase(java.util.Locale.ROOT)).label(),
              at.scheme(),
              nameOf(at.scheme()),
              statutory ? at.academicYear() : term.label(),
              schools,
              rows));
    }
    return out;
  }

  private static Proportion share(
      FigureIndex index, Figure at, String measure, String subject, String school) {
    Optional<Figure> f = index.inScheme(at, measure, subject, school);
    return f.filter(x -> !x.suppressed()).map(Proportion::of).orElse(null);
  }
}
