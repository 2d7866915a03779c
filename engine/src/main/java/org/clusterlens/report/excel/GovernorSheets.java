package org.clusterlens.report.excel;

import static org.clusterlens.report.excel.TableSheet.orBlank;

import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.clusterlens.report.Estimate;
import org.clusterlens.report.GovernorDetails;
import org.clusterlens.report.GovernorDetails.Context;
import org.clusterlens.report.GovernorDetails.GapRow;
import org.clusterlens.report.GovernorDetails.MissingGrades;
import org.clusterlens.report.GovernorDetails.ProgressRow;
import org.clusterlens.report.GovernorDetails.TermReturn;
import org.clusterlens.report.GovernorDetails.TrendYear;
import org.clusterlens.report.GovernorPack;
import org.clusterlens.report.Labels;
import org.clusterlens.report.excel.TableSheet.Column;

/**
 * The governor workbook's later sheets: progress, groups and gaps, trends, context and data
 * completeness. A sheet whose figures are not in the metrics yet says so in its note line.
 */
final class GovernorSheets {

  private GovernorSheets() {}

  static void progress(Workbook wb, PackStyles st, GovernorPack pack) {
    List<ProgressRow> rows = pack.details().progress();
    TableSheet t =
        TableSheet.create(
            wb,
            st,
            "Progress",
            "Progress",
            rows.isEmpty()
                ? "Progress figures (points gained, expected progress, value added) are not yet"
                    + " available from these returns."
                : "How far pupils moved. Lower and upper give the 95% interval: where the true figure"
                    + " probably lies.",
            List.of(
                new Column("Measure", 40, st.text()),
                new Column("Subject", 12, st.text()),
                new Column("When", 16, st.text()),
                new Column("This school", 11, st.points()),
                new Column("Lower", 9, st.points()),
                new Column("Upper", 9, st.points()),
                new Column("Pupils", 9, st.count()),
                new Column("Cluster", 11, st.points()),
                new Column("Cluster pupils", 9, st.count())));
    for (ProgressRow r : rows) {
      Estimate self = r.self();
      Estimate cluster = r.cluster();
      org.clusterlens.report.Blank noSelf = r.blank("self");
      org.clusterlens.report.Blank noCluster = r.blank("cluster");
      t.add(
          Labels.measure(r.measure()),
          Labels.subject(r.subject()),
          r.period(),
          self == null ? noSelf : self.value(),
          self == null ? noSelf : orBlank(self.lower(), org.clusterlens.report.Blank.NO_DATA),
          self == null ? noSelf : orBlank(self.upper(), org.clusterlens.report.Blank.NO_DATA),
          self == null ? noSelf : orBlank(self.pupils(), org.clusterlens.report.Blank.NO_DATA),
          cluster == null ? noCluster : cluster.value(),
          cluster == null
              ? noCluster
              : orBlank(cluster.pupils(), org.clusterlens.report.Blank.NO_DATA));
    }
  }

  /** Key Stage 1 (Year 2) average points, this school and the cluster; no sheet when none. */
  static void ks1(Workbook wb, PackStyles st, GovernorPack pack) {
    List<GovernorDetails.Ks1Row> rows = pack.details().ks1();
    if (rows.isEmpty()) {
      return;
    }
    TableSheet t =
        TableSheet.create(
            wb,
            st,
            "Key Stage 1",
            "Key Stage 1 results, " + rows.get(0).academicYear(),
            "Year 2's average points at the end of Key Stage 1 (Level 2B is 15 points, Level 3 is"
                + " 21): the starting points their progress will be measured from.",
            List.of(
                new Column("Subject", 14, st.text()),
                new Column("This school", 11, st.points()),
                new Column("Pupils", 9, st.count()),
                new Column("Cluster", 11, st.points()),
                new Column("Cluster pupils", 9, st.count())));
    for (GovernorDetails.Ks1Row r : rows) {
      t.add(
          Labels.subject(r.subject()),
          orBlank(r.self(), r.blank("self")),
          orBlank(r.cluster(), r.blank("cluster")));
    }
  }

  static void groups(Workbook wb, PackStyles st, GovernorPack pack) {
    groups(wb, st, pack.details().gaps(), pack.details().notKnown(), "the rest of the school");
  }

  /**
   * Each group's gap against {@code rest} ("the rest of the school"), with its n and range, and one
   * line on the pupils whose value is not known.
   */
  static void groups(
      Workbook wb,
      PackStyles st,
      List<GapRow> gaps,
      List<GovernorDetails.NotKnownRow> notKnown,
      String rest) {
    String notKnownLine = GovernorDetails.notKnownLine(notKnown).map(l -> " " + l).orElse("");
    TableSheet t =
        TableSheet.create(
            wb,
            st,
            "Groups",
            "Groups and gaps: Level 4+ in reading, writing and maths combined",
            (gaps.isEmpty()
                    ? "Gaps between groups of pupils (disadvantaged, SEN, EAL, boys and girls) are"
                        + " not yet available from these returns."
                    : "Each group against "
                        + rest
                        + ", in percentage points. Groups of fewer than 11 pupils are not"
                        + " compared.")
                + notKnownLine,
            List.of(
                new Column("Group", 40, st.text()),
                new Column("Pupils in the group", 10, st.count()),
                new Column("Gap (percentage points)", 11, st.shift()),
                new Column("Lower", 9, st.shift()),
                new Column("Upper", 9, st.shift()),
                new Column("What it says", 40, st.text())));
    for (GapRow g : gaps) {
      if (g.tooFewToCompare()) {
        org.clusterlens.report.Blank none = org.clusterlens.report.Blank.NOT_APPLICABLE;
        t.add(
            Labels.group(g.group(), g.value()),
            orBlank(g.gap().pupils(), org.clusterlens.report.Blank.WITHHELD),
            none,
            none,
            none,
            "Too few pupils to compare");
      } else {
        t.add(
            Labels.group(g.group(), g.value()),
            g.gap().pupils(),
            g.gap().value(),
            orBlank(g.gap().lower(), org.clusterlens.report.Blank.NO_DATA),
            orBlank(g.gap().upper(), org.clusterlens.report.Blank.NO_DATA),
            Labels.verdict(g.judgement()) + ": " + Labels.reason(g.judgement()));
      }
    }
  }

