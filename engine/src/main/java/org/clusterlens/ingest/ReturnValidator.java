package org.clusterlens.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.Ethnicity;
import org.clusterlens.model.Grade;
import org.clusterlens.model.Pupil;
import org.clusterlens.model.PupilAssessment;
import org.clusterlens.model.ReturnColumn;
import org.clusterlens.model.Sen;
import org.clusterlens.model.Term;
import org.clusterlens.model.Upn;
import org.clusterlens.scheme.AssessmentScheme;
import org.clusterlens.scheme.Scheme;
import org.clusterlens.scheme.SchemeChoices;

/**
 * Checks every row of a return and turns the good ones into pupils. Every problem is collected, so
 * a school business manager sees them all at once rather than one per attempt.
 */
public final class ReturnValidator {

  // Strict, so 31/02/2013 is an error rather than quietly becoming 28/02/2013.
  private static final DateTimeFormatter UK_DATE =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  /** A date, then a time after a space or a T: {@code 2018-06-12 00:00:00}. */
  private static final Pattern DATE_AND_TIME =
      Pattern.compile("(\\S+)[ T](\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)");

  private static final Pattern MIDNIGHT = Pattern.compile("0?0:00(?::00(?:\\.0+)?)?");

  private static final DateTimeFormatter UK_DATE_OUT = DateTimeFormatter.ofPattern("dd/MM/uuuu");
  private static final Pattern YEAR_GROUP =
      Pattern.compile("(?:y|yr|year|ncy)?\\s*([0-6])(?:\\.0+)?");
  private static final Map<String, Boolean> FLAGS =
      Map.ofEntries(
          Map.entry("y", true),
          Map.entry("yes", true),
          Map.entry("1", true),
          Map.entry("true", true),
          Map.entry("t", true),
          Map.entry("n", false),
          Map.entry("no", false),
          Map.entry("0", false),
          Map.entry("false", false),
          Map.entry("f", false));
  private static final String FLAG_VALUES = "Use Y or N (1/0, Yes/No and TRUE/FALSE also work)";

  private ReturnValidator() {}

  /**
   * Validates the rows below the header.
   *
   * @return the pupils read and every problem found; the return is accepted only when no problem is
   *     an error
   */
  public static ReturnCheck validate(
      RawSheet sheet, HeaderMapping header, ReturnIdentity identity) {
    return validate(sheet, header, identity, SchoolMapping.NONE);
  }

  /**
   * Validates the rows below the header, reading grades through the school's own vocabulary first
   * (a tracker's "Secure+" read as the code it maps to).
   */
  public static ReturnCheck validate(
      RawSheet sheet, HeaderMapping header, ReturnIdentity identity, SchoolMapping mapping) {
    return validate(sheet, header, identity, mapping, SchemeChoices.LEVELS_ONLY);
  }

