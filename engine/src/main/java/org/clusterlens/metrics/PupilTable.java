package org.clusterlens.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.clusterlens.model.Ethnicity;
import org.clusterlens.model.Figure;
import org.clusterlens.model.PupilAssessment;

/**
 * The pupil rows of a set of schools, read in one scan and held as columns, every label coded as a
 * small integer: what every figure is counted from. A set of schools stands alone (a pupil's KS1
 * result is found in any of its schools), so the table of a whole run and the tables of its
 * clusters give the same figures.
 *
 * <p>Besides the rows it holds:
 *
 * <ul>
 *   <li>each pupil's background in each school and term (the first row's, as pupils' rows in one
 *       return share it), with the pupil groups it puts the pupil in;
 *   <li>the <em>graded</em> rows: each row with a counted grade, plus one reading, writing and
 *       maths combined row per pupil, term, assessment and scheme graded in all three subjects, at
 *       the lowest of the three standards reached and without points;
 *   <li>each pupil's KS1 average point score (the mean of reading, writing and maths points in
 *       levels, wherever it was held), which gives the prior-attainment band.
 * </ul>
 *
 * <p>A characteristic that is not known (null) leaves the pupil out of that characteristic's
 * groups.
 */
public final class PupilTable {

  /** The code of a label that is not known. */
  static final int UNKNOWN = -1;

  /** The school code under which figures pooled over the whole set of schools are counted. */
  static final int CLUSTER = -1;

  /** The most pupil groups one graded row belongs to (all pupils, year group and nine more). */
  static final int MAX_GROUPS = 11;

  /** The warehouse columns the figures are counted from. */
  static final String[] COLUMNS = {
    "school_urn",
    "academic_year",
    "term",
    "upn",
    "assessment",
    "scheme",
    "subject",
    "year_group",
    "points",
    "level",
    "standard",
    "gender",
    "fsm",
    "disadvantaged",
    "sen",
    "eal",
    "ethnicity",
    "date_joined",
    "date_of_birth"
  };

  private static final String[] TERMS = {"autumn", "spring", "summer"};

  /** Strings coded as small integers, in order of first sight. */
  static final class Codes {
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    int code(String name) {
      Integer c = codes.get(name);
      if (c == null) {
        c = names.size();
        codes.put(name, c);
        names.add(name);
      }
      return c;
    }

    /** The code of {@code name}, or {@link #UNKNOWN} if no row has it. */
    int find(String name) {
      return codes.getOrDefault(name, UNKNOWN);
    }

    String name(int code) {
      return names.get(code);
    }

    int size() {
      return names.size();
    }
  }

  /** Pupil groups and their values (a group and value together) coded as small integers. */
  static final class PupilGroups {
    private final Map<String, Map<String, Integer>> codes = new HashMap<>();
    private final List<String> groups = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    int code(String group, String value) {
      Map<String, Integer> ofGroup = codes.computeIfAbsent(group, g -> new HashMap<>());
      Integer c = ofGroup.get(value);
      if (c == null) {
        c = groups.size();
        ofGroup.put(value, c);
        groups.add(group);
        values.add(value);
      }
      return c;
    }

    /**
     * The code of the group of {@code code} as a whole: its group with value {@link Figure#ALL}.
     */
    int wholeGroup(int code) {
      return code(groups.get(code), Figure.ALL);
    }

    /** The group of {@code code}; null for {@link #UNKNOWN} (a cell of no pupil group). */
    String group(int code) {
      return code == UNKNOWN ? null : groups.get(code);
    }

    /** The value of {@code code}; null for {@link #UNKNOWN}. */
    String value(int code) {
      return code == UNKNOWN ? null : values.get(code);
    }
  }

  final Codes schools = new Codes();
  final Codes years = new Codes();
  final Codes terms = new Codes();
  final Codes assessments = new Codes();
  final Codes schemes = new Codes();
  final Codes subjects = new Codes();
  final Codes upns = new Codes();
  final PupilGroups pupilGroups = new PupilGroups();

  /** The code of all pupils. */
  final int allPupils = pupilGroups.code(Figure.ALL, Figure.ALL);

  // The rows.
  int rows;
  int[] school = new int[0];
  int[] year = new int[0];
  int[] term = new int[0];
  int[] assessment = new int[0];
  int[] scheme = new int[0];
  int[] subject = new int[0];
  int[] yearGroup = new int[0];
  int[] upn = new int[0];

