package org.clusterlens.report.excel;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.clusterlens.report.ClusterPack;
import org.clusterlens.report.Labels;
import org.clusterlens.report.MeasureFunnel;
import org.clusterlens.report.VisitBrief;
import org.clusterlens.report.excel.TableSheet.Column;

/** The cluster workbook's funnel table and visit briefs. */
final class ClusterSheets {

  private ClusterSheets() {}

  static void funnels(Workbook wb, PackStyles st, ClusterPack pack) {
    TableSheet t =
        TableSheet.create(
            wb,
            st,
            "Funnels",
            "Each school against the cluster's range (funnel plots' figures)",
            pack.funnels().isEmpty()
                ? "Funnel plots need Key Stage 2 results from at least two schools; none yet."
                : "Limits: the range chance alone gives around the cluster's rate at the"
                    + " school's n (exact binomial).",
            List.of(
                new Column("Measure", 30, st.text()),
                new Column("School", 22, st.text()),
                new Column("%", 9, st.percent()),
                new Column("Pupils at the level", 10, st.count()),
                new Column("Pupils counted", 10, st.count()),
                new Column("Cluster rate", 9, st.percent()),
                new Column("95% lower", 9, st.percent()),
                new Column("95% upper", 9, st.percent()),
                new Column("99.8% lower", 9, st.percent()),
                new Column("99.8% upper", 9, st.percent()),
                new Column("Against the cluster range", 24, st.text()),
                new Column("Judgement", 16, st.text())));
    for (MeasureFunnel f : pack.funnels()) {
      for (MeasureFunnel.FunnelRow r : f.schools()) {
        t.add(
            f.title(),
            r.school(),
            r.figure(),
            f.target().fraction(),
            r.compared() ? r.limits().lower95() / 100 : null,
            r.compared() ? r.limits().upper95() / 100 : null,
            r.compared() ? r.limits().lower998() / 100 : null,
            r.compared() ? r.limits().upper998() / 100 : null,
            r.compared()
                ? Labels.funnelPosition(r.position95(), r.position998())
                : "Not placed: too few pupils",
            Labels.verdict(r.judgement()));
      }
    }
    t.filter();
    t.shadeLabels(10);
  }

  /**
   * One printed page per school, portrait: the school's name, then each part of its brief with its
   * lines in 12 pt.
   *
   * @return each brief's rows, one printed page each
   */
  static List<CellRangeAddress> briefs(Workbook wb, PackStyles st, ClusterPack pack) {
    List<CellRangeAddress> pages = new ArrayList<>();
    TableSheet t =
        TableSheet.create(
            wb,
            st,
            "Visit briefs",
            "Visit briefs: one page per school",
            "What the figures show, what is strong, what to probe and questions to ask.",
            List.of(
                new Column("Part", 20, st.subheader()),
                new Column("What the figures say, and what to ask", 62, st.brief())));
    t.sheet().getPrintSetup().setLandscape(false);
    for (VisitBrief b : pack.briefs()) {
      int first = t.nextRow();
      if (first > TableSheet.HEADER_ROW + 1) {
        t.sheet().setRowBreak(first - 1);
      }
      Row name = t.addRow();
      st.setText(name.createCell(0), b.school(), st.title());
      name.setHeightInPoints(30);
      part(t, st, "Figures", b.facts());
      part(t, st, "What is strong", b.strengths());
      part(t, st, "What to probe", b.probes());
      part(t, st, "Questions to ask", b.questions());
      pages.add(new CellRangeAddress(first, t.nextRow() - 1, 0, 1));
    }
    return pages;
  }

  private static void part(TableSheet t, PackStyles st, String heading, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    for (int i = 0; i < lines.size(); i++) {
      Row row = t.addRow();
      if (i == 0) {
        st.setText(row.createCell(0), heading, st.subheader());
      }
      st.setText(row.createCell(1), lines.get(i), st.brief());
    }
    t.addRow();
  }
}