  /**
   * Validates the rows below the header, reading each assessment's grades in the scheme the cluster
   * chose for the school's term, through the school's own vocabulary first.
   */
  public static ReturnCheck validate(
      RawSheet sheet,
      HeaderMapping header,
      ReturnIdentity identity,
      SchoolMapping mapping,
      SchemeChoices schemes) {
    Map<Assessment, Scheme> schemeOf = new EnumMap<>(Assessment.class);
    for (Assessment a : Assessment.values()) {
      schemeOf.put(a, schemes.schemeFor(identity.schoolUrn(), identity.term(), a));
    }
    List<ReturnProblem> problems = new ArrayList<>();
    List<Pupil> pupils = new ArrayList<>();
    // Each field's column, looked up once rather than on every row: -1 where the return lacks it.
    int[] columnOf = new int[ReturnColumn.values().length];
    List<ReturnColumn> gradeColumns = new ArrayList<>();
    for (ReturnColumn c : ReturnColumn.values()) {
      columnOf[c.ordinal()] = header.column(c).orElse(-1);
      if (c.assessment().isPresent() && columnOf[c.ordinal()] >= 0) {
        gradeColumns.add(c);
      }
    }
    int rows = sheet.rows().size();
    // Per characteristic column the return has, the rows that leave it empty: not known.
    Map<ReturnColumn, List<Integer>> notRecorded = new EnumMap<>(ReturnColumn.class);
    // Rows of pupils with no result at all in the return's columns: nothing of them is stored.
    List<Integer> noResults = new ArrayList<>();
    Map<String, Integer> rowOfUpn = new HashMap<>(2 * rows);
    List<Integer> pupilRows = new ArrayList<>(rows);
    for (RawSheet.Row row : sheet.rows()) {
      if (row.number() <= header.headerRow()) {
        continue;
      }
      RowReader r = new RowReader(sheet, header, columnOf, row, mapping, problems, notRecorded);
      String upn = r.text(ReturnColumn.UPN).toUpperCase(Locale.ROOT);
      Optional<String> upnProblem = Upn.problem(upn);
      if (upnProblem.isPresent()) {
        r.error(ReturnColumn.UPN, upnProblem.get(), "Copy the UPN from the MIS");
      } else {
        Integer earlier = rowOfUpn.putIfAbsent(upn, row.number());
        if (earlier != null) {
          r.error(
              ReturnColumn.UPN,
              "is already on row " + earlier,
              "List each pupil once; remove the repeated row");
        }
      }
      LocalDate dob = r.dateOfBirth();
      String gender = r.gender();
      Integer yearGroup = r.yearGroup();
      if (dob != null && yearGroup != null) {
        r.checkAgeFits(dob, yearGroup, identity.term());
      }
      Boolean fsm = r.characteristicFlag(ReturnColumn.FSM);
      Boolean disadvantaged = r.characteristicFlag(ReturnColumn.DISADVANTAGED);
      Sen sen = r.sen();
      Boolean eal = r.characteristicFlag(ReturnColumn.EAL);
      Ethnicity ethnicity = r.ethnicity();
      LocalDate dateJoined = r.dateJoined(dob);
      Boolean lookedAfter = r.optionalFlag(ReturnColumn.LOOKED_AFTER);
      List<PupilAssessment> assessments = new ArrayList<>(gradeColumns.size());
      for (ReturnColumn c : gradeColumns) {
        Scheme scheme = schemeOf.get(c.assessment().get());
        Optional<Grade> grade = r.grade(c, scheme);
        // A missing teacher assessment is kept (as no grade) so completeness can be reported;
        // a missing statutory result simply means the pupil was not in that cohort.
        if (grade.isPresent() || c.assessment().get() == Assessment.TEACHER) {
          assessments.add(
              new PupilAssessment(
                  c.assessment().get(), c.subject().get(), grade.orElse(null), scheme.id()));
        }
      }
      if (!r.hasErrors()) {
        if (assessments.isEmpty()) {
          noResults.add(row.number());
        }
        pupilRows.add(row.number());
        pupils.add(
            new Pupil(
                upn,
                dob,
                gender,
                yearGroup,
                fsm,
                disadvantaged,
                sen,
                eal,
                ethnicity,
                dateJoined,
                lookedAfter,
                assessments));
      }
    }
    notRecorded.forEach(
        (column, empty) -> problems.add(notRecordedWarning(sheet, header, column, empty)));
    if (!noResults.isEmpty()) {
      problems.add(
          new ReturnProblem(
              ReturnProblem.Severity.WARNING,
              sheet.file(),
              sheet.sheet(),
              null,
              null,
              null,
              (noResults.size() == 1 ? "1 pupil has" : noResults.size() + " pupils have")
                  + " no result in this return ("
                  + rowList(noResults)
                  + (noResults.size() == 1
                      ? "), so the pupil is not stored and counts in no figure"
                      : "), so they are not stored and count in no figure"),
              "Give each pupil's results, or leave out pupils the return does not report on"));
    }
    if (pupils.isEmpty() && problems.stream().noneMatch(ReturnProblem::isError)) {
      problems.add(
          new ReturnProblem(
              ReturnProblem.Severity.ERROR,
              sheet.file(),
              sheet.sheet(),
              header.headerRow(),
              null,
              null,
              "this is the header row, but no pupils are listed below it",
              "Paste one row per pupil below the header"));
    }
    return new ReturnCheck(identity, pupils, problems, pupilRows, sheet, header);
  }

  /** Row numbers listed in a warning before the rest are only counted. */
  private static final int ROWS_LISTED = 20;

  /**
   * The one warning for a characteristic column whose cells some pupils leave empty: those pupils'
   * value is not known, so they are left out of that characteristic's groups, never counted as
   * "no".
   */
  private static ReturnProblem notRecordedWarning(
      RawSheet sheet, HeaderMapping header, ReturnColumn column, List<Integer> empty) {
    String pupils = (empty.size() == 1 ? "1 pupil (" : empty.size() + " pupils (") + rowList(empty);
    return new ReturnProblem(
        ReturnProblem.Severity.WARNING,
        sheet.file(),
        sheet.sheet(),
        null,
        header.headers().getOrDefault(column, column.header()),
        null,
        column.header()
            + " not recorded for "
            + pupils
            + "): "
            + (empty.size() == 1 ? "the pupil counts" : "they count")
            + " as not known, so "
            + (empty.size() == 1 ? "is" : "are")
            + " left out of "
            + consequence(column),
        acceptedFor(column));
  }

