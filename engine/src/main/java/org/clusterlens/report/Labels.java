package org.clusterlens.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.clusterlens.metrics.Measures;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Judgement;
import org.clusterlens.stats.FunnelPosition;

/** The words packs use for codes: subjects, year groups, peer schools, times. */
public final class Labels {

  private static final DateTimeFormatter BUILT =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.UK)
          .withZone(ZoneOffset.UTC);

  private Labels() {}

  /** "Reading", or "Reading, writing and maths combined" for {@code rwm}. */
  public static String subject(String code) {
    return switch (code) {
      case "reading" -> "Reading";
      case "writing" -> "Writing";
      case "maths" -> "Maths";
      case Figure.RWM -> "Reading, writing and maths combined";
      default -> code;
    };
  }

  /** A short subject label for narrow table cells and chart axes: "RWM" for {@code rwm}. */
  public static String subjectShort(String code) {
    return code.equals(Figure.RWM) ? "RWM" : subject(code);
  }

  /**
   * The trends section's heading, saying how many years it holds: "Trends over the last 2 years";
   * "Trends" with fewer than two (the section then says a trend needs two).
   */
  public static String trends(int years) {
    return years < 2 ? "Trends" : "Trends over the last " + years + " years";
  }

  /** "All year groups" or "Year 6". */
  public static String yearGroup(String value) {
    return value.equals(Figure.ALL) ? "All year groups" : "Year " + value;
  }

  /**
   * The anonymous label of the n-th school of the cluster (0-based): "School A", … "School Z",
   * "School 27".
   */
  public static String peer(int index) {
    return index < 26 ? "School " + (char) ('A' + index) : "School " + (index + 1);
  }

  /**
   * The anonymous label a school carries in every output of a run: its place in the cluster's list
   * of schools, so "School C" is the same school in every governor pack, on the training page and
   * in the priorities. Throws {@link IllegalArgumentException} if the school is not in the cluster.
   */
  public static String letter(Cluster cluster, String urn) {
    for (int i = 0; i < cluster.schools().size(); i++) {
      if (cluster.schools().get(i).urn().equals(urn)) {
        return peer(i);
      }
    }
    throw new IllegalArgumentException("School " + urn + " is not in cluster " + cluster.name());
  }

  /**
   * The reader's own school in its own pack, with the letter other schools' packs give it: "Ashmere
   * Green Primary School (School A in other schools' packs)".
   */
  public static String ownSchool(String name, String letter) {
    return name + " (" + letter + " in other schools' packs)";
  }

  /**
   * Where a school sits on a funnel plot, in words that stand without colour: "Above the cluster
   * range", "Well below the cluster range" (outside the 99.8% limits), "Within the cluster range".
   */
  public static String funnelPosition(FunnelPosition position95, FunnelPosition position998) {
    return switch (position95) {
      case ABOVE ->
          position998 == FunnelPosition.ABOVE
              ? "Well above the cluster range"
              : "Above the cluster range";
      case BELOW ->
          position998 == FunnelPosition.BELOW
              ? "Well below the cluster range"
              : "Below the cluster range";
      case INSIDE -> "Within the cluster range";
    };
  }

  /** A pupil group as packs name it: "Disadvantaged pupils", "Pupils with SEN support", "Girls". */
  public static String group(String group, String value) {
    return switch (group + ":" + value) {
      case "disadvantaged:Y" -> "Disadvantaged pupils";
      case "disadvantaged:N" -> "Other pupils (not disadvantaged)";
      case "fsm:Y" -> "Pupils eligible for free school meals";
      case "sen:K" -> "Pupils with SEN support";
      case "sen:E" -> "Pupils with an EHC plan";
      case "sen:N" -> "Pupils without special educational needs";
      case "eal:Y" -> "Pupils with English as an additional language";
      case "gender:M" -> "Boys";
      case "gender:F" -> "Girls";
      default ->
          switch (group) {
            case "season_of_birth" -> "Pupils born in " + value;
            case "prior_attainment" -> capitalised(value) + " prior attainment at Key Stage 1";
            case "mobility" -> capitalised(value) + " pupils (joining)";
            case "ethnicity" -> capitalised(value) + " pupils (ethnicity)";
            default -> group + " " + value;
          };
    };
  }

  /** A progress measure as packs name it. */
  public static String measure(String code) {
    return switch (code) {
      case Measures.PROGRESS_POINTS_TERM -> "Points gained since last term";
      case Measures.PROGRESS_POINTS_YEAR -> "Points gained since the same term last year";
      case Measures.PCT_EXPECTED_PROGRESS ->
          "% making expected progress (two levels since Key Stage 1)";
      case Measures.VALUE_ADDED ->
          "Value added: points against pupils with similar starting points";
      case Measures.VALUE_ADDED_NATIONAL ->
          "Value added: points against the national reference for similar starting points";
      default -> code;
    };
  }

  private static String capitalised(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /** When packs were built, for people: "12 March 2025 at 10:15 UTC". */
  public static String builtAt(java.time.Instant instant) {
    return BUILT.format(instant);
  }

  /**
   * A judgement as a table cell prints it: "Strong", "To probe", "Worth a look", "Cannot tell yet",
   * or "Not compared" when no judgement was made (too few pupils).
   */
  public static String verdict(Judgement judgement) {
    return judgement == null ? "Not compared" : capitalised(judgement.verdict().words());
  }

  /**
   * Why a figure got its judgement, as a clause that completes "Strong:" or "Cannot tell yet:",
   * e.g. "clear of chance among this school's 15 headline questions".
   */
  public static String reason(Judgement judgement) {
    if (judgement == null) {
      return "too few pupils to compare";
    }
    String among = among(judgement);
    return switch (judgement.reason()) {
      case CLEAR_OF_CHANCE -> "chance alone would rarely give this, " + among;
      case WITHIN_CHANCE -> "chance alone could give this, " + among;
      case INSIDE_LIMITS -> "within the range chance gives around the cluster's rate";
      case SMALL_P_AMONG_MANY -> "unusual on its own, but one of many side questions";
      case TOO_FEW_PUPILS -> "too few pupils to compare";
      case WITHHELD -> "withheld to protect pupils";
    };
  }

  /**
   * "among this school's 15 headline questions", "among the cluster's 8 schools on this measure".
   */
  private static String among(Judgement j) {
    String family = j.family();
    int n = j.familySize();
    if (family.startsWith("funnel:")) {
      return "allowing for the " + n + (n == 1 ? " school" : " schools") + " compared";
    }
    if (family.startsWith("school:")) {
      return "allowing for this school's " + n + " headline questions";
    }
    if (family.startsWith("cluster:")) {
      return "allowing for the cluster's " + n + " headline questions";
    }
    return "one of many side questions";
  }

  /**
   * How often chance alone would give a result at least this large, in words: "about 1 in 40",
   * "fewer than 1 in 1,000", "about 1 in 2 (often)".
   */
  public static String chanceOf(double pValue) {
    if (pValue < 0.001) {
      return "fewer than 1 time in 1,000";
    }
    if (pValue >= 0.5) {
      return "more often than 1 time in 2";
    }
    double odds = 1 / pValue;
    long rounded =
        odds < 20
            ? Math.round(odds)
            : odds < 100 ? 5 * Math.round(odds / 5) : 10 * Math.round(odds / 10);
    return "about 1 time in " + String.format(java.util.Locale.ROOT, "%,d", rounded);
  }
}
