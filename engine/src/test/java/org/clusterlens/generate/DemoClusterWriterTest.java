package org.clusterlens.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.model.ReturnColumn;
import org.clusterlens.model.Term;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoClusterWriterTest {

  @TempDir static Path dataset;

  private static GeneratedCluster demo;

  @BeforeAll
  static void writeOnce() {
    demo = DemoClusterGenerator.generate(DemoClusterGenerator.DEFAULT_SEED);
    DemoClusterWriter.write(demo, dataset);
  }

  @Test
  void writesClusterPropertiesWithNamesNotShared() throws IOException {
    assertThat(Files.readAllLines(dataset.resolve("cluster.properties")))
        .contains("name=" + DemoClusterGenerator.CLUSTER_NAME, "share_school_names=false");
  }

  @Test
  void writesSchoolsCsvWithOneRowPerSchool() throws IOException {
    List<String> lines = Files.readAllLines(dataset.resolve("schools.csv"));
    assertThat(lines.get(0)).isEqualTo("urn,name");
    assertThat(lines).hasSize(9).contains("128479,Kingsmead Valley Primary School");
  }

  @Test
  void writesOneReturnPerSchoolPerTermInTheFolderLayout() throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dataset.resolve("returns"))) {
      walk.filter(Files::isRegularFile)
          .forEach(p -> files.add(dataset.relativize(p).toString().replace('\\', '/')));
    }
    assertThat(files)
        .hasSize(48)
        .contains("returns/2024-25/autumn/128479.xlsx", "returns/2023-24/summer/128403.csv");
    assertThat(files).filteredOn(f -> f.endsWith(".csv")).hasSize(12);
    assertThat(dataset.resolve("README.md")).exists();
  }

  @Test
  void xlsxReadsBackWithTheTemplateHeaderAndOneRowPerPupil() throws IOException {
    GeneratedReturn expected =
        demo.returnOf("128479", new Term("2024-25", Term.Season.SUMMER)).orElseThrow();
    try (InputStream in = Files.newInputStream(dataset.resolve(expected.relativePath()));
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
      Sheet sheet = workbook.getSheet("Pupils");
      assertThat(sheet).isNotNull();
      Row header = sheet.getRow(0);
      List<String> headers = new ArrayList<>();
      header.forEach(cell -> headers.add(cell.getStringCellValue()));
      assertThat(headers)
          .containsExactlyElementsOf(ReturnRow.COLUMNS.stream().map(ReturnColumn::header).toList());
      assertThat(sheet.getLastRowNum()).isEqualTo(expected.rows().size());

      ReturnRow first = expected.rows().get(0);
      Row row = sheet.getRow(1);
      assertThat(row.getCell(ReturnColumn.UPN.ordinal()).getStringCellValue())
          .isEqualTo(first.upn());
      Cell dob = row.getCell(ReturnColumn.DATE_OF_BIRTH.ordinal());
      assertThat(DateUtil.isCellDateFormatted(dob)).isTrue();
      assertThat(dob.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
      assertThat(dob.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(first.dateOfBirth());
      Cell year = row.getCell(ReturnColumn.YEAR_GROUP.ordinal());
      assertThat(year.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(year.getNumericCellValue()).isEqualTo(first.yearGroup());
      assertThat(row.getCell(ReturnColumn.KS1_READING.ordinal())).isNull();
    }
  }

  @Test
  void csvHasTheTemplateHeaderFirstAndDatesAsDayMonthYear() throws IOException {
    GeneratedReturn expected =
        demo.returnOf("128403", new Term("2023-24", Term.Season.SUMMER)).orElseThrow();
    List<String> lines =
        Files.readAllLines(dataset.resolve(expected.relativePath()), StandardCharsets.UTF_8);
    assertThat(lines.get(0))
        .isEqualTo(String.join(",", ReturnRow.COLUMNS.stream().map(ReturnColumn::header).toList()));
    assertThat(lines).hasSize(expected.rows().size() + 1);
    ReturnRow first = expected.rows().get(0);
    String[] cells = lines.get(1).split(",", -1);
    assertThat(cells).hasSize(ReturnRow.COLUMNS.size());
    assertThat(cells[ReturnColumn.DATE_OF_BIRTH.ordinal()])
        .isEqualTo(ReturnRow.DATE_FORMAT.format(first.dateOfBirth()));
    assertThat(LocalDate.parse(cells[3], ReturnRow.DATE_FORMAT)).isEqualTo(first.dateOfBirth());
  }

  @Test
  void sameReturnGivesTheSameBytesEveryTime() throws InterruptedException {
    GeneratedReturn workbook =
        demo.returnOf("128465", new Term("2023-24", Term.Season.AUTUMN)).orElseThrow();
    byte[] first = ReturnFileRenderer.render(workbook);
    Thread.sleep(1100);
    assertThat(ReturnFileRenderer.render(workbook)).isEqualTo(first);
  }

  @Test
  void threeSchoolsExportAsTheirMisDoesAndEveryReturnStillReadsClean() throws Exception {
    Path semicolons = dataset.resolve("returns/2024-25/autumn/128436.csv");
    byte[] bytes = Files.readAllBytes(semicolons);
    String firstLine =
        new String(bytes, java.nio.charset.Charset.forName("windows-1252"))
            .lines()
            .findFirst()
            .get();
    assertThat(firstLine).startsWith("Unique Pupil Number;First name;Last name;DOB;Sex;Year;");
    try (InputStream in =
            Files.newInputStream(dataset.resolve("returns/2024-25/autumn/128422.xlsx"));
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      Sheet sheet = workbook.getSheet("Pupils");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("Coombe Abbas Primary School: pupil attainment, Autumn 2024-25");
      assertThat(sheet.getRow(1)).isNull();
      assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("UPN");
    }
    try (InputStream in =
            Files.newInputStream(dataset.resolve("returns/2024-25/autumn/128458.xlsx"));
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      assertThat(workbook.getSheet("Pupils").getRow(0).getCell(12).getStringCellValue())
          .isEqualTo("Rdg");
    }
    assertThat(Files.readString(dataset.resolve("README.md"))).contains("## Real export shapes");

    org.clusterlens.model.Cluster cluster = org.clusterlens.ingest.ClusterFolder.read(dataset);
    org.clusterlens.ingest.ReturnReader reader = new org.clusterlens.ingest.ReturnReader(cluster);
    for (Path file : org.clusterlens.ingest.ReturnReader.returnFiles(dataset.resolve("returns"))) {
      org.clusterlens.ingest.ReturnCheck check =
          reader.read(file, java.util.Optional.empty(), java.util.Optional.empty());
      assertThat(check.problems()).as(check.summary()).isEmpty();
    }
  }
}
