package org.clusterlens.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.clusterlens.model.Grade;
import org.clusterlens.model.PupilAssessment;
import org.clusterlens.scheme.NationalCurriculumLevels;

/**
 * Fills in the scheme columns of warehouse rows stored before schemes could be chosen: such rows
 * were all read in National Curriculum levels, so their scheme is {@code nc-levels} and their
 * standard follows from their level (Level 4 reaches the first threshold, Level 5 the second).
 */
final class SchemeColumns {

  private SchemeColumns() {}

  /** The rows with {@code scheme} and {@code standard} set wherever a grade was counted. */
  static Dataset<Row> filledIn(Dataset<Row> rows) {
    Dataset<Row> withColumns = rows;
    if (!Arrays.asList(rows.columns()).contains("scheme")) {
      withColumns = withColumns.withColumn("scheme", lit(null).cast(DataTypes.StringType));
    }
    if (!Arrays.asList(rows.columns()).contains("standard")) {
      withColumns = withColumns.withColumn("standard", lit(null).cast(DataTypes.IntegerType));
    }
    Column fromLevel =
        when(col("level").geq(NationalCurriculumLevels.LEVEL_5), lit(Grade.SECOND_THRESHOLD))
            .when(col("level").geq(NationalCurriculumLevels.LEVEL_4), lit(Grade.FIRST_THRESHOLD))
            .when(col("level").isNotNull(), lit(0));
    return withColumns
        .withColumn("scheme", coalesce(col("scheme"), lit(PupilAssessment.NC_LEVELS)))
        .withColumn("standard", coalesce(col("standard"), fromLevel));
  }
}
