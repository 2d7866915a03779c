package org.clusterlens.insight;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Judgement;
import org.clusterlens.report.Labels;
import org.clusterlens.report.Numbers;
import org.clusterlens.testing.MetricsCsvRows;

/**
 * Checks every number a sentence states against the rows of {@code metrics.csv} its figures name:
 * the test-side reader of a traced sentence, independent of the code that wrote it.
 */
public final class SentenceNumbers {

  /**
   * Numbers that are labels, not figures: academic years, thresholds, year groups, key stages,
   * "95%".
   */
  private static final Pattern LABELS =
      Pattern.compile("\\d{4}-\\d{2}|Level [0-9]\\+|Year [0-9]|Key Stage [12]|95%");

  private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

  private final List<CSVRecord> rows;

  public SentenceNumbers(String metricsCsv) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try {
      this.rows = format.parse(new StringReader(metricsCsv)).getRecords();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every published row read back as a figure, as the packs' shared work was built from: suppressed
   * rows (labels only) are left out, and the reporting-threshold flag is kept.
   */
  public List<Figure> figures() {
    List<Figure> out = new ArrayList<>();
    for (CSVRecord r : rows) {
      if (Boolean.parseBoolean(r.get("suppressed"))) {
        continue;
      }
      Figure f = MetricsCsvRows.figure(r);
      if (!r.get("lower").isEmpty()) {
        f =
            f.withInterval(
                Double.parseDouble(r.get("lower")),
                Double.parseDouble(r.get("upper")),
                r.get("method"));
      }
      if (!r.get("p_value").isEmpty()) {
        f = f.withPValue(Double.parseDouble(r.get("p_value")));
      }
      if (!r.get("adjusted_p_value").isEmpty()) {
        f = f.withAdjustedPValue(Double.parseDouble(r.get("adjusted_p_value")));
      }
      if (Boolean.parseBoolean(r.get("below_reporting_threshold"))) {
        f = f.asBelowReportingThreshold();
      }
      if (!r.get("judgement").isEmpty()) {
        f =
            f.withJudgement(
                new Judgement(
                    Judgement.Verdict.valueOf(r.get("judgement").toUpperCase(Locale.ROOT)),
                    Judgement.Reason.valueOf(r.get("judgement_reason").toUpperCase(Locale.ROOT)),
                    r.get("family"),
                    r.get("family_size").isEmpty() ? 0 : Integer.parseInt(r.get("family_size"))));
      }
      out.add(f);
    }
    return out;
  }

  /** The numbers a sentence states, labels left out. */
  public static List<String> numbersIn(String sentence) {
    Matcher m = NUMBER.matcher(LABELS.matcher(sentence).replaceAll(" "));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /**
   * The numbers in the sentence that no cited metrics.csv row gives, as printed; empty when every
   * number is traced.
   */
  public List<String> untraced(TracedSentence sentence) {
    Set<String> allowed = new HashSet<>();
    for (Figure f : sentence.sources()) {
      printed(row(f), allowed);
    }
    List<String> missing = new ArrayList<>();
    for (String n : numbersIn(sentence.text())) {
      if (!allowed.contains(n)) {
        missing.add(n);
      }
    }
    return missing;
  }

  private CSVRecord row(Figure f) {
    return rows.stream()
        .filter(r -> r.get("measure").equals(f.measure()))
        .filter(r -> r.get("assessment").equals(f.assessment()))
        .filter(r -> r.get("subject").equals(f.subject()))
        .filter(r -> r.get("school").equals(f.school()))
        .filter(r -> r.get("group").equals(f.group()))
        .filter(r -> r.get("group_value").equals(f.groupValue()))
        .filter(r -> r.get("academic_year").equals(f.academicYear()))
        .filter(r -> r.get("term").equals(f.term()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("metrics.csv has no row for " + f));
  }

  private static void printed(CSVRecord r, Set<String> allowed) {
    allowed.add(r.get("numerator"));
    allowed.add(r.get("denominator"));
    if (!r.get("denominator").isEmpty() && !r.get("numerator").isEmpty()) {
      long n = Long.parseLong(r.get("denominator"));
      double x = Double.parseDouble(r.get("numerator"));
      allowed.add("100");
      allowed.add(Numbers.points(100.0 / n));
      allowed.add(Numbers.round(100.0 * (x + 1) / n, 0));
    }
    for (String column : List.of("p_value", "adjusted_p_value")) {
      if (!r.get(column).isEmpty()) {
        double p = Double.parseDouble(r.get(column));
        allowed.add(Numbers.round(p, 3));
        allowed.add("0.001");
        // How often chance alone gives a result this large, as the packs say it ("about 1 in 40").
        allowed.addAll(numbersIn(Labels.chanceOf(p)));
      }
    }
    // The size of the family of questions a judgement allowed for.
    if (r.isMapped("family_size") && !r.get("family_size").isEmpty()) {
      allowed.add(r.get("family_size"));
    }
    for (String column : List.of("value", "lower", "upper")) {
      String text = r.get(column);
      if (!text.isEmpty()) {
        double v = Double.parseDouble(text);
        allowed.add(Numbers.round(v, 0));
        allowed.add(Numbers.signedPoints(v));
        allowed.add(Numbers.round(Math.abs(v), 0));
        allowed.add(Numbers.points(v));
        allowed.add((v > 0 ? "+" : "") + Numbers.points(v));
      }
    }
  }
}
