package org.clusterlens.report.excel;

import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
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
                : "Limits are the range chance alone could produce around the cluster's rate at"
                    + " the school's n (exact binomial). The judgement allows for every school"
                    + " compared on the measure.",
            List.of(
                new Column("Measure", 40, st.text()),
                new Column("School", 28, st.text()),
                new Column("%", 9, st.percent()),
                new Column("Pupils at the level", 10, st.count()),
                new Column("Pupils counted", 10, st.count()),
                new Column("Cluster rate", 9, st.percent()),
                new Column("95% lower", 9, st.percent()),
                new Column("95% upper", 9, st.percent()),
                new Column("99.8% lower", 9, st.percent()),
                new Column("99.8% upper", 9, st.percent()),
                new Column("Against the cluster range", 28, st.text()),
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

  static void briefs(Workbook wb, PackStyles st, ClusterPack pack) {
    TableSheet t =
        TableSheet.create(
            wb,
            st,
            "Visit briefs",
            "Visit briefs: one page per school",
            "What the figures show, what is strong, what to probe and questions to ask.",
            List.of(
                new Column("School", 26, st.text()),
                new Column("Part", 18, st.text()),
                new Column("", 100, st.wrapped())));
    for (VisitBrief b : pack.briefs()) {
      int first = t.nextRow();
      add(t, b.school(), "Figures", b.facts());
      add(t, b.school(), "What is strong", b.strengths());
      add(t, b.school(), "What to probe", b.probes());
      add(t, b.school(), "Questions to ask", b.questions());
      if (first > TableSheet.HEADER_ROW + 1) {
        t.sheet().setRowBreak(first - 1);
      }
    }
  }

  private static void add(TableSheet t, String school, String part, List<String> lines) {
    for (String line : lines) {
      t.add(school, part, line);
    }
  }
}
