package org.clusterlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clusterlens.model.Figure;
import org.junit.jupiter.api.Test;

class MetricsCsvTest {

  @Test
  void startsWithTheTidyHeader() {
    String csv = MetricsCsv.render(List.of());

    assertThat(csv)
        .isEqualTo(
            "measure,assessment,scheme,subject,school,group,group_value,academic_year,term,"
                + "numerator,denominator,value,lower,upper,method,p_value,adjusted_p_value,"
                + "pupil_weight,below_reporting_threshold,suppressed,selected_finding,"
                + "judgement,judgement_reason,family,family_size,"
                + "funnel_target,funnel_lower_95,funnel_upper_95,funnel_lower_998,"
                + "funnel_upper_998,funnel_position,funnel_method\r\n");
  }

  @Test
  void theFileWrittenRowByRowHoldsTheSameBytesAsTheText() throws Exception {
    Figure exact =
        new Figure(
            "pct_level4_plus",
            "ks2",
            "rwm",
            "100002",
            "all",
            "all",
            "2024-25",
            "summer",
            7.0,
            9L,
            77.7778,
            39.9906,
            97.1855,
            "Clopper–Pearson exact, 95%",
            null,
            null);
    Figure wilson =
        new Figure(
            "pct_level4_plus",
            "ks2",
            "rwm",
            "100001",
            "all",
            "all",
            "2024-25",
            "summer",
            36.0,
            50L,
            72.0,
            58.3349,
            82.5258,
            "Wilson score, 95%",
            null,
            null);
    java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();

    MetricsCsv.write(List.of(exact, wilson), file);

    assertThat(file.toByteArray())
        .isEqualTo(
            MetricsCsv.render(List.of(exact, wilson))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(file.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("\r\npct_level4_plus,ks2,nc-levels,rwm,100001,")
        .contains("Clopper–Pearson exact");
  }

  @Test
  void aFigureRoundTripsThroughItsRow() {
    Figure f =
        new Figure(
            "pct_level4_plus",
            "ks2",
            "rwm",
            "100001",
            "all",
            "all",
            "2024-25",
            "summer",
            36.0,
            50L,
            72.0,
            58.3349,
            82.5258,
            "Wilson score, 95%",
            null,
            null);

    List<List<String>> rows = parse(MetricsCsv.render(List.of(f)));

    assertThat(rows).hasSize(2);
    assertThat(rows.get(1))
        .containsExactly(
            "pct_level4_plus",
            "ks2",
            "nc-levels",
            "rwm",
            "100001",
            "all",
            "all",
            "2024-25",
            "summer",
            "36",
            "50",
            "72",
            "58.3349",
            "82.5258",
            "Wilson score, 95%",
            "",
            "",
            "",
            "false",
            "false",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "");
  }

  @Test
  void aSuppressedFigureShowsItsLabelsAndFlagsButNoCountValueOrInterval() {
    Figure f =
        new Figure(
                "pct_level4_plus",
                "ks2",
                "rwm",
                "100001",
                "eal",
                "Y",
                "2024-25",
                "summer",
                3.0,
                4L,
                75.0,
                30.0,
                99.0,
                "Clopper–Pearson exact, 95%",
                null,
                null)
            .withPupilWeight(25.0)
            .asBelowReportingThreshold()
            .asSuppressed();

    List<String> row = parse(MetricsCsv.render(List.of(f))).get(1);

    assertThat(row.subList(0, 9))
        .containsExactly(
            "pct_level4_plus",
            "ks2",
            "nc-levels",
            "rwm",
            "100001",
            "eal",
            "Y",
            "2024-25",
            "summer");
    assertThat(row.subList(9, 18)).containsOnly("");
    assertThat(row.subList(18, 20)).containsExactly("true", "true");
    assertThat(row.subList(20, row.size())).containsOnly("");
  }

  @Test
  void aShiftHasEmptyCountsAndValuesAreRoundedToFourPlaces() {
    Figure shift =
        new Figure(
            "shift_pct_level4_plus",
            "ks2",
            "rwm",
            "CLUSTER",
            "all",
            "all",
            "2024-25",
            "summer",
            null,
            null,
            2.0 / 3.0);

    List<String> row = parse(MetricsCsv.render(List.of(shift))).get(1);

    assertThat(row.subList(9, 12)).containsExactly("", "", "0.6667");
  }

  @Test
  void quotesAFieldWithACommaOrAQuote() {
    Figure odd =
        new Figure(
            "pct_level4_plus",
            "teacher",
            "rwm",
            "100001",
            "group, \"odd\"",
            "x",
            "2024-25",
            "autumn",
            1.0,
            2L,
            50.0);

    String csv = MetricsCsv.render(List.of(odd));

    assertThat(csv).contains(",\"group, \"\"odd\"\"\",");
    assertThat(parse(csv).get(1).get(5)).isEqualTo("group, \"odd\"");
  }

  @Test
  void rowOrderDoesNotDependOnInputOrder() {
    List<Figure> figures = SampleCluster.figures();
    List<Figure> reversed = new ArrayList<>(figures);
    java.util.Collections.reverse(reversed);

    assertThat(MetricsCsv.render(reversed)).isEqualTo(MetricsCsv.render(figures));
  }

  /** A small RFC 4180 reader, enough to check what the writer wrote. */
  static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r') {
        continue;
      } else if (c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    return rows;
  }
}
