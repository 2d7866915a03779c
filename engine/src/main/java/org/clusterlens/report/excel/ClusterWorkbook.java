package org.clusterlens.report.excel;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.report.ClusterPack;
import org.clusterlens.report.ReadingNotes;
import org.clusterlens.report.SchoolResults;

/** Renders the School Improvement Partner's cluster pack as a workbook, one sheet per topic. */
public final class ClusterWorkbook {

  private ClusterWorkbook() {}

  /** The workbook, in memory; save it with {@link WorkbookSaver}. Never null. */
  public static XSSFWorkbook render(ClusterPack pack) {
    XSSFWorkbook wb = new XSSFWorkbook();
    PackStyles st = PackStyles.of(wb);
    List<String> about = new ArrayList<>();
    about.add("Schools: " + pack.schools().size());
    if (pack.latestTerm() != null) {
      about.add("Figures up to: " + pack.latestTerm().label());
    }
    if (pack.ks2Year() != null) {
      about.add("Key Stage 2 results for: " + pack.ks2Year());
    }
    PackSheets.summary(wb, st, "Cluster pack: " + pack.clusterName(), about, pack.keyPoints());
    List<SchoolResults> all = new ArrayList<>(pack.schools());
    all.add(pack.cluster());
    if (pack.ks2Year() != null) {
      PackSheets.ks2Rwm(wb, st, pack.ks2Year(), all, pack.funnels());
      PackSheets.ks2(wb, st, pack.ks2Year(), all);
      PackSheets.shift(wb, st, pack.previousKs2Year(), pack.ks2Year(), all);
    }
    SchemeSheet.otherSchemes(wb, st, pack.schools());
    if (pack.teacherTerm() != null) {
      PackSheets.thisTerm(wb, st, pack.teacherTerm(), all);
    }
    ClusterSheets.funnels(wb, st, pack);
    GovernorSheets.groups(
        wb,
        st,
        pack.gaps(),
        pack.notKnown(),
        "the rest of the cluster's pupils (pooled across its schools)");
    List<CellRangeAddress> briefPages = ClusterSheets.briefs(wb, st, pack);
    PackSheets.about(wb, st, ReadingNotes.forPartner(), pack.generatedAt(), pack.sources());
    PrintLayout.apply(wb);
    PrintLayout.fillPages(wb.getSheet("Visit briefs"), briefPages);
    WorkbookSaver.stamp(wb, "Cluster pack: " + pack.clusterName(), pack.generatedAt());
    return wb;
  }
}
