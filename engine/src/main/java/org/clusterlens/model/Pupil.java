package org.clusterlens.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One pupil's row in a termly return, as the warehouse keeps it. Names are never kept: ClusterLens
 * needs only the UPN to follow a pupil, and no governor output may carry either.
 *
 * <p>A characteristic the return does not give (its column left out, or the pupil's cell left
 * empty) is null, meaning <em>not known</em>: ClusterLens never guesses it, and a pupil whose value
 * is not known is left out of that characteristic's pupil groups (neither Y nor N).
 *
 * @param upn the Unique Pupil Number, valid with its check letter; never null
 * @param dateOfBirth the date of birth, or null when not known
 * @param gender "M" or "F", or null when not known
 * @param yearGroup the National Curriculum year, 0 for Reception and 1 to 6
 * @param fsm currently eligible for free school meals, or null when not known
 * @param disadvantaged Ever 6 FSM, looked after or adopted from care (pupil premium), or null when
 *     not known
 * @param sen special educational needs provision, or null when not known
 * @param eal first language other than English, or null when not known
 * @param ethnicity the census ethnicity code, or null when the return has no ethnicity column or
 *     left the cell empty
 * @param dateJoined the date the pupil joined the school, or null when the return does not say
 * @param lookedAfter looked after by a local authority (in care), or null when the return does not
 *     say (no such column, or its cell left empty)
 * @param assessments the pupil's grades, one per assessment kind and subject; never null
 */
public record Pupil(
    String upn,
    LocalDate dateOfBirth,
    String gender,
    int yearGroup,
    Boolean fsm,
    Boolean disadvantaged,
    Sen sen,
    Boolean eal,
    Ethnicity ethnicity,
    LocalDate dateJoined,
    Boolean lookedAfter,
    List<PupilAssessment> assessments) {

  public Pupil {
    if (upn == null) {
      throw new IllegalArgumentException("A pupil needs a UPN");
    }
    if (yearGroup < 0 || yearGroup > 6) {
      throw new IllegalArgumentException(
          "Year group " + yearGroup + " is not a primary year (R, 1-6)");
    }
    assessments = List.copyOf(assessments);
  }
}
