package org.clusterlens.metrics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.clusterlens.warehouse.Warehouse;

/**
 * Warehouse pupil rows built by column name for metrics tests, so a column the warehouse gains
 * later is simply null here. Teacher grades use the same points in reading, writing and maths, with
 * the level of those points (21 → 3, 27 → 4, 33 → 5).
 */
final class PupilRows {

  private final List<Row> rows = new ArrayList<>();

  /** One pupil's background, shared by their rows. */
  record Pupil(String upn, boolean disadvantaged, String gender) {}

  /** A pupil's three teacher grades in one term. */
  PupilRows teacher(
      String school, String year, String term, Pupil pupil, int yearGroup, double points) {
    return grades("teacher", school, year, term, pupil, yearGroup, points);
  }

  /** A Year 6 pupil's three KS2 results in the summer of {@code year}. */
  PupilRows ks2(String school, String year, Pupil pupil, double points) {
    return grades("ks2", school, year, "summer", pupil, 6, points);
  }

  private PupilRows grades(
      String assessment,
      String school,
      String year,
      String term,
      Pupil pupil,
      int yearGroup,
      double points) {
    for (String subject : List.of("reading", "writing", "maths")) {
      Map<String, Object> v = new HashMap<>();
      v.put("school_urn", school);
      v.put("academic_year", year);
      v.put("term", term);
      v.put("term_id", year + "-" + term);
      v.put("upn", pupil.upn());
      v.put("date_of_birth", LocalDate.of(2014, 10, 1));
      v.put("gender", pupil.gender());
      v.put("year_group", yearGroup);
      v.put("fsm", pupil.disadvantaged());
      v.put("disadvantaged", pupil.disadvantaged());
      v.put("sen", "N");
      v.put("eal", false);
      v.put("assessment", assessment);
      v.put("subject", subject);
      v.put("grade", "x");
      v.put("points", points);
      v.put("level", (int) ((points - 3) / 6));
      v.put("source_file", "f.csv");
      v.put("source_sha256", "sha");
      v.put("stored_at", Timestamp.valueOf("2025-07-20 10:00:00").toInstant());
      v.put("ethnicity", "WBRI");
      v.put("date_joined", LocalDate.of(2019, 9, 1));
      rows.add(byName(v));
    }
    return this;
  }

  /**
   * A warehouse row from column names and values in turn ({@code "upn", "A1", "points", 27.0, …});
   * a value may be null, and a column not named is null.
   */
  static Row byName(Object... namesAndValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return byName(values);
  }

  /** A warehouse row from its values by column name; a column not named is null. */
  static Row byName(Map<String, Object> values) {
    Object[] row = new Object[Warehouse.SCHEMA.fields().length];
    int i = 0;
    for (StructField field : Warehouse.SCHEMA.fields()) {
      row[i++] = values.get(field.name());
    }
    return RowFactory.create(row);
  }

  Dataset<Row> dataset(SparkSession spark) {
    return spark.createDataFrame(new ArrayList<>(rows), Warehouse.SCHEMA);
  }
}
