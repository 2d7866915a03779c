package org.clusterlens.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clusterlens.insight.KeyPoints;
import org.clusterlens.insight.SectionOpenings;
import org.clusterlens.insight.VisitBriefs;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.clusterlens.report.ClusterPack;
import org.clusterlens.report.FigureIndex;
import org.clusterlens.report.GovernorPack;
import org.clusterlens.report.MetricsCsv;
import org.clusterlens.report.Provenance;
import org.clusterlens.report.TextSaver;
import org.clusterlens.report.excel.WorkbookSaver;

/**
 * Writes every pack of a run: per school {@code governor-<URN>.html} and {@code .xlsx}, the
 * cluster's {@code cluster-pack.html} and {@code .xlsx}, {@code metrics.csv}, and what the schools
 * do together ({@link SharedWork}: priorities, self-evaluation text, the training page).
 *
 * <p>The one class in this package that knows the renderers: assemble the packs, explain them (the
 * insight stage's words), render them, then save them. Each file replaces any earlier one in one
 * step. Schools' packs are written side by side, one per processor ({@link ParallelWork}): they
 * read the same figures and write files of their own.
 */
public final class PackWriter {

  private PackWriter() {}

  /**
   * Builds, renders and saves every pack.
   *
   * @param cluster the cluster and what it shares; never null
   * @param figures the metrics stage's figures; never null
   * @param provenance the returns behind the figures and the build time; never null
   * @param outDir the folder to write into, created if missing; never null
   * @return the files written
   * @throws IllegalArgumentException if two figures share every label
   * @throws java.io.UncheckedIOException naming the file that could not be written
   */
  public static WrittenPacks writeAll(
      Cluster cluster, List<Figure> computed, Provenance provenance, Path outDir) {
    // Suppressed figures leave the metrics stage with their counts; nothing written may hold them.
    List<Figure> figures = computed.stream().map(Figure::publishable).toList();
    SharedWork together =
        new SharedWork(cluster, figures.stream().filter(f -> !f.suppressed()).toList());
    FigureIndex index = new FigureIndex(figures);
    List<Path> written = new ArrayList<>();
    for (List<Path> schoolFiles :
        ParallelWork.each(
            cluster.schools(),
            school -> {
              GovernorPack pack = governorPack(cluster, school.urn(), index, provenance);
              String base = "governor-" + school.urn();
              return List.of(
                  TextSaver.save(together.governorHtml(pack), outDir.resolve(base + ".html")),
                  WorkbookSaver.save(
                      together.governorWorkbook(pack), outDir.resolve(base + ".xlsx")));
            })) {
      written.addAll(schoolFiles);
    }
    ClusterPack clusterPack = clusterPack(cluster, index, provenance);
    written.add(
        TextSaver.save(together.clusterHtml(clusterPack), outDir.resolve("cluster-pack.html")));
    written.add(
        WorkbookSaver.save(
            together.clusterWorkbook(clusterPack), outDir.resolve("cluster-pack.xlsx")));
    List<Figure> rows = new ArrayList<>(figures);
    rows.addAll(together.patternRows());
    written.add(
        TextSaver.saveAtomically(
            outDir.resolve("metrics.csv"), out -> MetricsCsv.write(rows, out)));
    written.addAll(together.writeFiles(outDir, provenance.generatedAt()));
    return new WrittenPacks(written);
  }

  /**
   * One school's governor pack with its words: assembled from the figures, then explained.
   *
   * @throws IllegalArgumentException if the school is not in the cluster
   */
  public static GovernorPack governorPack(
      Cluster cluster, String schoolUrn, List<Figure> figures, Provenance provenance) {
    return governorPack(cluster, schoolUrn, new FigureIndex(figures), provenance);
  }

  private static GovernorPack governorPack(
      Cluster cluster, String schoolUrn, FigureIndex figures, Provenance provenance) {
    GovernorPack pack = GovernorPack.assemble(cluster, schoolUrn, figures, provenance);
    return pack.withWords(
        KeyPoints.forGovernors(pack, figures.headlineQuestions(schoolUrn), figures),
        SectionOpenings.forGovernors(schoolUrn, figures));
  }

  /** The cluster pack with its words: assembled from the figures, then explained. */
  public static ClusterPack clusterPack(
      Cluster cluster, List<Figure> figures, Provenance provenance) {
    return clusterPack(cluster, new FigureIndex(figures), provenance);
  }

  private static ClusterPack clusterPack(
      Cluster cluster, FigureIndex figures, Provenance provenance) {
    ClusterPack pack = ClusterPack.assemble(cluster, figures, provenance);
    List<List<Figure>> questions =
        cluster.schools().stream().map(s -> figures.headlineQuestions(s.urn())).toList();
    return pack.withWords(
        KeyPoints.forPartner(pack), VisitBriefs.forPartner(pack, questions, figures));
  }
}
