package org.clusterlens.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.Ethnicity;
import org.clusterlens.model.Grade;
import org.clusterlens.model.Pupil;
import org.clusterlens.model.PupilAssessment;
import org.clusterlens.model.Sen;
import org.clusterlens.model.Subject;
import org.clusterlens.model.Term;
import org.clusterlens.model.TermlyReturn;
import org.clusterlens.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A warehouse written before the ethnicity and date-joined columns existed still reads. */
class WarehouseSchemaEvolutionTest {

  /** Columns added after the first warehouses were written. */
  private static final List<String> ADDED_LATER =
      List.of("ethnicity", "date_joined", "looked_after", "scheme", "standard");

  @TempDir Path root;

  @Test
  void anOlderTableReadsTheNewColumnsAsNullAndGainsThemOnItsNextWrite() throws Exception {
    SparkSession spark = SharedSpark.session();
    StructType older =
        new StructType(
            Arrays.stream(Warehouse.SCHEMA.fields())
                .filter(f -> !ADDED_LATER.contains(f.name()))
                .toArray(StructField[]::new));
    Row held =
        RowFactory.create(
            "100001",
            "2023-24",
            "summer",
            "2023-24-summer",
            "B801200005001",
            LocalDate.of(2013, 3, 14),
            "F",
            5,
            false,
            false,
            "N",
            false,
            "teacher",
            "reading",
            "4b",
            27.0,
            4,
            "old.csv",
            "aaa",
            Timestamp.valueOf("2024-07-01 10:00:00").toInstant());
    spark
        .createDataFrame(List.of(held), older)
        .write()
        .format("delta")
        .partitionBy("term_id")
        .save(root.resolve(Warehouse.ASSESSMENTS_TABLE).toString());
    Warehouse warehouse = new Warehouse(spark, root.toString());

    Row before = warehouse.assessments().collectAsList().get(0);
    assertThat(before.<String>getAs("ethnicity")).isNull();
    assertThat(before.<LocalDate>getAs("date_joined")).isNull();
    assertThat(before.<String>getAs("scheme")).isNull();
    assertThat(before.<Boolean>getAs("looked_after")).isNull();

    Pupil pupil =
        new Pupil(
            "B801200005001",
            LocalDate.of(2013, 3, 14),
            "F",
            6,
            false,
            false,
            Sen.NONE,
            false,
            Ethnicity.MWAS,
            LocalDate.of(2019, 9, 3),
            true,
            List.of(
                new PupilAssessment(
                    Assessment.TEACHER, Subject.READING, new Grade("5c", 31.0, 5))));
    warehouse.store(
        new TermlyReturn("100001", Term.parse("2024-25-autumn"), "new.csv", "bbb", List.of(pupil)));

    List<Row> rows = warehouse.assessments().orderBy("term_id").collectAsList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).<String>getAs("ethnicity")).isNull();
    assertThat(rows.get(1).<String>getAs("ethnicity")).isEqualTo("MWAS");
    assertThat(rows.get(1).<LocalDate>getAs("date_joined")).isEqualTo(LocalDate.of(2019, 9, 3));
    assertThat(rows.get(1).<String>getAs("scheme")).isEqualTo("nc-levels");
    assertThat(rows.get(1).<Integer>getAs("standard")).isEqualTo(2);
    assertThat(rows.get(0).<Boolean>getAs("looked_after")).isNull();
    assertThat(rows.get(1).<Boolean>getAs("looked_after")).isTrue();
    assertThat(Files.isDirectory(root.resolve(Warehouse.ASSESSMENTS_TABLE))).isTrue();
  }
}
