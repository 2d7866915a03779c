package org.clusterlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.clusterlens.ingest.ReturnProblem;
import org.clusterlens.metrics.AttainmentMetrics;
import org.clusterlens.metrics.Measures;
import org.clusterlens.model.Figure;
import org.clusterlens.report.MetricsCsv;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.testing.SharedSpark;
import org.clusterlens.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Returns as real systems write them: a return of KS2 results alone, and a characteristic left
 * empty for some pupils. What a return does not give is not known, never guessed: its pupils count
 * for all pupils and in no group of that characteristic, and the figures say how many are not
 * known.
 */
class NotKnownCharacteristicsTest {

  private static SparkSession spark;

  /** The groups made from the characteristics a KS2-only return leaves out. */
  private static final Set<String> CHARACTERISTIC_GROUPS =
      Set.of(
          Measures.DISADVANTAGED,
          Measures.FSM,
          Measures.SEN,
          Measures.EAL,
          Measures.GENDER,
          Measures.SEASON_OF_BIRTH);

  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    spark = SharedSpark.session();
  }

  private static List<IngestRun.FileOutcome> ingest(Warehouse warehouse, String fixtureFolder) {
    return new IngestRun(Fixtures.cluster(), () -> warehouse)
        .run(
            List.of(Fixtures.path("cluster/" + fixtureFolder)), Optional.empty(), Optional.empty());
  }

  private static List<Figure> ks2Rwm(List<Figure> figures, String measure, String school) {
    return figures.stream()
        .filter(f -> f.measure().equals(measure) && f.assessment().equals(Measures.KS2))
        .filter(f -> f.subject().equals(Figure.RWM) && f.school().equals(school))
        .toList();
  }

  @Test
  void aReturnOfKeyStageTwoResultsAloneIsStoredAndItsPupilsAreInNoCharacteristicGroup() {
    Warehouse warehouse = new Warehouse(spark, dir.resolve("warehouse").toString());

    IngestRun.FileOutcome outcome = ingest(warehouse, "ks2-only-2024-25").get(0);

    assertThat(outcome.check().errors()).isEmpty();
    assertThat(outcome.stored()).isPresent();
    assertThat(outcome.check().warnings())
        .extracting(ReturnProblem::sentence)
        .anySatisfy(
            s ->
                assertThat(s)
                    .contains(
                        "the return has no Date of birth, Gender, FSM, Disadvantaged, SEN and"
                            + " EAL column, so they are not known for every pupil"));
    List<Figure> figures = AttainmentMetrics.compute(warehouse.assessments());
    // Twelve pupils; one absent from the reading test, so eleven count in RWM.
    assertThat(ks2Rwm(figures, Measures.PCT_LEVEL4_PLUS, "100002"))
        .filteredOn(f -> f.group().equals(Figure.ALL))
        .singleElement()
        .satisfies(f -> assertThat(f.denominator()).isEqualTo(11L));
    assertThat(figures)
        .filteredOn(f -> f.school().equals("100002") && f.measure().startsWith("pct_"))
        .filteredOn(f -> CHARACTERISTIC_GROUPS.contains(f.group()))
        .as("groups made from characteristics the return does not give")
        .isEmpty();
    List<Figure> notKnown = ks2Rwm(figures, Measures.PUPILS_NOT_KNOWN, "100002");
    assertThat(notKnown).extracting(Figure::group).containsAll(CHARACTERISTIC_GROUPS);
    assertThat(notKnown)
        .filteredOn(f -> CHARACTERISTIC_GROUPS.contains(f.group()))
        .allSatisfy(f -> assertThat(f.value()).isEqualTo(11.0))
        .allSatisfy(f -> assertThat(f.groupValue()).isEqualTo(Measures.NOT_KNOWN));
    assertThat(MetricsCsv.render(figures))
        .contains("pupils_not_known,ks2,nc-levels,rwm,100002,fsm,not_known,2024-25,summer,");
    // Context: no FSM share is made of pupils whose FSM nobody knows.
    assertThat(figures)
        .filteredOn(f -> f.school().equals("100002"))
        .filteredOn(f -> f.measure().equals(Measures.CONTEXT_PCT_FSM))
        .isEmpty();
  }

  @Test
  void anEmptyFsmCellIsAWarningNamingItsRowsAndThePupilIsNotCountedAsNo() {
    Warehouse warehouse = new Warehouse(spark, dir.resolve("warehouse").toString());

    IngestRun.FileOutcome outcome = ingest(warehouse, "fsm-not-recorded").get(0);

    assertThat(outcome.check().errors()).isEmpty();
    assertThat(outcome.stored()).isPresent();
    assertThat(outcome.check().warnings())
        .extracting(ReturnProblem::sentence)
        .contains(
            "100001.csv, column 'FSM': FSM not recorded for 2 pupils (rows 4 and 9): they count"
                + " as not known, so are left out of the FSM groups (neither Y nor N). Write Y"
                + " or N for each pupil; leave a cell empty only where the school does not know.");
    List<Figure> figures = AttainmentMetrics.compute(warehouse.assessments());
    // RWM at KS2 counts nine pupils (one absent from reading). Of them FSM is N for five and Y
    // for two; rows 4 and 9 are not known, and are in neither.
    List<Figure> fsm =
        ks2Rwm(figures, Measures.PCT_LEVEL4_PLUS, "100001").stream()
            .filter(f -> f.group().equals(Measures.FSM))
            .toList();
    assertThat(fsm)
        .filteredOn(f -> f.groupValue().equals(Measures.NO))
        .singleElement()
        .satisfies(f -> assertThat(f.denominator()).isEqualTo(5L));
    assertThat(fsm)
        .filteredOn(f -> f.groupValue().equals(Measures.YES))
        .singleElement()
        .satisfies(f -> assertThat(f.denominator()).isEqualTo(2L));
    assertThat(ks2Rwm(figures, Measures.PUPILS_NOT_KNOWN, "100001"))
        .filteredOn(f -> CHARACTERISTIC_GROUPS.contains(f.group()))
        .singleElement()
        .satisfies(f -> assertThat(f.group()).isEqualTo(Measures.FSM))
        .satisfies(f -> assertThat(f.denominator()).isEqualTo(2L));
    // The school's % FSM is of the eight pupils whose FSM is known.
    assertThat(figures)
        .filteredOn(f -> f.school().equals("100001"))
        .filteredOn(f -> f.measure().equals(Measures.CONTEXT_PCT_FSM))
        .singleElement()
        .satisfies(f -> assertThat(f.denominator()).isEqualTo(8L))
        .satisfies(f -> assertThat(f.numerator()).isEqualTo(2.0));
  }

  @Test
  void aWarehouseMadeWithCharacteristicsNotNullTakesAReturnWithUnknowns() {
    String root = dir.resolve("old-warehouse").toString();
    // A warehouse made before characteristics could be not known, as a table with NOT NULL columns.
    StructType older =
        new StructType(
            Arrays.stream(Warehouse.SCHEMA.fields())
                .map(
                    f ->
                        List.of("grade", "points", "level").contains(f.name())
                                || f.name().equals("ethnicity")
                                || f.name().equals("date_joined")
                                || f.name().equals("looked_after")
                                || f.name().equals("scheme")
                                || f.name().equals("standard")
                            ? f
                            : new StructField(f.name(), f.dataType(), false, f.metadata()))
                .toArray(StructField[]::new));
    DeltaTable.create(spark)
        .location(root + "/" + Warehouse.ASSESSMENTS_TABLE)
        .addColumns(older)
        .partitionedBy("term_id")
        .execute();
    assertThat(
            spark
                .read()
                .format("delta")
                .load(root + "/" + Warehouse.ASSESSMENTS_TABLE)
                .schema()
                .apply("fsm")
                .nullable())
        .as("the table is made NOT NULL, as an older warehouse was")
        .isFalse();
    Warehouse warehouse = new Warehouse(spark, root);

    IngestRun.FileOutcome outcome = ingest(warehouse, "ks2-only-2024-25").get(0);
    ingest(warehouse, "year6-2024-25");

    assertThat(outcome.stored()).isPresent();
    List<Row> stored =
        warehouse
            .assessments()
            .where("school_urn = '100002'")
            .select("fsm", "gender")
            .collectAsList();
    assertThat(stored).hasSize(36).allSatisfy(r -> assertThat(r.isNullAt(0)).isTrue());
    assertThat(warehouse.assessments().where("school_urn = '100001'").count()).isEqualTo(60);
  }
}
