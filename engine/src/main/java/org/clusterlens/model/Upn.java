package org.clusterlens.model;

import java.util.Optional;

/**
 * The Unique Pupil Number and its check letter, as the DfE defines them.
 *
 * <p>A UPN has 13 characters: a check letter, the LA number (3 digits), the establishment number
 * (4), the year of issue (2) and a serial (3). A temporary UPN ends in a letter instead of a digit.
 */
public final class Upn {

  /** The 23 letters used for check letters, in the order that gives their values (A=0 … Z=22). */
  public static final String CHECK_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ";

  private Upn() {}

  /**
   * Computes the check letter for the 12 characters that follow it.
   *
   * @param rest the 12 characters after the check letter (11 digits and a digit or letter)
   * @throws IllegalArgumentException if {@code rest} is not 12 characters of that shape
   */
  public static char checkLetter(String rest) {
    if (rest == null || rest.length() != 12) {
      throw new IllegalArgumentException("A UPN has 12 characters after its check letter: " + rest);
    }
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      char c = rest.charAt(i);
      int value;
      if (Character.isDigit(c)) {
        value = c - '0';
      } else if (i == 11 && CHECK_ALPHABET.indexOf(c) >= 0) {
        value = CHECK_ALPHABET.indexOf(c);
      } else {
        throw new IllegalArgumentException("'" + c + "' cannot stand in a UPN: " + rest);
      }
      sum += (i + 2) * value;
    }
    return CHECK_ALPHABET.charAt(sum % 23);
  }

  /**
   * Says what is wrong with a UPN, in a sentence a school business manager can act on, or nothing
   * if it is valid (permanent or temporary, with the right check letter).
   */
  public static Optional<String> problem(String upn) {
    if (upn == null || upn.isBlank()) {
      return Optional.of("the UPN is missing");
    }
    String u = upn.trim();
    if (u.length() != 13) {
      return Optional.of(
          "a UPN has 13 characters (a letter then 12 digits), but this has " + u.length());
    }
    if (!hasShape(u)) {
      return Optional.of(
          "a UPN is a capital letter (not I, O or S) followed by 12 digits"
              + " (a temporary UPN ends in a letter)");
    }
    char expected = checkLetter(u.substring(1));
    if (u.charAt(0) != expected) {
      return Optional.of(
          "the check letter should be '"
              + expected
              + "' for these digits, so a character has probably been mistyped");
    }
    return Optional.empty();
  }

  /**
   * Tells whether 13 characters are a check letter, 11 digits and a digit or letter: the shape of a
   * permanent or temporary UPN. Checked by hand, as ingest asks it of every row.
   */
  private static boolean hasShape(String u) {
    if (CHECK_ALPHABET.indexOf(u.charAt(0)) < 0) {
      return false;
    }
    for (int i = 1; i < 12; i++) {
      if (!isAsciiDigit(u.charAt(i))) {
        return false;
      }
    }
    char last = u.charAt(12);
    return isAsciiDigit(last) || CHECK_ALPHABET.indexOf(last) >= 0;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Tells whether {@code upn} is a valid UPN with the right check letter. */
  public static boolean isValid(String upn) {
    return problem(upn).isEmpty();
  }
}
