package org.clusterlens.report.excel;

import static org.clusterlens.report.excel.TableSheet.orBlank;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.clusterlens.model.Term;
import org.clusterlens.report.Blank;
import org.clusterlens.report.ChangeRange;
import org.clusterlens.report.KeyPoint;
import org.clusterlens.report.Labels;
import org.clusterlens.report.MeasureFunnel;
import org.clusterlens.report.Numbers;
import org.clusterlens.report.OtherReturns;
import org.clusterlens.report.Proportion;
import org.clusterlens.report.SchoolResults;
import org.clusterlens.report.SourceLine;
import org.clusterlens.report.SubjectResult;
import org.clusterlens.report.TermResult;
import org.clusterlens.report.excel.TableSheet.Column;

/** The sheets both workbooks share, each one topic, each readable without the HTML. */
final class PackSheets {

  private PackSheets() {}

  /** Writes the summary sheet: who, when, and the key points, one per row. */
  static void summary(
      Workbook wb, PackStyles st, String title, List<String> about, List<KeyPoint> keyPoints) {
    Sheet sheet = wb.createSheet("Summary");
    sheet.setColumnWidth(0, 110 * 256);
    int r = 0;
    st.setText(sheet.createRow(r++).createCell(0), title, st.title());
    for (String line : about) {
      st.setText(sheet.createRow(r++).createCell(0), line, st.text());
    }
    r++;
    Cell k = sheet.createRow(r++).createCell(0);
    k.setCellValue("Key points");
    k.setCellStyle(st.header());
    for (KeyPoint.Kind kind : KeyPoint.Kind.values()) {
      List<KeyPoint> ofKind = keyPoints.stream().filter(p -> p.kind() == kind).toList();
      if (ofKind.isEmpty()) {
        continue;
      }
      st.setText(sheet.createRow(r++).createCell(0), kind.heading(), st.subheader());
      for (KeyPoint point : ofKind) {
        st.setText(sheet.createRow(r++).createCell(0), point.statement(), st.wrapped());
        st.setText(sheet.createRow(r++).createCell(0), "Ask: " + point.question(), st.question());
      }
    }
    r++;
    sheet
        .createRow(r++)
        .createCell(0)
        .setCellValue(
            "Level 4+ means at least National Curriculum Level 4, the level expected at the end of"
                + " Year 6. Level 5+ is above it.");
    sheet
        .createRow(r)
        .createCell(0)
        .setCellValue(
            "Each topic has its own sheet; the About sheet explains the figures and lists the returns"
                + " they come from.");
    TableSheet.printSetup(sheet, 0);
  }

  /** One row per school (or cluster) and subject: Key Stage 2 results with their counts. */
  static void ks2(Workbook wb, PackStyles st, String year, List<SchoolResults> schools) {
    List<Column> cols = new ArrayList<>();
    cols.add(new Column("School", 30, st.text()));
    cols.add(new Column("Subject", 22, st.text()));
    attainmentColumns(cols, st);
    TableSheet t =
        TableSheet.create(
            wb,
            st,
            "Key Stage 2",
            "Key Stage 2 results, " + year,
            "Year 6 at the end of primary school. Percentages are stored as numbers; the pupils"
                + " columns give each one's n.",
            cols);
    for (SchoolResults s : schools) {
      for (SubjectResult r : s.ks2()) {
        t.add(
            s.label(),
            Labels.subject(r.subject()),
            orBlank(r.level4(), r.blank("level4")),
            orBlank(r.level5(), r.blank("level5")),
            orBlank(r.points(), r.blank("points")),
            onePupil(r.pupils()));
      }
    }
    t.filter();
    // The chart compares at most four rows of schools; a cluster pack charts the pooled cluster.
    List<SchoolResults> charted = schools.size() <= 4 ? schools : List.of(last(schools));
    List<String> subjects =
        charted.stream()
            .flatMap(s -> s.ks2().stream().map(SubjectResult::subject))
            .distinct()
            .toList();
    if (!subjects.isEmpty()) {
      double[][] values = new double[charted.size()][subjects.size()];
      for (int k = 0; k < charted.size(); k++) {
        for (int c = 0; c < subjects.size(); c++) {
          values[k][c] =
              fraction(charted.get(k).ks2(subjects.get(c)).map(SubjectResult::level4).orElse(null));
        }
      }
      t.barChart(
          "% at Level 4+ by subject, " + year,
          subjects.stream().map(Labels::subjectShort).toList(),
          charted.stream().map(SchoolResults::label).toList(),
          values);
    }
  }

