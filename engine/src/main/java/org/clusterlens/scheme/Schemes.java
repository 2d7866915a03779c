package org.clusterlens.scheme;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.Grade;
import org.clusterlens.model.PupilAssessment;
import org.clusterlens.model.Subject;

/**
 * The schemes a cluster can choose from: the ones ClusterLens ships (see
 * ../shared/reference/METHODOLOGY.md, sections 1 and 2) and any tracker steps the cluster defines.
 */
public final class Schemes {

  /** National Curriculum levels and sub-levels, thresholds Level 4+ and Level 5+. */
  public static final String NC_LEVELS = PupilAssessment.NC_LEVELS;

  /** KS2 from 2016: reading and maths scaled scores (100 expected, 110 high), writing judged. */
  public static final String KS2_2016 = "ks2-2016";

  /** KS1 from 2016: GDS, EXS, WTS and the pre-key-stage codes. */
  public static final String KS1_2016 = "ks1-2016";

  /** Termly teacher judgements against the 2016 standards: WTS, EXS, GDS and their variants. */
  public static final String TEACHER_2016 = "ta-2016";

  private static final String EXPECTED = "the expected standard";
  private static final String HIGHER = "the higher standard";

  /** Every scheme ClusterLens ships, by id. */
  public static final Schemes BUILT_IN =
      new Schemes(List.of(ncLevels(), ks2From2016(), ks1From2016(), teacherFrom2016()));

  private final Map<String, Scheme> byId;

  private Schemes(List<Scheme> schemes) {
    Map<String, Scheme> m = new LinkedHashMap<>();
    for (Scheme s : schemes) {
      if (m.put(s.id(), s) != null) {
        throw new IllegalArgumentException("Two schemes are called " + s.id());
      }
    }
    this.byId = m;
  }

  /**
   * The shipped schemes and the cluster's own.
   *
   * @throws IllegalArgumentException when one of the cluster's schemes takes a shipped scheme's id
   */
  public Schemes with(List<Scheme> own) {
    List<Scheme> all = new ArrayList<>(byId.values());
    all.addAll(own);
    return new Schemes(all);
  }

  /** The scheme with this id, if there is one. */
  public Optional<Scheme> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The ids, in the order a message should list them. */
  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  /** The National Curriculum levels scheme, every return's scheme unless the cluster says not. */
  public static Scheme ncLevels() {
    Map<Assessment, Map<Subject, AssessmentScheme>> tables = new EnumMap<>(Assessment.class);
    for (Assessment a : Assessment.values()) {
      tables.put(a, Scheme.everySubject(NationalCurriculumLevels.forAssessment(a)));
    }
    return new Scheme(
        NC_LEVELS,
        "National Curriculum levels",
        List.of(Assessment.values()),
        tables,
        "Level 4+",
        "Level 5+");
  }

  /**
   * One step of a cluster's own tracker.
   *
   * @param code what teachers write, e.g. "Y4 Secure"
   * @param points the step's points, or null when the step is not counted (absent)
   * @param standard how many thresholds the step reaches (0, 1 or 2), or null when not counted
   */
  public record TrackerStep(String code, Double points, Integer standard) {}

  /**
   * A cluster's own termly tracker: each step's code, points and threshold, for every subject of
   * teacher assessment.
   */
  public static Scheme tracker(String id, List<TrackerStep> steps) {
    AssessmentScheme.Builder b = new AssessmentScheme.Builder(id + " tracker steps");
    for (TrackerStep step : steps) {
      if (step.standard() == null) {
        b.notCounted(step.code());
      } else {
        b.judged(step.code(), step.points(), step.standard());
      }
    }
    return new Scheme(
        id,
        id + " tracker steps",
        List.of(Assessment.TEACHER),
        Map.of(Assessment.TEACHER, Scheme.everySubject(b.build())),
        EXPECTED,
        HIGHER);
  }

