package org.clusterlens.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.clusterlens.insight.KeyPoints;
import org.clusterlens.insight.SectionOpenings;
import org.clusterlens.insight.VisitBriefs;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.clusterlens.model.School;
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
 * step. Every file is written side by side with the others, one per processor ({@link
 * ParallelWork}): they read the same figures and write files of their own.
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
    List<Figure> rows = new ArrayList<>(figures);
    rows.addAll(together.patternRows());
    // Every file is one piece of work side by side with the rest: metrics.csv (an LA's longest
    // single piece) first, while the other processor builds the index and starts on the packs,
    // so no processor waits for another to finish writing alone.
    Supplier<FigureIndex> index = once(() -> new FigureIndex(figures));
    List<Supplier<List<Path>>> work = new ArrayList<>();
    work.add(
        () ->
            List.of(
                TextSaver.saveAtomically(
                    outDir.resolve("metrics.csv"), out -> MetricsCsv.write(rows, out))));
    work.add(
        () -> {
          ClusterPack clusterPack = clusterPack(cluster, index.get(), provenance);
          return List.of(
              TextSaver.save(
                  together.clusterHtml(clusterPack), outDir.resolve("cluster-pack.html")),
              WorkbookSaver.save(
                  together.clusterWorkbook(clusterPack), outDir.resolve("cluster-pack.xlsx")));
        });
    for (School school : cluster.schools()) {
      work.add(
          () -> {
            GovernorPack pack = governorPack(cluster, school.urn(), index.get(), provenance);
            String base = "governor-" + school.urn();
            return List.of(
                TextSaver.save(together.governorHtml(pack), outDir.resolve(base + ".html")),
                WorkbookSaver.save(
                    together.governorWorkbook(pack), outDir.resolve(base + ".xlsx")));
          });
    }
    work.add(() -> together.writeFiles(outDir, provenance.generatedAt()));
    List<List<Path>> done = ParallelWork.each(work, Supplier::get);
    // Listed in the order of the files' kinds: governor packs, cluster pack, metrics.csv, shared.
    List<Path> written = new ArrayList<>();
    done.subList(2, done.size() - 1).forEach(written::addAll);
    written.addAll(done.get(1));
    written.addAll(done.get(0));
    written.addAll(done.get(done.size() - 1));
    return new WrittenPacks(written);
  }

  /** {@code make}'s answer, made by the first caller; the others wait for it. */
  private static <T> Supplier<T> once(Supplier<T> make) {
    return new Supplier<>() {
      private T made;

      @Override
      public synchronized T get() {
        if (made == null) {
          made = make.get();
        }
        return made;
      }
    };
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