  /** "row 4", "rows 4 and 9", "rows 4, 9, … and 12 more". */
  private static String rowList(List<Integer> rows) {
    StringBuilder listed = new StringBuilder(rows.size() == 1 ? "row " : "rows ");
    for (int i = 0; i < Math.min(ROWS_LISTED, rows.size()); i++) {
      if (i > 0) {
        listed.append(i == rows.size() - 1 ? " and " : ", ");
      }
      listed.append(rows.get(i));
    }
    if (rows.size() > ROWS_LISTED) {
      listed.append(" and ").append(rows.size() - ROWS_LISTED).append(" more");
    }
    return listed.toString();
  }

  private static String consequence(ReturnColumn column) {
    return switch (column) {
      case DATE_OF_BIRTH ->
          "the season-of-birth groups, and the year group is not checked against the age";
      case GENDER -> "the gender groups";
      case FSM -> "the FSM groups (neither Y nor N)";
      case DISADVANTAGED -> "the disadvantaged groups (neither Y nor N)";
      case SEN -> "the SEN groups (none of N, K or E)";
      case EAL -> "the EAL groups (neither Y nor N)";
      default -> "the groups made from it";
    };
  }

  private static String acceptedFor(ReturnColumn column) {
    String own =
        switch (column) {
          case DATE_OF_BIRTH -> "Write the date of birth, e.g. 14/03/2015";
          case GENDER -> "Write M or F";
          case SEN -> "Write N (none), K (SEN support) or E (EHC plan)";
          default -> "Write Y or N";
        };
    return own + " for each pupil; leave a cell empty only where the school does not know";
  }

  /** Reads one row's cells, recording a problem for each cell that cannot be read. */
  private static final class RowReader {
    private final RawSheet sheet;
    private final HeaderMapping header;
    private final int[] columnOf;
    private final RawSheet.Row row;
    private final SchoolMapping mapping;
    private final List<ReturnProblem> problems;
    private final Map<ReturnColumn, List<Integer>> notRecorded;
    private boolean errors;

    RowReader(
        RawSheet sheet,
        HeaderMapping header,
        int[] columnOf,
        RawSheet.Row row,
        SchoolMapping mapping,
        List<ReturnProblem> problems,
        Map<ReturnColumn, List<Integer>> notRecorded) {
      this.notRecorded = notRecorded;
      this.sheet = sheet;
      this.header = header;
      this.columnOf = columnOf;
      this.row = row;
      this.mapping = mapping;
      this.problems = problems;
    }

    boolean hasErrors() {
      return errors;
    }

    String text(ReturnColumn c) {
      int column = columnOf[c.ordinal()];
      return column < 0 ? "" : row.cell(column).trim();
    }

    void error(ReturnColumn c, String problem, String accepted) {
      errors = true;
      add(ReturnProblem.Severity.ERROR, c, problem, accepted);
    }

    void add(ReturnProblem.Severity severity, ReturnColumn c, String problem, String accepted) {
      String value = text(c);
      problems.add(
          new ReturnProblem(
              severity,
              sheet.file(),
              sheet.sheet(),
              row.number(),
              header.headers().getOrDefault(c, c.header()),
              value.isEmpty() ? null : value,
              value.isEmpty() && !problem.startsWith("the ") ? "is empty: " + problem : problem,
              accepted));
    }

    /**
     * A year group more than one year away from the one the date of birth gives is an error; one
     * year away is a warning, as some pupils are taught out of their year group.
     */
    void checkAgeFits(LocalDate dob, int yearGroup, Term term) {
      int cohortStart = dob.getMonthValue() >= 9 ? dob.getYear() : dob.getYear() - 1;
      int expected = term.startYear() - cohortStart - 5;
      int gap = Math.abs(yearGroup - expected);
      if (gap == 0) {
        return;
      }
      String byAge =
          "the date of birth "
              + dob.format(UK_DATE_OUT)
              + " puts the pupil in "
              + yearGroupName(expected)
              + " in "
              + term.academicYear();
      if (gap == 1) {
        add(
            ReturnProblem.Severity.WARNING,
            ReturnColumn.YEAR_GROUP,
            "is one year away from the pupil's age: " + byAge,
            "Is the pupil taught out of their year group? If not, correct the year group or the"
                + " date of birth");
      } else {
        error(
            ReturnColumn.YEAR_GROUP,
            "does not fit the pupil's age: " + byAge,
            "Correct the year group or the date of birth (a year group starts with pupils born on"
                + " 1 September)");
      }
    }