  /** Points; NaN where none. */
  double[] points = new double[0];

  /** National Curriculum level; {@link #UNKNOWN} where none. */
  int[] level = new int[0];

  /** Standard reached; {@link #UNKNOWN} where the grade is not counted. */
  int[] standard = new int[0];

  /** The row's pupil in its school and term: an index into the pupil-term columns. */
  int[] pupilTerm = new int[0];

  // Each pupil in each school and term.
  int pupilTerms;
  int[] ptSchool = new int[0];
  int[] ptYear = new int[0];
  int[] ptTerm = new int[0];
  int[] ptUpn = new int[0];

  /** 1 yes, 0 no, {@link #UNKNOWN} not known. */
  int[] ptFsm = new int[0];

  int[] ptDisadvantaged = new int[0];
  int[] ptEal = new int[0];

  /** The SEN code; null where not known. */
  String[] ptSen = new String[0];

  /** Epoch day the pupil joined; {@link Integer#MIN_VALUE} where not known. */
  int[] ptJoined = new int[0];

  /**
   * The codes of the pupil's groups and values ({@link #pupilGroups}) other than all pupils, year
   * group and prior attainment (only the groups whose value is known).
   */
  int[][] ptGroups = new int[0][];

  // Per pupil: the KS1 average point score in levels; NaN where not known.
  double[] ks1Aps;

  /**
   * Per pupil: the code of the prior-attainment band of {@link #ks1Aps} as a pupil group and value;
   * {@link #UNKNOWN} where not known.
   */
  private int[] ks1Band;

  /** The codes of teacher assessment and KS1; {@link #UNKNOWN} where no row has one. */
  private int teacherCode;

  private int ks1Code;

  /**
   * The codes of the year groups 0 to 19 as a pupil group and value; {@link #UNKNOWN} until first
   * asked for.
   */
  private final int[] yearGroupCodes = new int[20];

  {
    Arrays.fill(yearGroupCodes, UNKNOWN);
  }

  // The graded rows: counted grades and the combined rows.
  int graded;
  int[] gSchool;
  int[] gYear;
  int[] gTerm;
  int[] gAssessment;
  int[] gScheme;
  int[] gSubject;
  int[] gYearGroup;
  int[] gUpn;
  int[] gPupilTerm;
  double[] gPoints;
  int[] gStandard;

  /** The subject code of the combined row. */
  int combinedSubject;

  /** Per academic year's code: the calendar year it starts in. */
  int[] yearStart;

  /** The {@link #termIndex} of the earliest year's first term. */
  private int firstTermIndex;

  private PupilTable() {}

  /**
   * Reads {@code assessments} (rows with the warehouse's schema) in one scan: the columns the
   * figures need, scheme columns filled in, streamed partition by partition into the driver.
   */
  public static PupilTable scan(Dataset<Row> assessments) {
    return of(SchemeColumns.filledIn(assessments).selectExpr(COLUMNS).toLocalIterator());
  }

  /** The table of {@code rows}, each with (at least) the {@link #COLUMNS}, in that order. */
  static PupilTable of(Iterator<Row> rows) {
    PupilTable t = new PupilTable();
    Map<PupilTermKey, Integer> pupilTermOf = new HashMap<>();
    while (rows.hasNext()) {
      t.add(rows.next(), pupilTermOf);
    }
    t.trim();
    t.workOutDerived();
    return t;
  }

  private record PupilTermKey(int school, int year, int term, int upn) {

    @Override
    public int hashCode() {
      return ((school * 31 + year) * 31 + term) * 31 + upn;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PupilTermKey k
          && school == k.school
          && year == k.year
          && term == k.term
          && upn == k.upn;
    }
  }

  private void add(Row r, Map<PupilTermKey, Integer> pupilTermOf) {
    if (rows == school.length) {
      grow(Math.max(1024, rows * 2));
    }
    int i = rows++;
    school[i] = schools.code(r.getString(0));
    year[i] = years.code(r.getString(1));
    term[i] = terms.code(r.getString(2));
    upn[i] = upns.code(r.getString(3));
    assessment[i] = assessments.code(r.getString(4));
    scheme[i] = schemes.code(r.getString(5));
    subject[i] = subjects.code(r.getString(6));
    yearGroup[i] = r.getInt(7);
    points[i] = r.isNullAt(8) ? Double.NaN : r.getDouble(8);
    level[i] = r.isNullAt(9) ? UNKNOWN : r.getInt(9);
    standard[i] = r.isNullAt(10) ? UNKNOWN : r.getInt(10);
    PupilTermKey key = new PupilTermKey(school[i], year[i], term[i], upn[i]);
    Integer pt = pupilTermOf.get(key);
    if (pt == null) {
      pt = addPupilTerm(r, key);
      pupilTermOf.put(key, pt);
    }
    pupilTerm[i] = pt;
  }