  static void trends(Workbook wb, PackStyles st, GovernorPack pack) {
    List<TrendYear> years = pack.details().trends();
    List<Column> cols = new java.util.ArrayList<>();
    cols.add(new Column("Year", 12, st.text()));
    for (String who : List.of("this school", "cluster")) {
      for (String level : List.of("Level 4+", "Level 5+")) {
        cols.add(new Column("% at " + level + ", " + who, 11, st.percent()));
        cols.add(new Column("Pupils at " + level + ", " + who, 10, st.count()));
        cols.add(new Column("Pupils counted, " + who, 10, st.count()));
      }
    }
    TableSheet t =
        TableSheet.create(
            wb,
            st,
            "Trends",
            Labels.trends(years.size())
                + ": reading, writing and maths combined at Key Stage 2, by year",
            years.size() < 2
                ? "A trend needs Key Stage 2 results from at least two years; the returns hold "
                    + years.size()
                    + "."
                : "Each year is a different Year 6, so one year's dip may be chance.",
            cols);
    List<TrendYear> rows = new java.util.ArrayList<>(years);
    if (pack.details().pooled() != null) {
      rows.add(pack.details().pooled());
    }
    for (TrendYear y : rows) {
      t.add(
          y.academicYear(),
          orBlank(y.level4(), y.blank("level4")),
          orBlank(y.level5(), y.blank("level5")),
          orBlank(y.clusterLevel4(), y.blank("clusterLevel4")),
          orBlank(y.clusterLevel5(), y.blank("clusterLevel5")));
    }
  }

  static void context(Workbook wb, PackStyles st, GovernorPack pack) {
    Context self = pack.details().context();
    Context cluster = pack.details().clusterContext();
    TableSheet t =
        TableSheet.create(
            wb,
            st,
            "Context",
            "Context: who the pupils are",
            self == null
                ? "Context figures (pupils on roll, free school meals, disadvantaged, SEN, English"
                    + " as an additional language) are not yet available from these returns."
                : "The school's pupils in " + self.term().label() + ", beside the cluster's.",
            List.of(
                new Column("", 36, st.text()),
                new Column("This school", 10, st.percent()),
                new Column("Pupils (this school)", 10, st.count()),
                new Column("Pupils counted (this school)", 11, st.count()),
                new Column("Cluster", 10, st.percent()),
                new Column("Pupils (cluster)", 10, st.count()),
                new Column("Pupils counted (cluster)", 11, st.count())));
    if (self == null) {
      return;
    }
    org.clusterlens.report.Blank na = org.clusterlens.report.Blank.NOT_APPLICABLE;
    t.add(
        "Pupils on the return",
        na,
        self.pupils(),
        na,
        na,
        cluster == null ? org.clusterlens.report.Blank.NO_DATA : cluster.pupils(),
        na);
    row(t, "Eligible for free school meals", self, cluster, "fsm");
    row(t, "Disadvantaged", self, cluster, "disadvantaged");
    row(t, "With special educational needs", self, cluster, "sen");
    row(t, "English as an additional language", self, cluster, "eal");
  }

  private static void row(TableSheet t, String label, Context self, Context cluster, String part) {
    t.add(
        label,
        orBlank(Context.part(self, part), self.blank(part)),
        cluster == null
            ? TableSheet.blank(3, org.clusterlens.report.Blank.NO_DATA)
            : orBlank(Context.part(cluster, part), cluster.blank(part)));
  }

  static void completeness(Workbook wb, PackStyles st, GovernorPack pack) {
    GovernorDetails d = pack.details();
    List<MissingGrades> missing = d.missingGrades();
    TableSheet t =
        TableSheet.create(
            wb,
            st,
            "Completeness",
            "Data completeness: returns received and pupils without a grade",
            missing.isEmpty()
                ? "How many pupils lack a grade is not yet available: it needs the number of"
                    + " pupils on the return."
                : "Pupils without a grade are counted in the latest term's teacher assessment.",
            List.of(
                new Column("Term or subject", 24, st.text()),
                new Column("Return", 14, st.text()),
                new Column("Warehouse version", 10, st.count()),
                new Column("Pupils on the return", 10, st.count()),
                new Column("Pupils with a grade", 10, st.count()),
                new Column("Pupils without a grade", 10, st.count())));
    for (TermReturn r : d.returns()) {
      t.add(
          r.term().label(),
          r.received() ? "Received" : "Not received",
          r.received()
              ? (Object) r.warehouseVersion()
              : org.clusterlens.report.Blank.NOT_APPLICABLE,
          org.clusterlens.report.Blank.NOT_APPLICABLE,
          org.clusterlens.report.Blank.NOT_APPLICABLE,
          org.clusterlens.report.Blank.NOT_APPLICABLE);
    }
    for (MissingGrades m : missing) {
      t.add(
          Labels.subject(m.subject()) + ", " + pack.teacherTerm().label(),
          org.clusterlens.report.Blank.NOT_APPLICABLE,
          org.clusterlens.report.Blank.NOT_APPLICABLE,
          m.onReturn(),
          m.graded(),
          m.missing());
    }
  }
}