    private static String yearGroupName(int yearGroup) {
      if (yearGroup == 0) {
        return "Reception";
      }
      return yearGroup < 0 ? "nursery or younger" : "Year " + yearGroup;
    }

    LocalDate date(ReturnColumn c) {
      String written = text(c);
      // Database exports write a date as a date and time at midnight: the date alone is meant.
      Matcher timed = written.indexOf(':') < 0 ? null : DATE_AND_TIME.matcher(written);
      boolean hasTime = timed != null && timed.matches();
      String value = hasTime ? timed.group(1) : written;
      if (hasTime && !MIDNIGHT.matcher(timed.group(2)).matches()) {
        error(
            c,
            "is a date with a time of day",
            "Write the date alone as day/month/year, e.g. 14/03/2015 (a time of 00:00 is read as"
                + " the date alone)");
        return null;
      }
      try {
        if (isExcelSerial(value)) {
          return DateUtil.getLocalDateTime(Double.parseDouble(value)).toLocalDate();
        }
        if (value.indexOf('/') >= 0) {
          return ukDate(value);
        }
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        error(c, "is not a date", "Write the date as day/month/year, e.g. 14/03/2015");
        return null;
      }
    }

    /** Tells whether a cell holds a whole Excel date serial: 4 or 5 digits, maybe then ".0…". */
    private static boolean isExcelSerial(String value) {
      int digits = digitsFrom(value, 0);
      if (digits < 4 || digits > 5) {
        return false;
      }
      if (digits == value.length()) {
        return true;
      }
      if (value.charAt(digits) != '.' || digits + 1 == value.length()) {
        return false;
      }
      for (int i = digits + 1; i < value.length(); i++) {
        if (value.charAt(i) != '0') {
          return false;
        }
      }
      return true;
    }

    /** How many ASCII digits run from {@code start}. */
    private static int digitsFrom(String value, int start) {
      int i = start;
      while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
        i++;
      }
      return i - start;
    }

    /**
     * A day/month/year date, read strictly: 31/02/2013 is not a date. The common shape (d/m/yyyy
     * with one or two digit days and months) is read by hand, as the formatter costs more than the
     * rest of a row's checks together; any other shape goes to the strict formatter.
     */
    private static LocalDate ukDate(String value) {
      int day = digitsFrom(value, 0);
      int month = digitsFrom(value, day + 1);
      int yearStart = day + month + 2;
      boolean common =
          day >= 1
              && day <= 2
              && month >= 1
              && month <= 2
              && value.charAt(day) == '/'
              && yearStart <= value.length()
              && value.charAt(yearStart - 1) == '/'
              && value.length() - yearStart == 4
              && digitsFrom(value, yearStart) == 4;
      if (!common) {
        return LocalDate.parse(value, UK_DATE);
      }
      try {
        return LocalDate.of(
            Integer.parseInt(value, yearStart, value.length(), 10),
            Integer.parseInt(value, day + 1, day + 1 + month, 10),
            Integer.parseInt(value, 0, day, 10));
      } catch (java.time.DateTimeException e) {
        throw new DateTimeParseException("'" + value + "' is not a date", value, 0, e);
      }
    }

    /**
     * Tells whether a characteristic's cell is not known: the return leaves the column out, or
     * leaves this pupil's cell empty (which is noted for the column's one warning).
     */
    private boolean notKnown(ReturnColumn c) {
      if (columnOf[c.ordinal()] < 0) {
        return true;
      }
      if (!text(c).isEmpty()) {
        return false;
      }
      notRecorded.computeIfAbsent(c, k -> new ArrayList<>()).add(row.number());
      return true;
    }

    /** The date of birth, or null when not known (or, with an error, when it cannot be read). */
    LocalDate dateOfBirth() {
      return notKnown(ReturnColumn.DATE_OF_BIRTH) ? null : date(ReturnColumn.DATE_OF_BIRTH);
    }

