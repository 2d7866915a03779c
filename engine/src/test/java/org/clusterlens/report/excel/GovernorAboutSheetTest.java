package org.clusterlens.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;
import org.clusterlens.report.GovernorPack;
import org.clusterlens.report.Provenance;
import org.clusterlens.report.ReturnVersion;
import org.clusterlens.report.SampleCluster;
import org.clusterlens.report.html.GovernorPackHtml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a governor reads on the workbook's About sheet: a cluster's every return while it is a
 * cluster of small schools, and their own school's returns with the rest counted at a local
 * authority's size.
 */
class GovernorAboutSheetTest {

  private static final List<String> TERMS =
      List.of("2024-25-autumn", "2024-25-spring", "2024-25-summer");

  @TempDir Path dir;

  /** {@code size} schools, Ashby first, names not shared. */
  private static Cluster clusterOf(int size) {
    List<School> schools = new ArrayList<>(SampleCluster.cluster(false).schools());
    for (int i = schools.size(); i < size; i++) {
      schools.add(new School(String.valueOf(100001 + i), "Primary No. " + (i + 1)));
    }
    return new Cluster("Valley schools", schools, false);
  }

  /** Three returns of every school. */
  private static Provenance threeTermsOf(Cluster cluster) {
    List<ReturnVersion> returns = new ArrayList<>();
    long version = 1;
    for (School s : cluster.schools()) {
      for (String term : TERMS) {
        returns.add(
            new ReturnVersion(
                s.urn(),
                Term.parse(term),
                s.urn() + "-" + term + ".csv",
                "ab".repeat(32),
                version++));
      }
    }
    return new Provenance(Instant.parse("2025-11-03T09:30:00Z"), returns);
  }

  private GovernorPack ashbyIn(Cluster cluster) {
    return GovernorPack.assemble(
        cluster, SampleCluster.ASHBY, SampleCluster.figures(), threeTermsOf(cluster));
  }

  /** The About sheet's return rows: each a row with a checksum (column E), as a reader sees it. */
  private List<String> returnRows(GovernorPack pack) throws Exception {
    Path file = WorkbookSaver.save(GovernorWorkbook.render(pack), dir.resolve("g.xlsx"));
    try (XSSFWorkbook wb = new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ))) {
      Sheet about = wb.getSheet("About");
      List<String> rows = new ArrayList<>();
      for (int r = TableSheet.HEADER_ROW + 1; r <= about.getLastRowNum(); r++) {
        Row row = about.getRow(r);
        if (row != null && row.getCell(4) != null) {
          rows.add(
              row.getCell(0).getStringCellValue() + " | " + row.getCell(1).getStringCellValue());
        }
      }
      return rows;
    }
  }

  private String aboutNote(GovernorPack pack) throws Exception {
    Path file = WorkbookSaver.save(GovernorWorkbook.render(pack), dir.resolve("n.xlsx"));
    try (XSSFWorkbook wb = new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ))) {
      Sheet about = wb.getSheet("About");
      return about.getRow(0).getCell(0).getStringCellValue()
          + "\n"
          + about.getRow(1).getCell(0).getStringCellValue();
    }
  }

  @Test
  void aClusterOfEightListsEverySchoolsReturns() throws Exception {
    GovernorPack pack = ashbyIn(clusterOf(8));

    List<String> rows = returnRows(pack);

    assertThat(rows).hasSize(24);
    assertThat(rows).contains("Ashby Primary | Autumn 2024-25", "School H | Summer 2024-25");
    assertThat(aboutNote(pack))
        .isEqualTo(
            "Built on 3 November 2025 at 09:30 UTC from these returns\n"
                + "Checksums identify the exact file each figure comes from.");
  }

  @Test
  void aClusterOfTwelveStillListsEveryReturn() throws Exception {
    assertThat(returnRows(ashbyIn(clusterOf(GovernorPack.LISTED_SCHOOLS_AT_MOST)))).hasSize(36);
  }

  @Test
  void aLocalAuthorityListsThisSchoolsReturnsAndCountsTheOthersInASentence() throws Exception {
    GovernorPack pack = ashbyIn(clusterOf(20));

    assertThat(returnRows(pack))
        .containsExactly(
            "Ashby Primary | Autumn 2024-25",
            "Ashby Primary | Spring 2024-25",
            "Ashby Primary | Summer 2024-25");
    assertThat(aboutNote(pack))
        .isEqualTo(
            "Built on 3 November 2025 at 09:30 UTC from 60 returns; this school's are listed\n"
                + "Checksums identify the exact file each figure comes from. The other 19"
                + " schools' 57 returns (Autumn 2024-25 to Summer 2024-25) are counted here, not"
                + " listed: the cluster pack lists each one with its checksum.");
  }

  @Test
  void aLocalAuthorityPagesFooterStillCountsEveryReturn() {
    String page = GovernorPackHtml.render(ashbyIn(clusterOf(20)));

    assertThat(page)
        .contains(
            "from 60 returns from 20 schools, Autumn 2024-25 to Summer 2024-25. The workbook's"
                + " About sheet lists this school's with their files and checksums; the cluster"
                + " pack lists every school's.");
  }
}
