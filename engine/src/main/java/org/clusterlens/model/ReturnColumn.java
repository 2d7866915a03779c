package org.clusterlens.model;

import java.util.List;
import java.util.Optional;

/**
 * The columns of a termly return, in the order the template lays them out, with the header names
 * ClusterLens recognises for each.
 */
public enum ReturnColumn {
  UPN(
      "UPN",
      true,
      null,
      null,
      "Unique Pupil Number: a letter then 12 digits",
      "Unique Pupil Number",
      "Pupil UPN"),
  FORENAME("Forename", false, null, null, "Optional; read, then discarded", "First name"),
  SURNAME("Surname", false, null, null, "Optional; read, then discarded", "Last name"),
  DATE_OF_BIRTH(
      "Date of birth", false, null, null, "A date, e.g. 14/03/2015; empty if not known", "DOB"),
  GENDER("Gender", false, null, null, "M or F; empty if not known", "Sex"),
  YEAR_GROUP("Year group", true, null, null, "R or 1 to 6", "Year", "NC Year"),
  FSM(
      "FSM",
      false,
      null,
      null,
      "Y or N: eligible for free school meals now; empty if not known",
      "Free School Meals"),
  DISADVANTAGED(
      "Disadvantaged",
      false,
      null,
      null,
      "Y or N: pupil premium (FSM in the last 6 years, or looked after); empty if not known",
      "Pupil Premium",
      "Ever 6 FSM"),
  SEN(
      "SEN",
      false,
      null,
      null,
      "N (none), K (SEN support) or E (EHC plan); empty if not known",
      "SEN Provision"),
  EAL(
      "EAL",
      false,
      null,
      null,
      "Y or N: first language other than English; empty if not known",
      "English as an additional language"),
  ETHNICITY(
      "Ethnicity",
      false,
      null,
      null,
      "Optional: the census code, e.g. WBRI, MWAS, AIND, BAFR, CHNE, OOTH, REFU",
      "Ethnic group",
      "Ethnic origin",
      "Ethnicity code",
      "Ethnic code"),
  DATE_JOINED(
      "Date joined",
      false,
      null,
      null,
      "Optional: the date the pupil joined the school, e.g. 01/09/2019",
      "Entry date",
      "Date of entry",
      "Admission date",
      "Start date",
      "EntryDate"),
  READING(
      "Reading",
      false,
      Assessment.TEACHER,
      Subject.READING,
      "This term's teacher assessment; leave the column out if there is none",
      "Rdg"),
  WRITING(
      "Writing",
      false,
      Assessment.TEACHER,
      Subject.WRITING,
      "This term's teacher assessment; leave the column out if there is none",
      "Wri"),
  MATHS(
      "Maths",
      false,
      Assessment.TEACHER,
      Subject.MATHS,
      "This term's teacher assessment; leave the column out if there is none",
      "Mathematics",
      "Ma"),
  KS1_READING("KS1 Reading", false, Assessment.KS1, Subject.READING, "KS1 result (Year 2 summer)"),
  KS1_WRITING("KS1 Writing", false, Assessment.KS1, Subject.WRITING, "KS1 result (Year 2 summer)"),
  KS1_MATHS("KS1 Maths", false, Assessment.KS1, Subject.MATHS, "KS1 result (Year 2 summer)"),
  KS2_READING("KS2 Reading", false, Assessment.KS2, Subject.READING, "KS2 result (Year 6 summer)"),
  KS2_WRITING("KS2 Writing", false, Assessment.KS2, Subject.WRITING, "KS2 result (Year 6 summer)"),
  KS2_MATHS("KS2 Maths", false, Assessment.KS2, Subject.MATHS, "KS2 result (Year 6 summer)"),
  // Optional columns added later go last, so the earlier columns keep their places.
  LOOKED_AFTER(
      "Looked after",
      false,
      null,
      null,
      "Optional: Y or N: looked after by a local authority (in care); empty if not known",
      "LAC",
      "CLA",
      "Child looked after",
      "Looked after child",
      "Children looked after",
      "In care");

  private final String header;
  private final boolean required;
  private final Assessment assessment;
  private final Subject subject;
  private final String guidance;
  private final List<String> synonyms;

  ReturnColumn(
      String header,
      boolean required,
      Assessment assessment,
      Subject subject,
      String guidance,
      String... synonyms) {
    this.header = header;
    this.required = required;
    this.assessment = assessment;
    this.subject = subject;
    this.guidance = guidance;
    this.synonyms = List.of(synonyms);
  }

  /** The header the template writes. */
  public String header() {
    return header;
  }

  /**
   * Tells whether every return must have this column: only the UPN and the year group. Every other
   * column may be left out (a return of KS2 results alone need not invent teacher assessment or
   * characteristics); a characteristic left out is not known for each pupil.
   */
  public boolean required() {
    return required;
  }

  /** The guidance shown in the template and the return format document. */
  public String guidance() {
    return guidance;
  }

  /** The kind of assessment this column holds, if it holds grades. */
  public Optional<Assessment> assessment() {
    return Optional.ofNullable(assessment);
  }

  /** The subject this column holds grades for, if it holds grades. */
  public Optional<Subject> subject() {
    return Optional.ofNullable(subject);
  }

  /** Other header names that mean this column. */
  public List<String> synonyms() {
    return synonyms;
  }

  /** The grade column for an assessment kind and subject. */
  public static ReturnColumn gradeColumn(Assessment assessment, Subject subject) {
    for (ReturnColumn c : values()) {
      if (c.assessment == assessment && c.subject == subject) {
        return c;
      }
    }
    throw new IllegalArgumentException("No column holds " + assessment + " " + subject);
  }
}