  private int addPupilTerm(Row r, PupilTermKey key) {
    if (pupilTerms == ptSchool.length) {
      int n = Math.max(256, pupilTerms * 2);
      ptSchool = Arrays.copyOf(ptSchool, n);
      ptYear = Arrays.copyOf(ptYear, n);
      ptTerm = Arrays.copyOf(ptTerm, n);
      ptUpn = Arrays.copyOf(ptUpn, n);
      ptFsm = Arrays.copyOf(ptFsm, n);
      ptDisadvantaged = Arrays.copyOf(ptDisadvantaged, n);
      ptEal = Arrays.copyOf(ptEal, n);
      ptSen = Arrays.copyOf(ptSen, n);
      ptJoined = Arrays.copyOf(ptJoined, n);
      ptGroups = Arrays.copyOf(ptGroups, n);
    }
    int p = pupilTerms++;
    ptSchool[p] = key.school();
    ptYear[p] = key.year();
    ptTerm[p] = key.term();
    ptUpn[p] = key.upn();
    String gender = r.isNullAt(11) ? null : r.getString(11);
    ptFsm[p] = yesNo(r, 12);
    ptDisadvantaged[p] = yesNo(r, 13);
    ptSen[p] = r.isNullAt(14) ? null : r.getString(14);
    ptEal[p] = yesNo(r, 15);
    String ethnicity = r.isNullAt(16) ? null : ethnicMajorGroup(r.getString(16));
    LocalDate joined = date(r.get(17));
    LocalDate born = date(r.get(18));
    ptJoined[p] = joined == null ? Integer.MIN_VALUE : (int) joined.toEpochDay();
    int[] groups = new int[9];
    int n = 0;
    n = pair(groups, n, Measures.DISADVANTAGED, yesNoCode(ptDisadvantaged[p]));
    n = pair(groups, n, Measures.FSM, yesNoCode(ptFsm[p]));
    n = pair(groups, n, Measures.SEN, ptSen[p]);
    n = pair(groups, n, Measures.EAL, yesNoCode(ptEal[p]));
    n = pair(groups, n, Measures.GENDER, gender);
    n = pair(groups, n, Measures.SEASON_OF_BIRTH, born == null ? null : seasonOfBirth(born));
    n =
        pair(
            groups, n, Measures.MOBILITY, joined == null ? null : mobility(joined, r.getString(1)));
    n = pair(groups, n, Measures.ETHNICITY, ethnicity);
    ptGroups[p] = Arrays.copyOf(groups, n);
    return p;
  }

  /** Adds the code of {@code group} and {@code value} at {@code n} if the value is known. */
  private int pair(int[] groups, int n, String group, String value) {
    if (value == null) {
      return n;
    }
    groups[n] = pupilGroups.code(group, value);
    return n + 1;
  }

  private static int yesNo(Row r, int i) {
    return r.isNullAt(i) ? UNKNOWN : r.getBoolean(i) ? 1 : 0;
  }

  private static String yesNoCode(int yesNo) {
    return yesNo == UNKNOWN ? null : yesNo == 1 ? Measures.YES : Measures.NO;
  }

