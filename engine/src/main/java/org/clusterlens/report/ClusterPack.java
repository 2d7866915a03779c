package org.clusterlens.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;

/**
 * Everything the School Improvement Partner's cluster pack shows: all schools side by side, named.
 *
 * @param clusterName the cluster's name; never null
 * @param latestTerm the latest term in the figures, or null when there are none
 * @param ks2Year the latest academic year with Key Stage 2 results, or null
 * @param previousKs2Year the year before {@code ks2Year}, or null
 * @param teacherTerm the latest term with teacher assessment, or null
 * @param schools each school's results, in the cluster's order; never null
 * @param cluster the cluster's results, pooled over all its pupils; never null
 * @param keyPoints the ranked key points, each with its question (empty until the insight stage
 *     adds them with {@link #withWords}); never null
 * @param generatedAt when the pack was built; never null
 * @param sources the returns behind the figures; never null
 * @param funnels one funnel plot per key measure with at least two schools; never null
 * @param briefs one visit brief per school (empty until the insight stage adds them); never null
 * @param gaps each pupil group against the rest of the cluster's pupils, pooled across its schools,
 *     in reading, writing and maths combined at Level 4+ at Key Stage 2; never null
 * @param notKnown beside the gaps, the cluster's pupils left out of each characteristic's groups
 *     because their value is not known; never null, empty when none
 */
public record ClusterPack(
    String clusterName,
    Term latestTerm,
    String ks2Year,
    String previousKs2Year,
    Term teacherTerm,
    List<SchoolResults> schools,
    SchoolResults cluster,
    List<KeyPoint> keyPoints,
    Instant generatedAt,
    List<SourceLine> sources,
    List<MeasureFunnel> funnels,
    List<VisitBrief> briefs,
    List<GovernorDetails.GapRow> gaps,
    List<GovernorDetails.NotKnownRow> notKnown) {

  public ClusterPack {
    schools = List.copyOf(schools);
    keyPoints = List.copyOf(keyPoints);
    sources = List.copyOf(sources);
    funnels = List.copyOf(funnels);
    briefs = List.copyOf(briefs);
    gaps = List.copyOf(gaps);
    notKnown = List.copyOf(notKnown);
  }

  /** This pack with its key points and visit briefs, as the insight stage wrote them. */
  public ClusterPack withWords(List<KeyPoint> points, List<VisitBrief> visitBriefs) {
    return new ClusterPack(
        clusterName,
        latestTerm,
        ks2Year,
        previousKs2Year,
        teacherTerm,
        schools,
        cluster,
        points,
        generatedAt,
        sources,
        funnels,
        visitBriefs,
        gaps,
        notKnown);
  }

  /**
   * Builds the cluster pack, without key points.
   *
   * @throws IllegalArgumentException if two figures share every label
   */
  public static ClusterPack assemble(Cluster cluster, List<Figure> figures, Provenance provenance) {
    return assemble(cluster, new FigureIndex(figures), provenance);
  }

  /** Builds the cluster pack, without key points, from figures already indexed. */
  public static ClusterPack assemble(Cluster cluster, FigureIndex index, Provenance provenance) {
    String ks2Year = index.latestKs2Year().orElse(null);
    Term teacherTerm = index.latestTeacherTerm().orElse(null);
    List<SchoolResults> schools =
        cluster.schools().stream()
            .map(s -> SchoolResults.of(s.name(), s.urn(), index, ks2Year, teacherTerm))
            .toList();
    SchoolResults pooled =
        SchoolResults.of(GovernorPack.CLUSTER_LABEL, Figure.CLUSTER, index, ks2Year, teacherTerm);
    List<SourceLine> sources = new ArrayList<>();
    for (ReturnVersion r : provenance.returns()) {
      String label = cluster.school(r.schoolUrn()).map(School::name).orElse("URN " + r.schoolUrn());
      sources.add(
          new SourceLine(label, r.term(), r.sourceFile(), r.warehouseVersion(), r.shortChecksum()));
    }
    return new ClusterPack(
        cluster.name(),
        index.latestTerm().orElse(null),
        ks2Year,
        ks2Year == null ? null : Term.previousAcademicYear(ks2Year),
        teacherTerm,
        schools,
        pooled,
        List.of(),
        provenance.generatedAt(),
        sources,
        MeasureFunnel.keyMeasures(schools),
        List.of(),
        GovernorDetails.gaps(index, Figure.CLUSTER, ks2Year),
        GovernorDetails.notKnown(index, Figure.CLUSTER, ks2Year));
  }
}
