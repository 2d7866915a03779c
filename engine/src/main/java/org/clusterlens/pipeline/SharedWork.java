package org.clusterlens.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterlens.insight.ClusterPriorities;
import org.clusterlens.insight.DataTraining;
import org.clusterlens.insight.SchoolNames;
import org.clusterlens.insight.SelfEvaluation;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.clusterlens.model.School;
import org.clusterlens.report.ClusterPack;
import org.clusterlens.report.GovernorPack;
import org.clusterlens.report.TextSaver;
import org.clusterlens.report.excel.ClusterWorkbook;
import org.clusterlens.report.excel.GovernorWorkbook;
import org.clusterlens.report.excel.SharedWorkSheets;
import org.clusterlens.report.html.ClusterPackHtml;
import org.clusterlens.report.html.GovernorPackHtml;
import org.clusterlens.report.html.PrioritiesSection;
import org.clusterlens.report.html.TrainingPageHtml;

/**
 * What the schools do together, added to a run's packs: the shared priorities in every pack, each
 * school's self-evaluation text ({@code self-evaluation-<URN>.txt} and a workbook sheet), and the
 * governors' training page ({@code reading-your-data.html}).
 */
final class SharedWork {

  /** The training page's file name. */
  static final String TRAINING_PAGE = "reading-your-data.html";

  private final Cluster cluster;
  private final List<Figure> figures;
  private final ClusterPriorities priorities;
  private final SelfEvaluation.Sources selfEvaluationSources;
  private final Map<String, SelfEvaluation> selfEvaluations = new ConcurrentHashMap<>();

  SharedWork(Cluster cluster, List<Figure> figures) {
    this.cluster = cluster;
    this.figures = List.copyOf(figures);
    this.selfEvaluationSources = new SelfEvaluation.Sources(this.figures);
    this.priorities =
        ClusterPriorities.find(figures, cluster.schools().stream().map(School::urn).toList());
  }

  /** The shared priorities' pattern tests, as rows of metrics.csv beside the figures. */
  List<Figure> patternRows() {
    return priorities.patternRows();
  }

  String governorHtml(GovernorPack pack) {
    String urn = pack.school().urn();
    return GovernorPackHtml.render(
        pack, PrioritiesSection.forGovernors(priorities, urn, SchoolNames.forSchool(cluster, urn)));
  }

  XSSFWorkbook governorWorkbook(GovernorPack pack) {
    String urn = pack.school().urn();
    XSSFWorkbook wb = GovernorWorkbook.render(pack);
    SharedWorkSheets.addPriorities(
        wb, priorities.touching(urn), priorities.candidates(), SchoolNames.forSchool(cluster, urn));
    return SharedWorkSheets.addSelfEvaluation(wb, selfEvaluation(urn));
  }

  String clusterHtml(ClusterPack pack) {
    return ClusterPackHtml.render(
        pack, PrioritiesSection.forCluster(priorities, SchoolNames.named(cluster)));
  }

  XSSFWorkbook clusterWorkbook(ClusterPack pack) {
    return SharedWorkSheets.addPriorities(
        ClusterWorkbook.render(pack), priorities, SchoolNames.named(cluster));
  }

  /** Writes the training page and each school's self-evaluation text; returns the files. */
  List<Path> writeFiles(Path outDir, Instant builtAt) {
    List<Path> written = new ArrayList<>();
    for (School s : cluster.schools()) {
      written.add(
          TextSaver.save(
              selfEvaluation(s.urn()).plainText(cluster.name()),
              outDir.resolve("self-evaluation-" + s.urn() + ".txt")));
    }
    written.add(
        TextSaver.save(
            TrainingPageHtml.render(DataTraining.of(cluster, figures), builtAt),
            outDir.resolve(TRAINING_PAGE)));
    return written;
  }

  /** Written once per school: the workbook sheet and the text file both show it. */
  private SelfEvaluation selfEvaluation(String urn) {
    return selfEvaluations.computeIfAbsent(
        urn, u -> SelfEvaluation.of(cluster, u, selfEvaluationSources, priorities));
  }
}
