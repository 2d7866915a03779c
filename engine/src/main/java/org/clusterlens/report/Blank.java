package org.clusterlens.report;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.clusterlens.model.Figure;
import org.clusterlens.stats.SmallNumberRules;

/**
 * Why a pack shows no figure in a cell, by the Department for Education's symbols: {@code c}
 * withheld to protect pupils' confidentiality, {@code z} not applicable, {@code x} no data. A
 * reader who meets a dash takes it for zero; a letter with its legend beside the table does not.
 */
public enum Blank {
  /** The figure exists but is suppressed: too few pupils, or it would give another away. */
  WITHHELD(
      "c",
      "withheld to protect pupils' confidentiality (fewer than "
          + SmallNumberRules.DEFAULT.suppressionThreshold()
          + " pupils, or it could be worked out from other figures)"),
  /**
   * The measure does not exist here, e.g. average points for reading, writing and maths together.
   */
  NOT_APPLICABLE("z", "not applicable"),
  /** No figure: no pupils were assessed, or the returns do not hold it. */
  NO_DATA("x", "no data");

  private final String symbol;
  private final String meaning;

  Blank(String symbol, String meaning) {
    this.symbol = symbol;
    this.meaning = meaning;
  }

  /** The letter a cell shows: {@code c}, {@code z} or {@code x}. */
  public String symbol() {
    return symbol;
  }

  /** What the letter means, e.g. "not applicable". */
  public String meaning() {
    return meaning;
  }

  /** The symbol whose letter is {@code symbol}, if any. */
  public static Optional<Blank> ofSymbol(String symbol) {
    for (Blank b : values()) {
      if (b.symbol.equals(symbol)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /**
   * The legend for the symbols used, in the order c, z, x: "c: withheld to protect pupils'
   * confidentiality (…); x: no data". Empty when none is used.
   */
  public static String legend(Collection<Blank> used) {
    if (used.isEmpty()) {
      return "";
    }
    return EnumSet.copyOf(used).stream()
        .map(b -> b.symbol + ": " + b.meaning)
        .collect(Collectors.joining("; "));
  }

  /** Why a looked-up figure has no value to show: withheld when it is held but suppressed. */
  public static Blank of(Optional<Figure> figure) {
    return figure.filter(Figure::suppressed).isPresent() ? WITHHELD : NO_DATA;
  }

  /**
   * Why {@code value}, the part named {@code part} of a row, is missing, or null when it is there:
   * withheld when {@code withheld} names the part, otherwise no data.
   */
  static Blank why(Object value, Set<String> withheld, String part) {
    if (value != null) {
      return null;
    }
    return withheld.contains(part) ? WITHHELD : NO_DATA;
  }
}