  private static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
  }

  /** Born September to December: autumn; January to April: spring; May to August: summer. */
  private static String seasonOfBirth(LocalDate born) {
    int month = born.getMonthValue();
    return month >= 9 ? "autumn" : month <= 4 ? "spring" : "summer";
  }

  /** Stable when on roll by {@link #stableBy} the academic year; mobile otherwise. */
  private static String mobility(LocalDate joined, String academicYear) {
    return joined.isAfter(stableBy(academicYear)) ? Measures.MOBILE : Measures.STABLE;
  }

  /**
   * The last joining date of a stable pupil in {@code academicYear}: on roll since the start of the
   * previous academic year, taken as 15 September so a pupil who arrived in the autumn term's first
   * days (as every Reception class does) counts as there from the start.
   */
  static LocalDate stableBy(String academicYear) {
    return LocalDate.of(Integer.parseInt(academicYear.substring(0, 4)) - 1, 9, 15);
  }

  private static final Map<String, String> MAJOR_GROUP = new HashMap<>();

  static {
    for (Ethnicity e : Ethnicity.values()) {
      MAJOR_GROUP.put(e.name(), e.majorGroup().code());
    }
  }

  /** The census ethnicity code's major group's code; null for a code that is not a census code. */
  private static String ethnicMajorGroup(String code) {
    return MAJOR_GROUP.get(code);
  }

  private void grow(int n) {
    school = Arrays.copyOf(school, n);
    year = Arrays.copyOf(year, n);
    term = Arrays.copyOf(term, n);
    assessment = Arrays.copyOf(assessment, n);
    scheme = Arrays.copyOf(scheme, n);
    subject = Arrays.copyOf(subject, n);
    yearGroup = Arrays.copyOf(yearGroup, n);
    upn = Arrays.copyOf(upn, n);
    points = Arrays.copyOf(points, n);
    level = Arrays.copyOf(level, n);
    standard = Arrays.copyOf(standard, n);
    pupilTerm = Arrays.copyOf(pupilTerm, n);
  }

  private void trim() {
    grow(rows);
  }

  private void workOutDerived() {
    yearStart = new int[years.size()];
    for (int y = 0; y < years.size(); y++) {
      yearStart[y] = Integer.parseInt(years.name(y).substring(0, 4));
    }
    firstTermIndex = 3 * Arrays.stream(yearStart).min().orElse(0);
    combinedSubject = subjects.code(Figure.RWM);
    ks1Aps = ks1AveragePoints();
    ks1Band = new int[ks1Aps.length];
    for (int u = 0; u < ks1Aps.length; u++) {
      String band = band(ks1Aps[u]);
      ks1Band[u] = band == null ? UNKNOWN : pupilGroups.code(Measures.PRIOR_ATTAINMENT, band);
    }
    teacherCode = assessments.find(Measures.TEACHER);
    ks1Code = assessments.find(Measures.KS1);
    workOutGraded();
  }

  /**
   * Each pupil's KS1 average point score: per subject the highest points held in levels, averaged
   * over the subjects when there are exactly three (reading, writing and maths).
   */
  private double[] ks1AveragePoints() {
    double[] aps = new double[upns.size()];
    Arrays.fill(aps, Double.NaN);
    int ks1 = assessments.find(Measures.KS1);
    int levels = schemes.find(PupilAssessment.NC_LEVELS);
    if (ks1 == UNKNOWN || levels == UNKNOWN) {
      return aps;
    }
    Map<Long, Double> best = new HashMap<>();
    for (int i = 0; i < rows; i++) {
      if (assessment[i] == ks1 && scheme[i] == levels && !Double.isNaN(points[i])) {
        best.merge(pupilSubject(upn[i], subject[i]), points[i], Math::max);
      }
    }
    int[] count = new int[upns.size()];
    double[] total = new double[upns.size()];
    best.forEach(
        (key, p) -> {
          int u = (int) (key >>> 32);
          count[u]++;
          total[u] += p;
        });
    for (int u = 0; u < aps.length; u++) {
      if (count[u] == 3) {
        aps[u] = total[u] / 3;
      }
    }
    return aps;
  }

  static long pupilSubject(int upn, int subject) {
    return ((long) upn << 32) | subject;
  }

  /** The prior-attainment band of a pupil's KS1 average point score; null where not known. */
  static String band(double aps) {
    if (Double.isNaN(aps)) {
      return null;
    }
    return aps < PriorAttainment.LOW_BELOW_POINTS
        ? "low"
        : aps < PriorAttainment.HIGH_FROM_POINTS ? "middle" : "high";
  }

  private record CombinedKey(
      int school, int year, int term, int assessment, int scheme, int yearGroup, int upn) {

    @Override
    public int hashCode() {
      int h = school;
      h = 31 * h + year;
      h = 31 * h + term;
      h = 31 * h + assessment;
      h = 31 * h + scheme;
      h = 31 * h + yearGroup;
      return 31 * h + upn;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CombinedKey k
          && school == k.school
          && year == k.year
          && term == k.term
          && assessment == k.assessment
          && scheme == k.scheme
          && yearGroup == k.yearGroup
          && upn == k.upn;
    }
  }

  private void workOutGraded() {
    // Per pupil, term, assessment and scheme: the subjects graded, the lowest standard, a row.
    Map<CombinedKey, long[]> combined = new HashMap<>();
    int counted = 0;
    for (int i = 0; i < rows; i++) {
      if (standard[i] == UNKNOWN) {
        continue;
      }
      counted++;
      if (subject[i] >= 64) {
        throw new IllegalStateException("More than 64 subjects in the pupil rows");
      }
      long[] c =
          combined.computeIfAbsent(
              new CombinedKey(
                  school[i], year[i], term[i], assessment[i], scheme[i], yearGroup[i], upn[i]),
              k -> new long[] {0, Integer.MAX_VALUE, 0});
      c[0] |= 1L << subject[i];
      c[1] = Math.min(c[1], standard[i]);
      c[2] = i;
    }
    int n = counted;
    for (long[] c : combined.values()) {
      if (Long.bitCount(c[0]) == 3) {
        n++;
      }
    }
    gSchool = new int[n];
    gYear = new int[n];
    gTerm = new int[n];
    gAssessment = new int[n];
    gScheme = new int[n];
    gSubject = new int[n];
    gYearGroup = new int[n];
    gUpn = new int[n];
    gPupilTerm = new int[n];
    gPoints = new double[n];
    gStandard = new int[n];
    int g = 0;
    for (int i = 0; i < rows; i++) {
      if (standard[i] != UNKNOWN) {
        setGraded(g++, i, subject[i], points[i], standard[i]);
      }
    }
    for (long[] c : combined.values()) {
      if (Long.bitCount(c[0]) == 3) {
        setGraded(g++, (int) c[2], combinedSubject, Double.NaN, (int) c[1]);
      }
    }
    graded = n;
  }

  private void setGraded(int g, int row, int subjectCode, double pointsHeld, int standardReached) {
    gSchool[g] = school[row];
    gYear[g] = year[row];
    gTerm[g] = term[row];
    gAssessment[g] = assessment[row];
    gScheme[g] = scheme[row];
    gSubject[g] = subjectCode;
    gYearGroup[g] = yearGroup[row];
    gUpn[g] = upn[row];
    gPupilTerm[g] = pupilTerm[row];
    gPoints[g] = pointsHeld;
    gStandard[g] = standardReached;
  }

  /** The term's position in time: a term after another is one more, a year after three more. */
  int termIndex(int yearCode, int termCode) {
    return yearStart[yearCode] * 3 + termNumber(terms.name(termCode));
  }

  /** Terms before the earliest term that a {@link #pupilSubjectTerm} key can hold. */
  private static final int TERMS_BEFORE_FIRST = 8;

  /**
   * A pupil's grade in a subject in a school's term ({@code school} 0 for a key across schools), by
   * the term's position in time ({@link #termIndex}), packed in a long: the pupil's code in the
   * high 32 bits, then 16 bits of school, 6 of subject and 10 of term. Throws {@link
   * IllegalStateException} for a code that does not fit rather than collide with another key.
   */
  long pupilSubjectTerm(int school, int upnCode, int subjectCode, int termIndex) {
    int termPosition = termIndex - firstTermIndex + TERMS_BEFORE_FIRST;
    if (school < 0 || school >= 1 << 16) {
      throw new IllegalStateException(
          "School code " + school + " does not fit 16 bits: too many schools in one pupil table");
    }
    if (subjectCode < 0 || subjectCode >= 1 << 6) {
      throw new IllegalStateException(
          "Subject code " + subjectCode + " does not fit 6 bits: more than 64 subjects");
    }
    if (termPosition < 0 || termPosition >= 1 << 10) {
      throw new IllegalStateException(
          "Term "
              + termIndex
              + " is more than "
              + ((1 << 10) - TERMS_BEFORE_FIRST)
              + " terms after the earliest term, or more than "
              + TERMS_BEFORE_FIRST
              + " before it");
    }
    return (long) upnCode << 32 | (long) school << 16 | subjectCode << 10 | termPosition;
  }

  private static int termNumber(String term) {
    int n = Arrays.asList(TERMS).indexOf(term);
    return n < 0 ? 2 : n;
  }

  /**
   * Fills {@code out} with the codes of the pupil groups and values ({@link #pupilGroups}) of a row
   * of {@code assessmentCode} in {@code yearGroupOf} for the pupil in term {@code pt}, and returns
   * how many: all pupils; the year group (teacher assessment only: a statutory result belongs to
   * one year group); every characteristic known; and the prior-attainment band, except for KS1
   * results (the band is made from them).
   */
  int groupsOf(int assessmentCode, int yearGroupOf, int pt, int[] out) {
    int n = 0;
    out[n++] = allPupils;
    if (assessmentCode == teacherCode) {
      out[n++] = yearGroupCode(yearGroupOf);
    }
    int[] groups = ptGroups[pt];
    System.arraycopy(groups, 0, out, n, groups.length);
    n += groups.length;
    if (assessmentCode != ks1Code) {
      int band = ks1Band[ptUpn[pt]];
      if (band != UNKNOWN) {
        out[n++] = band;
      }
    }
    return n;
  }

  /** The code of year group {@code yearGroupOf} as a pupil group and value. */
  private int yearGroupCode(int yearGroupOf) {
    if (yearGroupOf < 0 || yearGroupOf >= yearGroupCodes.length) {
      return pupilGroups.code(Measures.YEAR_GROUP, Integer.toString(yearGroupOf));
    }
    int code = yearGroupCodes[yearGroupOf];
    if (code == UNKNOWN) {
      code = pupilGroups.code(Measures.YEAR_GROUP, Integer.toString(yearGroupOf));
      yearGroupCodes[yearGroupOf] = code;
    }
    return code;
  }

  /**
   * A cell of a table of counts: a school (or {@link #CLUSTER}), year, term, assessment, scheme and
   * subject (codes; {@link #UNKNOWN} where the table has no such column), one more code of the
   * table's own ({@code extra}: a measure, a stratum, a year group) and a pupil group and value.
   */
  record Cell(
      int school,
      int year,
      int term,
      int assessment,
      int scheme,
      int subject,
      int extra,
      String group,
      String value) {}

  /**
   * The key ({@link CellKey}) of the cell graded row {@code g} is counted in, for {@code school}
   * (the row's own or {@link #CLUSTER}): its year, term, assessment and subject, with the {@code
   * scheme} (the row's, or {@link #UNKNOWN} for a table across schemes), the table's own {@code
   * extra} code and a pupil group and value's code ({@link #UNKNOWN} for none).
   */
  long gradedKey(int g, int school, int scheme, int extra, int pupilGroup) {
    return CellKey.of(
        school, gYear[g], gTerm[g], gAssessment[g], scheme, gSubject[g], extra, pupilGroup);
  }

  /** The cell of {@code key} ({@link CellKey}), its pupil group and value as text. */
  Cell cell(long key) {
    int pupilGroup = CellKey.code(key, CellKey.Part.PUPIL_GROUP);
    return new Cell(
        CellKey.code(key, CellKey.Part.SCHOOL),
        CellKey.code(key, CellKey.Part.YEAR),
        CellKey.code(key, CellKey.Part.TERM),
        CellKey.code(key, CellKey.Part.ASSESSMENT),
        CellKey.code(key, CellKey.Part.SCHEME),
        CellKey.code(key, CellKey.Part.SUBJECT),
        CellKey.code(key, CellKey.Part.EXTRA),
        pupilGroups.group(pupilGroup),
        pupilGroups.value(pupilGroup));
  }

  /**
   * A figure of no measure yet with the labels of {@code cell} (assessment, subject, school, group,
   * value, year and term; a column the cell does not have is {@code context}), in levels.
   */
  Figure labels(Cell cell) {
    return new Figure(
        "",
        cell.assessment() == UNKNOWN ? Measures.CONTEXT : assessments.name(cell.assessment()),
        cell.subject() == UNKNOWN ? Measures.CONTEXT : subjects.name(cell.subject()),
        schoolLabel(cell.school()),
        cell.group(),
        cell.value(),
        years.name(cell.year()),
        terms.name(cell.term()),
        null,
        null,
        0);
  }

  /** The school's URN, or {@link Figure#CLUSTER} for {@link #CLUSTER}. */
  String schoolLabel(int schoolCode) {
    return schoolCode == CLUSTER ? Figure.CLUSTER : schools.name(schoolCode);
  }
}
