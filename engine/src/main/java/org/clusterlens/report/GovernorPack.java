package org.clusterlens.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;

/**
 * Everything a governor pack shows for one school, ready for the HTML and Excel renderers. Peer
 * schools carry their names only when the cluster shares them, otherwise the letter the whole run
 * gives them ("School A", "School B"… in the cluster's order, the same in every pack).
 *
 * @param school the school; never null
 * @param clusterName the cluster's name; never null
 * @param latestTerm the latest term in the figures, or null when there are none
 * @param ks2Year the latest academic year with Key Stage 2 results, or null when there are none
 * @param previousKs2Year the year before {@code ks2Year}, or null
 * @param teacherTerm the latest term with teacher assessment, or null
 * @param self this school's results; never null
 * @param cluster the cluster's results, pooled over all its pupils; never null
 * @param peers the other schools' Key Stage 2 results, labelled as the cluster agreed; never null
 * @param peersNamed whether the cluster agreed to show peer schools' names (else "School A…")
 * @param ownLetter the letter other schools' packs and the training page give this school; never
 *     null
 * @param keyPoints the ranked key points, each with its question (empty until the insight stage
 *     adds them with {@link #withWords}); never null
 * @param generatedAt when the pack was built; never null
 * @param sources the returns the pack lists one by one: every return behind the figures, or in a
 *     cluster of more than {@link #LISTED_SCHOOLS_AT_MOST} schools this school's own; never null
 * @param details trends, context, data completeness, progress and groups; never null
 * @param openings each section's opening sentence, saying what it shows for this school, by the
 *     section's id ({@code ks2}, {@code shift}, {@code progress}, {@code groups}, {@code ks1},
 *     {@code trends}, {@code context}, {@code peers}, {@code this-term}); empty until the insight
 *     stage adds them with {@link #withWords}; never null
 * @param otherReturns the other schools' returns, counted, when {@code sources} holds only this
 *     school's; null when {@code sources} lists every return
 */
public record GovernorPack(
    School school,
    String clusterName,
    Term latestTerm,
    String ks2Year,
    String previousKs2Year,
    Term teacherTerm,
    SchoolResults self,
    SchoolResults cluster,
    List<SchoolResults> peers,
    boolean peersNamed,
    String ownLetter,
    List<KeyPoint> keyPoints,
    Instant generatedAt,
    List<SourceLine> sources,
    GovernorDetails details,
    Map<String, String> openings,
    OtherReturns otherReturns) {

  /** The label packs give the pooled cluster. */
  public static final String CLUSTER_LABEL = "Cluster (all schools)";

  /**
   * The most schools a cluster may have for its governor packs to list every school's returns. A
   * cluster of small schools has four to eight (24 to 48 returns over two years); a local
   * authority's hundreds would give every governor workbook thousands of rows about other schools,
   * so above this a pack lists its own school's returns and counts the rest.
   */
  public static final int LISTED_SCHOOLS_AT_MOST = 12;

  public GovernorPack {
    peers = List.copyOf(peers);
    keyPoints = List.copyOf(keyPoints);
    sources = List.copyOf(sources);
    openings = Map.copyOf(openings);
  }

  /** The opening sentence of the section {@code id}, or an empty string when it has none. */
  public String opening(String id) {
    return openings.getOrDefault(id, "");
  }

  /**
   * This pack with its key points and its sections' opening sentences, as the insight stage wrote
   * them.
   */
  public GovernorPack withWords(List<KeyPoint> points, Map<String, String> sectionOpenings) {
    return new GovernorPack(
        school,
        clusterName,
        latestTerm,
        ks2Year,
        previousKs2Year,
        teacherTerm,
        self,
        cluster,
        peers,
        peersNamed,
        ownLetter,
        points,
        generatedAt,
        sources,
        details,
        sectionOpenings,
        otherReturns);
  }

  /**
   * Builds the governor pack of one school, without key points.
   *
   * @throws IllegalArgumentException if the school is not in the cluster, or two figures share
   *     every label
   */
  public static GovernorPack assemble(
      Cluster cluster, String schoolUrn, List<Figure> figures, Provenance provenance) {
    return assemble(cluster, schoolUrn, new FigureIndex(figures), provenance);
  }

  /**
   * Builds the governor pack of one school from figures indexed once for every school's pack.
   *
   * @throws IllegalArgumentException if the school is not in the cluster
   */
  public static GovernorPack assemble(
      Cluster cluster, String schoolUrn, FigureIndex index, Provenance provenance) {
    School school =
        cluster
            .school(schoolUrn)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "School " + schoolUrn + " is not in cluster " + cluster.name()));
    String ks2Year = index.latestKs2Year().orElse(null);
    Term teacherTerm = index.latestTeacherTerm().orElse(null);

    Map<String, String> labels = new HashMap<>();
    labels.put(school.urn(), school.name());
    List<SchoolResults> peers = new ArrayList<>();
    for (School peer : cluster.schools()) {
      if (peer.urn().equals(school.urn())) {
        continue;
      }
      String label = cluster.shareSchoolNames() ? peer.name() : Labels.letter(cluster, peer.urn());
      labels.put(peer.urn(), label);
      SchoolResults r = index.peerResults(label, peer.urn(), ks2Year);
      peers.add(r);
    }

    SchoolResults self = SchoolResults.of(school.name(), school.urn(), index, ks2Year, teacherTerm);
    SchoolResults pooled =
        SchoolResults.of(CLUSTER_LABEL, Figure.CLUSTER, index, ks2Year, teacherTerm);

    boolean listAll = cluster.schools().size() <= LISTED_SCHOOLS_AT_MOST;
    List<SourceLine> sources = new ArrayList<>();
    Set<String> otherSchools = new HashSet<>();
    int otherCount = 0;
    Term otherFirst = null;
    Term otherLast = null;
    for (ReturnVersion r : provenance.returns()) {
      boolean own = r.schoolUrn().equals(school.urn());
      if (!own && !listAll) {
        otherSchools.add(r.schoolUrn());
        otherCount++;
        otherFirst =
            otherFirst == null || r.term().compareTo(otherFirst) < 0 ? r.term() : otherFirst;
        otherLast = otherLast == null || r.term().compareTo(otherLast) > 0 ? r.term() : otherLast;
        continue;
      }
      String label = labels.getOrDefault(r.schoolUrn(), "A school outside the cluster");
      sources.add(
          new SourceLine(
              label,
              r.term(),
              own || cluster.shareSchoolNames() ? r.sourceFile() : null,
              r.warehouseVersion(),
              r.shortChecksum()));
    }

    return new GovernorPack(
        school,
        cluster.name(),
        index.latestTerm().orElse(null),
        ks2Year,
        ks2Year == null ? null : Term.previousAcademicYear(ks2Year),
        teacherTerm,
        self,
        pooled,
        peers,
        cluster.shareSchoolNames(),
        Labels.letter(cluster, school.urn()),
        List.of(),
        provenance.generatedAt(),
        sources,
        GovernorDetails.of(
            school.urn(), index, teacherTerm, ks2Year, provenance, selfAndPeers(self, peers)),
        Map.of(),
        otherCount == 0
            ? null
            : new OtherReturns(otherSchools.size(), otherCount, otherFirst, otherLast));
  }

  private static List<SchoolResults> selfAndPeers(SchoolResults self, List<SchoolResults> peers) {
    List<SchoolResults> all = new ArrayList<>();
    all.add(self);
    all.addAll(peers);
    return all;
  }
}
