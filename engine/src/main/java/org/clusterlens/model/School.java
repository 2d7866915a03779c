package org.clusterlens.model;

import java.util.regex.Pattern;

/**
 * A school in the cluster.
 *
 * @param urn the six-digit Unique Reference Number; never null
 * @param name the school's name as its governors know it; never null
 */
public record School(String urn, String name) {

  private static final Pattern URN = Pattern.compile("\\d{6}");

  public School {
    if (urn == null || !URN.matcher(urn).matches()) {
      throw new IllegalArgumentException("'" + urn + "' is not a URN; a URN has six digits");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("School " + urn + " needs a name");
    }
  }

  /** Tells whether {@code text} has the shape of a URN (six digits). */
  public static boolean isUrn(String text) {
    return text != null && URN.matcher(text).matches();
  }
}
