package org.clusterlens.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The school census's 20 main ethnicity codes, each in its major group (METHODOLOGY §5). Figures
 * are reported by major group only: single codes are too small in a cluster.
 */
public enum Ethnicity {
  WBRI(MajorGroup.WHITE, "White - British"),
  WIRI(MajorGroup.WHITE, "White - Irish"),
  WIRT(MajorGroup.WHITE, "Traveller of Irish heritage"),
  WOTH(MajorGroup.WHITE, "Any other White background"),
  WROM(MajorGroup.WHITE, "Gypsy / Roma"),
  MWBC(MajorGroup.MIXED, "White and Black Caribbean"),
  MWBA(MajorGroup.MIXED, "White and Black African"),
  MWAS(MajorGroup.MIXED, "White and Asian"),
  MOTH(MajorGroup.MIXED, "Any other mixed background"),
  AIND(MajorGroup.ASIAN, "Indian"),
  APKN(MajorGroup.ASIAN, "Pakistani"),
  ABAN(MajorGroup.ASIAN, "Bangladeshi"),
  AOTH(MajorGroup.ASIAN, "Any other Asian background"),
  BCRB(MajorGroup.BLACK, "Black Caribbean"),
  BAFR(MajorGroup.BLACK, "Black African"),
  BOTH(MajorGroup.BLACK, "Any other Black background"),
  CHNE(MajorGroup.CHINESE, "Chinese"),
  OOTH(MajorGroup.OTHER, "Any other ethnic group"),
  REFU(MajorGroup.UNCLASSIFIED, "Refused"),
  NOBT(MajorGroup.UNCLASSIFIED, "Information not yet obtained");

  /** The major groups figures are reported by, with their codes in the metrics export. */
  public enum MajorGroup {
    WHITE,
    MIXED,
    ASIAN,
    BLACK,
    CHINESE,
    OTHER,
    UNCLASSIFIED;

    /** The lower-case code in the metrics export: "white". */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final MajorGroup majorGroup;
  private final String label;

  Ethnicity(MajorGroup majorGroup, String label) {
    this.majorGroup = majorGroup;
    this.label = label;
  }

  /** The major group this code belongs to. */
  public MajorGroup majorGroup() {
    return majorGroup;
  }

  /** The census description, e.g. "White - British". */
  public String label() {
    return label;
  }

  /**
   * The ethnicity a return's cell means: one of the 20 codes or its census description, in any
   * case, surrounding spaces ignored; empty when it is neither.
   */
  public static Optional<Ethnicity> read(String text) {
    String wanted = text == null ? "" : text.trim();
    return Arrays.stream(values())
        .filter(e -> e.name().equalsIgnoreCase(wanted) || e.label.equalsIgnoreCase(wanted))
        .findFirst();
  }

  /** Every code, in census order. */
  public static List<String> codes() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