  /**
   * One row per school: reading, writing and maths combined, with the shifts and where the school
   * sits against the cluster's range; a chart of Level 4+ and Level 5+ beside it.
   */
  static void ks2Rwm(
      Workbook wb,
      PackStyles st,
      String year,
      List<SchoolResults> schools,
      List<MeasureFunnel> funnels) {
    List<Column> cols = new ArrayList<>();
    cols.add(new Column("School", 26, st.text()));
    proportionColumns(cols, st, "Level 4+");
    cols.add(new Column("Shift at Level 4+ (percentage points)", 12, st.shift()));
    proportionColumns(cols, st, "Level 5+");
    cols.add(new Column("Shift at Level 5+ (percentage points)", 12, st.shift()));
    cols.add(new Column("One pupil is worth (percentage points)", 13, st.points()));
    cols.add(new Column("Level 4+ against the cluster range", 24, st.text()));
    TableSheet t =
        TableSheet.create(
            wb,
            st,
            "Schools",
            "Reading, writing and maths combined (RWM) at Key Stage 2, " + year,
            "Each school and the cluster. A pupil counts only if they reached the level in all"
                + " three subjects. The last column says where the school sits on the funnel plot.",
            cols);
    MeasureFunnel level4 = MeasureFunnel.titled(funnels, MeasureFunnel.RWM_LEVEL4).orElse(null);
    for (SchoolResults s : schools) {
      SubjectResult r = s.rwm().orElse(null);
      String where =
          level4 == null
              ? null
              : level4
                  .row(s.label())
                  .map(f -> Labels.funnelPosition(f.position95(), f.position998()))
                  .orElse(null);
      if (r == null) {
        Blank none = Blank.NO_DATA;
        t.add(
            s.label(),
            TableSheet.blank(3, none),
            none,
            TableSheet.blank(3, none),
            none,
            none,
            where);
      } else {
        t.add(
            s.label(),
            orBlank(r.level4(), r.blank("level4")),
            orBlank(r.shift4(), r.blank("shift4")),
            orBlank(r.level5(), r.blank("level5")),
            orBlank(r.shift5(), r.blank("shift5")),
            onePupil(r.pupils()),
            where);
      }
    }
    t.shadeLabels(cols.size() - 1);
    t.barChart(
        "Reading, writing and maths combined, " + year,
        schools.stream().map(SchoolResults::label).toList(),
        List.of("% at Level 4+", "% at Level 5+"),
        new double[][] {
          schools.stream()
              .mapToDouble(s -> fraction(s.rwm().map(SubjectResult::level4).orElse(null)))
              .toArray(),
          schools.stream()
              .mapToDouble(s -> fraction(s.rwm().map(SubjectResult::level5).orElse(null)))
              .toArray()
        });
  }

  /**
   * One row per school, subject and level: last year, this year, the shift and what it says; a
   * chart of reading, writing and maths combined at Level 4+ in both years beside it.
   */
  static void shift(
      Workbook wb, PackStyles st, String before, String now, List<SchoolResults> schools) {
    List<Column> cols = new ArrayList<>();
    cols.add(new Column("School", 26, st.text()));
    cols.add(new Column("Subject", 20, st.text()));
    cols.add(new Column("Level", 9, st.text()));
    proportionColumns(cols, st, before);
    proportionColumns(cols, st, now);
    cols.add(new Column("Shift (percentage points)", 12, st.shift()));
    cols.add(new Column("What the shift says", 18, st.text()));
    TableSheet t =
        TableSheet.create(
            wb,
            st,
            "Shift",
            "Level 4 / Level 5 shift, " + before + " to " + now,
            "The change in the percentage of Year 6 at each level, in percentage points. The two"
                + " years are different pupils.",
            cols);
    for (SchoolResults s : schools) {
      for (SubjectResult r : s.ks2()) {
        t.add(
            s.label(),
            Labels.subject(r.subject()),
            "Level 4+",
            orBlank(r.level4Before(), r.blank("level4Before")),
            orBlank(r.level4(), r.blank("level4")),
            orBlank(r.shift4(), r.blank("shift4")),
            shiftLabel(r.shift4(), r.shift4Range()));
        t.add(
            s.label(),
            Labels.subject(r.subject()),
            "Level 5+",
            orBlank(r.level5Before(), r.blank("level5Before")),
            orBlank(r.level5(), r.blank("level5")),
            orBlank(r.shift5(), r.blank("shift5")),
            shiftLabel(r.shift5(), r.shift5Range()));
      }
    }
    t.filter();
    t.shadeLabels(cols.size() - 1);
    t.barChart(
        "Reading, writing and maths combined at Level 4+, " + before + " and " + now,
        schools.stream().map(SchoolResults::label).toList(),
        List.of(before, now),
        new double[][] {
          schools.stream()
              .mapToDouble(s -> fraction(s.rwm().map(SubjectResult::level4Before).orElse(null)))
              .toArray(),
          schools.stream()
              .mapToDouble(s -> fraction(s.rwm().map(SubjectResult::level4).orElse(null)))
              .toArray()
        });
  }

