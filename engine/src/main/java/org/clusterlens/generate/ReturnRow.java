package org.clusterlens.generate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.clusterlens.model.Ethnicity;
import org.clusterlens.model.ReturnColumn;
import org.clusterlens.model.Sen;

/**
 * One pupil's row in a generated termly return, with the values a school's MIS would export.
 *
 * @param upn a valid Unique Pupil Number; never null
 * @param forename never null
 * @param surname never null
 * @param dateOfBirth never null
 * @param gender "M" or "F"; never null
 * @param yearGroup 1 to 6
 * @param fsm eligible for free school meals now
 * @param disadvantaged pupil premium (always true when {@code fsm} is)
 * @param sen SEN provision; never null
 * @param eal first language other than English
 * @param ethnicity the census ethnicity code; never null
 * @param dateJoined the date the pupil joined the school; never null
 * @param teacherAssessment this term's teacher-assessed sub-levels; never null
 * @param ks1 KS1 results, only in a Year 2 pupil's summer row; otherwise null
 * @param ks2 KS2 results, only in a Year 6 pupil's summer row; otherwise null
 */
public record ReturnRow(
    String upn,
    String forename,
    String surname,
    LocalDate dateOfBirth,
    String gender,
    int yearGroup,
    boolean fsm,
    boolean disadvantaged,
    Sen sen,
    boolean eal,
    Ethnicity ethnicity,
    LocalDate dateJoined,
    SubjectGrades teacherAssessment,
    SubjectGrades ks1,
    SubjectGrades ks2) {

  /** How every generated return writes a date as text. */
  public static final DateTimeFormatter DATE_FORMAT =
      DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

  /**
   * The columns a generated return writes, in the template's order: every column but Looked after,
   * which the generator does not model (its calibration has no such figure), so its returns leave
   * that optional column out, as many MIS exports do.
   */
  public static final List<ReturnColumn> COLUMNS =
      Arrays.stream(ReturnColumn.values()).filter(c -> c != ReturnColumn.LOOKED_AFTER).toList();

  public ReturnRow {
    if (upn == null
        || forename == null
        || surname == null
        || dateOfBirth == null
        || gender == null
        || sen == null
        || ethnicity == null
        || dateJoined == null
        || teacherAssessment == null) {
      throw new IllegalArgumentException("A return row needs every identity field and grades");
    }
    if (yearGroup < 1 || yearGroup > 6) {
      throw new IllegalArgumentException("Year group " + yearGroup + " is not 1 to 6");
    }
    if (fsm && !disadvantaged) {
      throw new IllegalArgumentException("Pupil " + upn + " has FSM but is not disadvantaged");
    }
  }

  /** The cell's text as a csv writes it; empty for an empty cell, never null. */
  public String text(ReturnColumn column) {
    return switch (column) {
      case UPN -> upn;
      case FORENAME -> forename;
      case SURNAME -> surname;
      case DATE_OF_BIRTH -> DATE_FORMAT.format(dateOfBirth);
      case GENDER -> gender;
      case YEAR_GROUP -> Integer.toString(yearGroup);
      case FSM -> flag(fsm);
      case DISADVANTAGED -> flag(disadvantaged);
      case SEN -> String.valueOf(sen.code());
      case EAL -> flag(eal);
      case ETHNICITY -> ethnicity.name();
      case DATE_JOINED -> DATE_FORMAT.format(dateJoined);
      case READING -> teacherAssessment.reading();
      case WRITING -> teacherAssessment.writing();
      case MATHS -> teacherAssessment.maths();
      case KS1_READING -> ks1 == null ? "" : ks1.reading();
      case KS1_WRITING -> ks1 == null ? "" : ks1.writing();
      case KS1_MATHS -> ks1 == null ? "" : ks1.maths();
      case KS2_READING -> ks2 == null ? "" : ks2.reading();
      case KS2_WRITING -> ks2 == null ? "" : ks2.writing();
      case KS2_MATHS -> ks2 == null ? "" : ks2.maths();
      case LOOKED_AFTER -> "";
    };
  }

  private static String flag(boolean value) {
    return value ? "Y" : "N";
  }
}
