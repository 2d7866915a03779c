package org.clusterlens.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.clusterlens.report.Labels;
import org.clusterlens.report.Numbers;

/**
 * Checks, from the written files alone, that every output says each headline figure's one
 * judgement: metrics.csv's judgements are recomputed from its own p-values (Benjamini–Hochberg
 * within each family), and wherever a pack's text states a judged figure, the next judgement words
 * after it are that figure's.
 */
final class JudgementAgreement {

  /** The judgement words packs print, by metrics.csv's code. */
  static final Map<String, List<String>> WORDS =
      Map.of(
          "strong",
          List.of("Strong:", "that is clear:", "that is a clear change:"),
          "to_probe",
          List.of("To probe:", "that is clear:", "that is a clear change:"),
          "worth_a_look",
          List.of("Worth a look"),
          "cannot_tell",
          List.of("Cannot tell yet:", "we cannot tell it from chance:", "Not compared"));

  private final List<String> problems = new ArrayList<>();
  private int checked;

  /** The problems found so far, each in a sentence; empty when every output agreed. */
  List<String> problems() {
    return problems;
  }

  /** How many statements of a judged figure were found and checked in the texts. */
  int checked() {
    return checked;
  }

  /**
   * Recomputes each family's adjusted p-values and each judgement from metrics.csv's own columns.
   */
  void checkMetrics(List<CSVRecord> rows) {
    Map<String, List<CSVRecord>> families = new LinkedHashMap<>();
    for (CSVRecord r : rows) {
      // A shared priority's test is adjusted over the priorities' own comparisons, some of which
      // are not rows (docs/SHARED-WORK.md), so it is checked there.
      if (!r.get("family").isEmpty()
          && !r.get("family").equals("shared_priorities")
          && !r.get("adjusted_p_value").isEmpty()) {
        families.computeIfAbsent(r.get("family"), k -> new ArrayList<>()).add(r);
      }
    }
    families.forEach(
        (family, members) -> {
          int m = members.size();
          List<CSVRecord> sorted = new ArrayList<>(members);
          sorted.sort(Comparator.comparingDouble(r -> p(r, "p_value")));
          double running = 1;
          Map<CSVRecord, Double> adjusted = new LinkedHashMap<>();
          for (int i = m - 1; i >= 0; i--) {
            running = Math.min(running, p(sorted.get(i), "p_value") * m / (i + 1));
            adjusted.put(sorted.get(i), Math.min(1, running));
          }
          for (CSVRecord r : members) {
            if (!r.get("family_size").equals(Integer.toString(m))) {
              problems.add(label(r) + ": family size " + r.get("family_size") + ", not " + m);
            }
            // p-values are written to six places: over a family of m, BH can move that by m/1e6.
            if (Math.abs(adjusted.get(r) - p(r, "adjusted_p_value")) > 1e-6 * m + 2e-6) {
              problems.add(
                  label(r)
                      + ": adjusted p "
                      + r.get("adjusted_p_value")
                      + ", not "
                      + adjusted.get(r));
            }
            String expected = verdict(r, family, adjusted.get(r));
            if (!r.get("judgement").equals(expected)) {
              problems.add(label(r) + ": judged " + r.get("judgement") + ", not " + expected);
            }
            if (!r.get("selected_finding")
                .equals(
                    Boolean.toString(expected.equals("strong") || expected.equals("to_probe")))) {
              problems.add(label(r) + ": selected_finding disagrees with its judgement");
            }
          }
        });
  }

  private static String verdict(CSVRecord r, String family, double adjusted) {
    boolean funnel = !r.get("funnel_position").isEmpty();
    boolean inside = r.get("funnel_position").equals("within");
    if (family.equals("exploratory")) {
      return p(r, "p_value") <= 0.01 && !inside ? "worth_a_look" : "cannot_tell";
    }
    if (adjusted > 0.05 || inside) {
      return "cannot_tell";
    }
    boolean better = funnel ? r.get("funnel_position").startsWith("above") : p(r, "value") > 0;
    return better ? "strong" : "to_probe";
  }

