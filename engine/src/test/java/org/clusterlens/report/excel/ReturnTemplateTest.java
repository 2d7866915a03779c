package org.clusterlens.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.ReturnColumn;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;
import org.clusterlens.scheme.Scheme;
import org.clusterlens.scheme.Schemes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReturnTemplateTest {

  @TempDir Path dir;

  private XSSFWorkbook writeAndReadBack() throws Exception {
    Path file = dir.resolve("return-template.xlsx");
    ReturnTemplate.write(file);
    return new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ));
  }

  @Test
  void pupilsSheetHasTheReturnColumnsInOrderWithGuidance() throws Exception {
    try (XSSFWorkbook wb = writeAndReadBack()) {
      XSSFSheet pupils = wb.getSheet("Pupils");
      List<String> header = new java.util.ArrayList<>();
      pupils.getRow(0).forEach(c -> header.add(c.getStringCellValue()));

      assertThat(header)
          .containsExactlyElementsOf(
              Arrays.stream(ReturnColumn.values()).map(ReturnColumn::header).toList());
      Cell upn = pupils.getRow(0).getCell(0);
      assertThat(upn.getCellComment().getString().getString())
          .isEqualTo(ReturnColumn.UPN.guidance());
      assertThat(pupils.getPaneInformation().isFreezePane()).isTrue();
      assertThat(wb.getSheetName(0)).isEqualTo("About this return");
    }
  }

  @Test
  void codedColumnsOfferDropDowns() throws Exception {
    try (XSSFWorkbook wb = writeAndReadBack()) {
      XSSFSheet pupils = wb.getSheet("Pupils");
      List<String> lists =
          pupils.getDataValidations().stream()
              .map(
                  v ->
                      v.getRegions().getCellRangeAddress(0).getFirstColumn()
                          + "="
                          + String.join(",", v.getValidationConstraint().getExplicitListValues()))
              .toList();

      assertThat(lists)
          .contains(ReturnColumn.GENDER.ordinal() + "=M,F")
          .contains(ReturnColumn.YEAR_GROUP.ordinal() + "=R,1,2,3,4,5,6")
          .contains(ReturnColumn.FSM.ordinal() + "=Y,N")
          .contains(ReturnColumn.SEN.ordinal() + "=N,K,E")
          .contains(ReturnColumn.KS2_MATHS.ordinal() + "=B,N,2,3,4,5,6,A,D,M");
      assertThat(lists)
          .filteredOn(s -> s.startsWith(ReturnColumn.READING.ordinal() + "="))
          .singleElement()
          .asString()
          .contains("W,1c,1b,1a")
          .endsWith("6c,6b,6a");
      assertThat(pupils.getDataValidations())
          .allSatisfy(v -> assertThat(v.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP));
    }
  }

  @Test
  void aSchoolOnScaledScoresGetsNoDropDownForThemAndIsToldWhatToWrite() throws Exception {
    Scheme ks2 = Schemes.BUILT_IN.byId(Schemes.KS2_2016).orElseThrow();
    Path file = dir.resolve("ashdown.xlsx");
    ReturnTemplate.write(
        file,
        new School("100001", "Ashdown Primary School"),
        Term.parse("2024-25-summer"),
        a -> a == Assessment.KS2 ? ks2 : Schemes.ncLevels());

    try (XSSFWorkbook wb = new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ))) {
      List<String> lists =
          wb.getSheet("Pupils").getDataValidations().stream()
              .map(
                  v ->
                      v.getRegions().getCellRangeAddress(0).getFirstColumn()
                          + "="
                          + String.join(",", v.getValidationConstraint().getExplicitListValues()))
              .toList();
      assertThat(lists)
          .noneMatch(l -> l.startsWith(ReturnColumn.KS2_READING.ordinal() + "="))
          .noneMatch(l -> l.startsWith(ReturnColumn.KS2_MATHS.ordinal() + "="))
          .anyMatch(l -> l.startsWith(ReturnColumn.KS2_WRITING.ordinal() + "=GDS,EXS,WTS"));
      StringBuilder about = new StringBuilder();
      wb.getSheet("About this return")
          .forEach(r -> r.forEach(c -> about.append(c.getStringCellValue()).append('|')));
      assertThat(about.toString())
          .contains("100001|")
          .contains("2024-25-summer|")
          .contains(
              "(KS2 scaled scores: a whole-number score from 80 to 120, or one of A, B, T, U, M)");
    }
  }
}