  private static Scheme ks2From2016() {
    // Every eligible pupil counts in the DfE's KS2 attainment: absent (A), working below the test
    // (B), working at pre-key-stage standards (T) and unable to access the test (U) count as not
    // reaching the expected standard. Only a missing result (M) is left out.
    AssessmentScheme scaled =
        new AssessmentScheme.Builder("KS2 scaled scores")
            .scores(80, 120, 100, 110)
            .judged("A", null, 0)
            .judged("B", null, 0)
            .judged("T", null, 0)
            .judged("U", null, 0)
            .notCounted("M")
            .build();
    AssessmentScheme writing = judgements("KS2 writing judgements", List.of("A"));
    Map<Subject, AssessmentScheme> ks2 = new EnumMap<>(Subject.class);
    ks2.put(Subject.READING, scaled);
    ks2.put(Subject.MATHS, scaled);
    ks2.put(Subject.WRITING, writing);
    return new Scheme(
        KS2_2016,
        "KS2 scaled scores and writing judgements",
        List.of(Assessment.KS2),
        Map.of(Assessment.KS2, ks2),
        EXPECTED,
        HIGHER);
  }

  private static Scheme ks1From2016() {
    // Points for prior attainment 2022-23: PKF 4, WTS 6, EXS 8, GDS 10 (METHODOLOGY section 2).
    AssessmentScheme ks1 =
        new AssessmentScheme.Builder("KS1 judgements")
            .judged("GDS", 10.0, Grade.SECOND_THRESHOLD)
            .judged("EXS", 8.0, Grade.FIRST_THRESHOLD)
            .judged("WTS", 6.0, 0)
            .judged("PKF", 4.0, 0)
            .judged("BLW", null, 0)
            .judged("PK1", null, 0)
            .judged("PK2", null, 0)
            .judged("PK3", null, 0)
            .judged("PK4", null, 0)
            .notCounted("A")
            .notCounted("D")
            .build();
    return new Scheme(
        KS1_2016,
        "KS1 judgements (2016 on)",
        List.of(Assessment.KS1),
        Map.of(Assessment.KS1, Scheme.everySubject(ks1)),
        EXPECTED,
        "greater depth");
  }

  private static Scheme teacherFrom2016() {
    AssessmentScheme termly =
        new AssessmentScheme.Builder("termly judgements")
            .judged("GDS", null, Grade.SECOND_THRESHOLD)
            .judged("EXS+", null, Grade.FIRST_THRESHOLD)
            .judged("EXS", null, Grade.FIRST_THRESHOLD)
            .judged("WTS+", null, 0)
            .judged("WTS", null, 0)
            .judged("PK6", null, 0)
            .judged("PK5", null, 0)
            .judged("PK4", null, 0)
            .judged("PK3", null, 0)
            .judged("PK2", null, 0)
            .judged("PK1", null, 0)
            .judged("BLW", null, 0)
            .build();
    return new Scheme(
        TEACHER_2016,
        "Termly judgements (WTS, EXS, GDS)",
        List.of(Assessment.TEACHER),
        Map.of(Assessment.TEACHER, Scheme.everySubject(termly)),
        EXPECTED,
        "greater depth");
  }

  /** Writing judgements: GDS, EXS, WTS and every code below; {@code below} codes count too. */
  private static AssessmentScheme judgements(String name, List<String> countedBelow) {
    AssessmentScheme.Builder b =
        new AssessmentScheme.Builder(name)
            .judged("GDS", null, Grade.SECOND_THRESHOLD)
            .judged("EXS", null, Grade.FIRST_THRESHOLD)
            .judged("WTS", null, 0);
    for (String code :
        List.of(
            "PK6", "PK5", "PK4", "PK3", "PK2", "PK1", "BLW", "PKG", "PKE", "PKF", "HNM", "EM")) {
      b.judged(code, null, 0);
    }
    for (String code : countedBelow) {
      b.judged(code, null, 0);
    }
    return b.notCounted("D").notCounted("M").build();
  }
}
