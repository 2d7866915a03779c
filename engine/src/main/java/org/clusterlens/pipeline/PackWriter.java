package org.clusterlens.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.clusterlens.model.School;
import org.clusterlens.report.ClusterPack;
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
 * <p>The one class in this package that knows the renderers: assemble the packs, render them, then
 * save them. Each file replaces any earlier one in one step.
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
      Cluster cluster, List<Figure> figures, Provenance provenance, Path outDir) {
    List<Path> written = new ArrayList<>();
    SharedWork together = new SharedWork(cluster, figures);
    for (School school : cluster.schools()) {
      GovernorPack pack = GovernorPack.assemble(cluster, school.urn(), figures, provenance);
      String base = "governor-" + school.urn();
      written.add(TextSaver.save(together.governorHtml(pack), outDir.resolve(base + ".html")));
      written.add(
          WorkbookSaver.save(together.governorWorkbook(pack), outDir.resolve(base + ".xlsx")));
    }
    ClusterPack clusterPack = ClusterPack.assemble(cluster, figures, provenance);
    written.add(
        TextSaver.save(together.clusterHtml(clusterPack), outDir.resolve("cluster-pack.html")));
    written.add(
        WorkbookSaver.save(
            together.clusterWorkbook(clusterPack), outDir.resolve("cluster-pack.xlsx")));
    written.add(TextSaver.save(MetricsCsv.render(figures), outDir.resolve("metrics.csv")));
    written.addAll(together.writeFiles(outDir, provenance.generatedAt()));
    return new WrittenPacks(written);
  }
}
