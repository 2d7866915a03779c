package org.clusterlens.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;

/**
 * Generates the demo cluster: eight small rural primaries in Hampshire, two academic years of
 * termly returns (2023-24 and 2024-25), with a rise in KS2 results planted in the largest school.
 *
 * <p>Everything is synthetic. Generation is pure: it reads no files and the same seed always gives
 * the same cluster.
 */
public final class DemoClusterGenerator {

  /** The seed the committed dataset in {@code datasets/demo-cluster} was generated from. */
  public static final long DEFAULT_SEED = 20241L;

  /** The demo cluster's name. */
  public static final String CLUSTER_NAME = "Meonbrook Rural Schools Cluster";

  /** The URN of the school whose KS2 combined results were planted to rise. */
  public static final String PLANTED_RISE_URN = "128479";

  /**
   * The eight schools, smallest first. URNs are from a block that no school in the 2019 census or
   * the 2022 Hampshire and Surrey register uses; names are invented.
   */
  static final List<DemoSchool> SCHOOLS =
      List.of(
          DemoSchool.drawn("128403", "Ashmere Green Primary School", "2041", 41, ReturnFormat.CSV),
          DemoSchool.drawn(
              "128417",
              "Brackenhurst Church of England Primary School",
              "3187",
              66,
              ReturnFormat.XLSX),
          DemoSchool.drawn("128422", "Coombe Abbas Primary School", "2263", 94, ReturnFormat.XLSX),
          DemoSchool.drawn(
              "128436", "Dunsmere Heath Primary School", "2318", 121, ReturnFormat.CSV),
          DemoSchool.drawn(
              "128441",
              "Eastwold Church of England Primary School",
              "3342",
              152,
              ReturnFormat.XLSX),
          DemoSchool.drawn(
              "128458", "Foxcombe Down Primary School", "2455", 187, ReturnFormat.XLSX),
          DemoSchool.drawn(
              "128465", "Great Wickhamstead Primary School", "2590", 231, ReturnFormat.XLSX),
          new DemoSchool(
              new School(PLANTED_RISE_URN, "Kingsmead Valley Primary School"),
              "2712",
              294,
              // Years 1 to 6 in autumn 2023: Year 6 is the KS2 cohort of 50 in 2023-24 and Year 5
              // the cohort of 40 in 2024-25.
              List.of(49, 52, 50, 53, 40, 50),
              48,
              ReturnFormat.XLSX,
              true));

  /** The demo schools' URNs. */
  static final Set<String> DEMO_URNS =
      SCHOOLS.stream().map(s -> s.school().urn()).collect(Collectors.toUnmodifiableSet());

  private DemoClusterGenerator() {}

  /**
   * Generates the demo cluster from a seed, in memory.
   *
   * @return the cluster with 8 schools and one return per school per term; never null
   * @throws IllegalStateException if the generated data breaks one of its own promises (a roll
   *     outside 35 to 300, or the planted counts not met), which would be a bug
   */
  public static GeneratedCluster generate(long seed) {
    Random master = new Random(seed);
    PupilNames names = new PupilNames();
    Set<String> issuedUpns = new HashSet<>();
    Map<DemoSchool, Map<Term, List<ReturnRow>>> rowsBySchool = new LinkedHashMap<>();
    for (DemoSchool plan : SCHOOLS) {
      rowsBySchool.put(
          plan, SchoolHistory.simulate(plan, new Random(master.nextLong()), names, issuedUpns));
    }
    List<GeneratedReturn> returns = new ArrayList<>();
    for (Term term : SchoolHistory.TERMS) {
      rowsBySchool.forEach(
          (plan, rows) ->
              returns.add(new GeneratedReturn(plan.school(), term, plan.format(), rows.get(term))));
    }
    Cluster cluster =
        new Cluster(CLUSTER_NAME, SCHOOLS.stream().map(DemoSchool::school).toList(), false);
    GeneratedCluster generated = new GeneratedCluster(seed, cluster, PLANTED_RISE_URN, returns);
    checkPlantedRise(generated);
    return generated;
  }

  private static void checkPlantedRise(GeneratedCluster generated) {
    KeyStage2Combined before =
        generated.keyStage2Combined(PLANTED_RISE_URN, PlantedRise.BEFORE_YEAR);
    KeyStage2Combined after = generated.keyStage2Combined(PLANTED_RISE_URN, PlantedRise.AFTER_YEAR);
    if (!before.equals(PlantedRise.BEFORE) || !after.equals(PlantedRise.AFTER)) {
      throw new IllegalStateException(
          "The planted rise came out as " + before + " then " + after + ", not as planned");
    }
  }
}