  /**
   * Checks one output's text: after every statement of a school's judged headline figure (a share
   * against the cluster, or a year-on-year shift), the next judgement words are its own.
   */
  void checkText(String output, String text, List<CSVRecord> rows, String urn) {
    for (CSVRecord r : rows) {
      if (!r.get("school").equals(urn)
          || r.get("judgement").isEmpty()
          || r.get("family").equals("exploratory")
          || !r.get("group").equals("all")) {
        continue;
      }
      for (String phrase : phrases(r, rows)) {
        int at = text.indexOf(phrase);
        while (at >= 0) {
          String next = nextJudgement(text, at + phrase.length());
          checked++;
          if (next == null || !WORDS.get(r.get("judgement")).contains(next)) {
            problems.add(
                output
                    + ": \""
                    + phrase
                    + "\" is followed by "
                    + next
                    + ", but "
                    + label(r)
                    + " is judged "
                    + r.get("judgement"));
          }
          at = text.indexOf(phrase, at + 1);
        }
      }
    }
  }

  /** How the packs state this figure, before its judgement. */
  private static List<String> phrases(CSVRecord r, List<CSVRecord> rows) {
    String measure = r.get("measure");
    String subject = subjectWords(r.get("subject"));
    if (measure.startsWith("shift_")) {
      String threshold = threshold(measure.substring("shift_".length()));
      String size = Numbers.signedPoints(p(r, "value"));
      if (size.equals("0")) {
        return List.of();
      }
      String moved = (p(r, "value") > 0 ? " rose " : " fell ");
      List<String> phrases = new ArrayList<>();
      // Key points and briefs: "Maths at Level 4+ rose 12 percentage points since 2023-24".
      phrases.add(
          Labels.subject(r.get("subject")) + " at " + threshold + moved + size.substring(1) + " ");
      // Self-evaluation: "Level 4+ in reading, writing and maths combined rose by 8 percentage".
      if (r.get("subject").equals("rwm")) {
        phrases.add(
            threshold
                + " in reading, writing and maths combined"
                + moved
                + "by "
                + size.substring(1)
                + " ");
      }
      return phrases;
    }
    if (r.get("numerator").isEmpty()) {
      return List.of();
    }
    boolean pooled = measure.startsWith("pooled_");
    String share = pooled ? measure.substring("pooled_".length()) : measure;
    String describe =
        Numbers.percent(p(r, "value"))
            + " ("
            + Numbers.count(p(r, "numerator"))
            + " of "
            + r.get("denominator")
            + ")";
    return List.of(describe + " reached " + threshold(share) + " in " + subject);
  }

  private static String nextJudgement(String text, int from) {
    int best = Integer.MAX_VALUE;
    String found = null;
    for (List<String> words : WORDS.values()) {
      for (String w : words) {
        int at = text.indexOf(w, from);
        if (at >= 0 && at < best) {
          best = at;
          found = w;
        }
      }
    }
    return found;
  }

  private static String threshold(String measure) {
    return switch (measure) {
      case "pct_level4_plus" -> "Level 4+";
      case "pct_level5_plus" -> "Level 5+";
      case "pct_expected_plus" -> "the expected standard";
      case "pct_higher_plus" -> "the higher standard";
      default -> measure;
    };
  }

  private static String subjectWords(String code) {
    String s = Labels.subject(code);
    return s.toLowerCase(Locale.ROOT);
  }

  private static double p(CSVRecord r, String column) {
    return Double.parseDouble(r.get(column));
  }

  private static String label(CSVRecord r) {
    return String.join(
        " ",
        r.get("measure"),
        r.get("subject"),
        r.get("school"),
        r.get("group"),
        r.get("group_value"),
        r.get("academic_year"));
  }
}