    /** M or F, or null when not known (or, with an error, when it cannot be read). */
    String gender() {
      if (notKnown(ReturnColumn.GENDER)) {
        return null;
      }
      String value = text(ReturnColumn.GENDER);
      if (value.length() == 1) {
        switch (value.charAt(0)) {
          case 'M', 'm':
            return "M";
          case 'F', 'f':
            return "F";
          default:
            break;
        }
      }
      value = value.toUpperCase(Locale.ROOT);
      switch (value) {
        case "M", "MALE", "BOY":
          return "M";
        case "F", "FEMALE", "GIRL":
          return "F";
        default:
          error(ReturnColumn.GENDER, "is not a gender ClusterLens reads", "Use M or F");
          return null;
      }
    }

    Integer yearGroup() {
      String value = text(ReturnColumn.YEAR_GROUP);
      if (value.length() == 1 && value.charAt(0) >= '0' && value.charAt(0) <= '6') {
        return value.charAt(0) - '0';
      }
      value = value.toLowerCase(Locale.ROOT);
      if (value.equals("r") || value.equals("reception") || value.equals("yr r")) {
        return 0;
      }
      Matcher m = YEAR_GROUP.matcher(value);
      if (m.matches()) {
        return Integer.parseInt(m.group(1));
      }
      error(ReturnColumn.YEAR_GROUP, "is not a primary year group", "Use R or 1 to 6");
      return null;
    }

    /** A characteristic's yes or no, or null when not known. */
    Boolean characteristicFlag(ReturnColumn c) {
      return notKnown(c) ? null : flag(c);
    }

    /** A non-empty yes/no cell. */
    private boolean flag(ReturnColumn c) {
      String value = text(c);
      if (value.length() == 1) {
        switch (value.charAt(0)) {
          case 'Y', 'y', '1', 'T', 't':
            return true;
          case 'N', 'n', '0', 'F', 'f':
            return false;
          default:
            break;
        }
      }
      Boolean flag = FLAGS.get(value.toLowerCase(Locale.ROOT));
      if (flag == null) {
        error(c, "is not a yes/no value", FLAG_VALUES);
        return false;
      }
      return flag;
    }

    /** An optional yes/no column: null when the return lacks it or leaves the cell empty. */
    Boolean optionalFlag(ReturnColumn c) {
      if (text(c).isEmpty()) {
        return null;
      }
      return flag(c);
    }

    /** The SEN provision, or null when not known (or, with an error, when it cannot be read). */
    Sen sen() {
      if (notKnown(ReturnColumn.SEN)) {
        return null;
      }
      Sen sen = Sen.ofCode(text(ReturnColumn.SEN));
      if (sen == null) {
        error(
            ReturnColumn.SEN,
            "is not an SEN code",
            "Use N (none), K (SEN support) or E (education, health and care plan)");
      }
      return sen;
    }

    /** The optional ethnicity: null when the column is absent or the cell empty. */
    Ethnicity ethnicity() {
      String value = text(ReturnColumn.ETHNICITY);
      if (value.isEmpty()) {
        return null;
      }
      Optional<Ethnicity> ethnicity = Ethnicity.read(value);
      if (ethnicity.isEmpty()) {
        error(
            ReturnColumn.ETHNICITY,
            "is not a school census ethnicity code",
            "Use one of " + String.join(", ", Ethnicity.codes()) + ", or leave it empty");
      }
      return ethnicity.orElse(null);
    }

    /** The optional date joined: null when absent or empty; never before the date of birth. */
    LocalDate dateJoined(LocalDate dob) {
      if (text(ReturnColumn.DATE_JOINED).isEmpty()) {
        return null;
      }
      LocalDate joined = date(ReturnColumn.DATE_JOINED);
      if (joined != null && dob != null && joined.isBefore(dob)) {
        error(
            ReturnColumn.DATE_JOINED,
            "is before the pupil's date of birth " + dob.format(UK_DATE_OUT),
            "Write the date the pupil joined this school, e.g. 01/09/2019");
        return null;
      }
      return joined;
    }

    Optional<Grade> grade(ReturnColumn c, Scheme scheme) {
      String value = text(c);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      AssessmentScheme table =
          scheme.table(c.assessment().orElseThrow(), c.subject().orElseThrow()).orElseThrow();
      Optional<Grade> grade = table.read(mapping.grade(value));
      if (grade.isEmpty()) {
        error(
            c,
            "is not a grade in " + table.name(),
            "Use " + table.acceptedWords() + ", or leave it empty");
      }
      return grade;
    }
  }
}
