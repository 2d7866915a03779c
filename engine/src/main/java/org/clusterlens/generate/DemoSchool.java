package org.clusterlens.generate;

import java.util.List;
import org.clusterlens.model.School;

/**
 * The plan for one demo school before any pupil is generated.
 *
 * @param school URN and name
 * @param establishmentNumber the four-digit DfE establishment number, used in the UPNs it issues
 * @param targetRoll roughly how many pupils in Years 1 to 6 it has
 * @param yearGroupSizes exact Year 1 to Year 6 sizes in autumn 2023-24, or empty to draw them
 *     around {@code targetRoll}
 * @param newYear1Size the exact Year 1 arriving in autumn 2024-25, or 0 to draw it
 * @param format how the school hands its returns in
 * @param plantedRise whether this school's KS2 combined results are planted to rise
 */
record DemoSchool(
    School school,
    String establishmentNumber,
    int targetRoll,
    List<Integer> yearGroupSizes,
    int newYear1Size,
    ReturnFormat format,
    boolean plantedRise) {

  DemoSchool {
    yearGroupSizes = List.copyOf(yearGroupSizes);
    if (!yearGroupSizes.isEmpty() && yearGroupSizes.size() != 6) {
      throw new IllegalArgumentException("Year group sizes are for Years 1 to 6");
    }
  }

  static DemoSchool drawn(
      String urn, String name, String establishmentNumber, int targetRoll, ReturnFormat format) {
    return new DemoSchool(
        new School(urn, name), establishmentNumber, targetRoll, List.of(), 0, format, false);
  }
}