  /** "Clear rise", "Clear fall", "Not a clear change", or null when the shift was not tested. */
  private static String shiftLabel(Double shift, ChangeRange range) {
    if (shift == null || range == null) {
      return null;
    }
    if (range.clearChange()) {
      return shift > 0 ? "Clear rise" : "Clear fall";
    }
    return "Not a clear change";
  }

  /** One row per school, year group and subject: this term's teacher assessment. */
  static void thisTerm(Workbook wb, PackStyles st, Term term, List<SchoolResults> schools) {
    List<Column> cols = new ArrayList<>();
    cols.add(new Column("School", 30, st.text()));
    cols.add(new Column("Year group", 12, st.text()));
    cols.add(new Column("Subject", 10, st.text()));
    attainmentColumns(cols, st);
    TableSheet t =
        TableSheet.create(
            wb,
            st,
            "This term",
            "Teacher assessment, " + term.label(),
            "Teachers' own judgements this term; not standardised across schools.",
            cols);
    for (SchoolResults s : schools) {
      for (TermResult r : s.thisTerm()) {
        t.add(
            s.label(),
            Labels.yearGroup(r.yearGroup()),
            Labels.subjectShort(r.subject()),
            orBlank(r.level4(), r.blank("level4")),
            orBlank(r.level5(), r.blank("level5")),
            orBlank(r.points(), r.blank("points")),
            onePupil(r.pupils()));
      }
    }
    t.filter();
  }

  /** Level 4+ and Level 5+ with their counts, average points with pupils, one pupil's worth. */
  private static void attainmentColumns(List<Column> cols, PackStyles st) {
    proportionColumns(cols, st, "Level 4+");
    proportionColumns(cols, st, "Level 5+");
    cols.add(new Column("Average points", 10, st.points()));
    cols.add(new Column("Pupils (average points)", 11, st.count()));
    cols.add(new Column("One pupil is worth (percentage points)", 13, st.points()));
  }

  private static Object onePupil(long pupils) {
    return pupils > 0 ? (Object) (100.0 / pupils) : null;
  }

  private static double fraction(Proportion p) {
    return p == null ? Double.NaN : p.fraction();
  }

  private static SchoolResults last(List<SchoolResults> schools) {
    return schools.get(schools.size() - 1);
  }

  /** How to read the pack, and the returns it was built from. */
  static void about(
      Workbook wb,
      PackStyles st,
      List<String> howToRead,
      Instant builtAt,
      List<SourceLine> sources) {
    about(wb, st, howToRead, builtAt, sources, null);
  }

  /**
   * The About sheet: the returns listed one by one, then how to read the workbook. When {@code
   * others} is not null, {@code sources} are this school's returns and the other schools' are
   * counted in the note line above the table.
   */
  static void about(
      Workbook wb,
      PackStyles st,
      List<String> howToRead,
      Instant builtAt,
      List<SourceLine> sources,
      OtherReturns others) {
    String note = "Checksums identify the exact file each figure comes from.";
    String title = "Built on " + Labels.builtAt(builtAt) + " from these returns";
    if (others != null) {
      int returns = sources.size() + others.returns();
      title =
          "Built on "
              + Labels.builtAt(builtAt)
              + " from "
              + Numbers.thousands(returns)
              + " returns; this school's are listed";
      note = note + " " + others.sentence();
    }
    TableSheet t =
        TableSheet.create(
            wb,
            st,
            "About",
            title,
            note,
            List.of(
                new Column("School", 30, st.text()),
                new Column("Term", 15, st.text()),
                new Column("File", 40, st.text()),
                new Column("Warehouse version", 11, st.count()),
                new Column("Checksum (SHA-256, first 12)", 16, st.text())));
    for (SourceLine s : sources) {
      t.add(s.school(), s.term().label(), s.sourceFile(), s.warehouseVersion(), s.checksum());
    }
    Sheet sheet = wb.getSheet("About");
    int r = sheet.getLastRowNum() + 2;
    sheet.setRowBreak(r - 1);
    Cell h = sheet.createRow(r++).createCell(0);
    h.setCellValue("How to read this workbook");
    h.setCellStyle(st.header());
    for (String line : howToRead) {
      st.setText(sheet.createRow(r++).createCell(0), line, st.text());
    }
    st.setText(
        sheet.createRow(r).createCell(0),
        "A cell without a figure holds a letter: " + Blank.legend(EnumSet.allOf(Blank.class)) + ".",
        st.text());
  }

  static void proportionColumns(List<Column> cols, PackStyles st, String label) {
    cols.add(new Column("% at " + label, 10, st.percent()));
    cols.add(new Column("Pupils at " + label, 10, st.count()));
    cols.add(new Column("Pupils counted (" + label + ")", 11, st.count()));
  }
}
