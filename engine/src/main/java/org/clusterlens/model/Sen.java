package org.clusterlens.model;

/** Special educational needs provision, with the codes the school census uses. */
public enum Sen {
  /** N: no special educational need. */
  NONE('N'),
  /** K: SEN support. */
  SUPPORT('K'),
  /** E: an education, health and care plan. */
  EHC_PLAN('E');

  private final char code;

  Sen(char code) {
    this.code = code;
  }

  /** The census code: N, K or E. */
  public char code() {
    return code;
  }

  /** The provision for a census code (N, K or E), or null when the code is not one of those. */
  public static Sen ofCode(String code) {
    if (code == null || code.length() != 1) {
      return null;
    }
    for (Sen s : values()) {
      if (s.code == Character.toUpperCase(code.charAt(0))) {
        return s;
      }
    }
    return null;
  }
}
