package org.clusterlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.clusterlens.ingest.ClusterFolder;
import org.clusterlens.ingest.ReturnLimits;
import org.clusterlens.ingest.ReturnProblem;
import org.clusterlens.ingest.SchoolMapping;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;
import org.clusterlens.pipeline.IngestRun;
import org.clusterlens.scheme.SchemeChoices;
import org.clusterlens.warehouse.EngineSpark;
import org.clusterlens.warehouse.StoreOutcome;
import org.clusterlens.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterlens ingest}: checks returns and stores the accepted ones. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Checks termly returns and stores each accepted one, replacing that school's term.",
      "A return with any error is rejected whole and nothing of it is stored.",
      "Reads .xlsx, .xls, .csv/.tsv and Common Transfer Files (.xml).",
      "School and term come from the layout returns/<academic-year>/<term>/<URN>.xlsx,"
          + " a workbook's 'About this return' sheet, or --school and --term; they must agree.",
      "A school's own column and grade names go in <cluster>/mappings/<URN>.csv."
    })
final class IngestCommand implements Callable<Integer> {

  @Mixin ClusterOption options;

  @Option(names = "--school", paramLabel = "URN", description = "The school every file is from.")
  String school;

  @Option(
      names = "--term",
      paramLabel = "TERM",
      description = "The term every file reports, e.g. 2024-25-autumn.")
  String term;

  @Option(
      names = "--feedback",
      paramLabel = "DIR",
      defaultValue = "reports/feedback",
      description =
          "Where each return's feedback goes: an HTML page and a marked-up copy of the"
              + " spreadsheet (default: ${DEFAULT-VALUE}).")
  Path feedback;

  @Option(
      names = "--max-file-mb",
      paramLabel = "MB",
      description = "Refuse, unopened, a file larger than this (default: 20).")
  Integer maxFileMb;

  @Option(
      names = "--max-pupils",
      paramLabel = "N",
      description = "Refuse a return listing more pupils than this (default: 5000).")
  Integer maxPupils;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Return files or folders.")
  List<Path> paths;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (school != null && !School.isUrn(school)) {
      err.println("--school '" + school + "' is not a URN; a URN has six digits");
      return ClusterLens.BAD_INPUT;
    }
    Optional<Term> termOption;
    try {
      termOption = Optional.ofNullable(term).map(Term::parse);
    } catch (IllegalArgumentException e) {
      err.println("--term " + e.getMessage());
      return ClusterLens.BAD_INPUT;
    }
    if ((maxFileMb != null && maxFileMb <= 0) || (maxPupils != null && maxPupils <= 0)) {
      err.println("--max-file-mb and --max-pupils must be positive whole numbers");
      return ClusterLens.BAD_INPUT;
    }
    ReturnLimits limits =
        new ReturnLimits(
            maxFileMb == null ? ReturnLimits.DEFAULT.maxBytes() : maxFileMb * 1024L * 1024L,
            maxPupils == null ? ReturnLimits.DEFAULT.maxPupils() : maxPupils);
    Cluster cluster;
    Map<String, SchoolMapping> mappings;
    SchemeChoices schemes;
    try {
      cluster = options.cluster();
      mappings = options.mappings(cluster);
      schemes = options.schemes(cluster);
    } catch (ClusterFolder.InvalidClusterException e) {
      err.println(e.getMessage());
      return ClusterLens.BAD_INPUT;
    }
    for (Path p : paths) {
      if (!p.toFile().exists()) {
        err.println(p + " does not exist");
        return ClusterLens.BAD_INPUT;
      }
    }
    List<IngestRun.FileOutcome> outcomes =
        new IngestRun(cluster, () -> new Warehouse(EngineSpark.session(), options.warehouse()))
            .withLimits(limits)
            .withMappings(mappings)
            .withSchemes(schemes)
            .withFeedback(feedback)
            .run(paths, Optional.ofNullable(school), termOption);
    int code = IngestReport.print(outcomes, out);
    if (outcomes.stream().anyMatch(o -> !o.feedback().isEmpty())) {
      out.println("Feedback for each return (a page and a marked-up copy) is in " + feedback);
    }
    return code;
  }

  /** Prints what happened to each return; shared with the demo. */
  static final class IngestReport {
    private IngestReport() {}

    static int print(List<IngestRun.FileOutcome> outcomes, PrintWriter out) {
      if (outcomes.isEmpty()) {
        out.println("No returns (.xlsx, .xls, .csv or CTF .xml files) were found.");
        return ClusterLens.BAD_INPUT;
      }
      int rejected = 0;
      for (IngestRun.FileOutcome o : outcomes) {
        String stored = o.stored().map(s -> " (" + stored(s, outcomes) + ")").orElse("");
        out.println(o.check().summary() + stored);
        for (ReturnProblem p : o.check().problems()) {
          out.println("    " + (p.isError() ? "Error: " : "Warning: ") + p.sentence());
        }
        o.feedbackFailure()
            .ifPresent(
                why ->
                    out.println(
                        "    Warning: its feedback page and marked-up copy could not be written ("
                            + why
                            + "); what is said above about the return itself stands."));
        if (!o.check().accepted()) {
          rejected++;
        }
      }
      out.println(
          (outcomes.size() - rejected)
              + " of "
              + outcomes.size()
              + " returns accepted"
              + (rejected == 0
                  ? "."
                  : "; fix the errors above and hand the rejected ones in again."));
      return rejected == 0 ? ClusterLens.OK : ClusterLens.BAD_INPUT;
    }

    /**
     * Where a return is held: the version that stored it, and, when that one commit stored others
     * of the run too, how many (they are stored together, all or none).
     */
    private static String stored(StoreOutcome s, List<IngestRun.FileOutcome> outcomes) {
      if (s.action() == StoreOutcome.Action.UNCHANGED) {
        return s.version() < 0
            ? "unchanged: the warehouse already holds this file"
            : "unchanged: held since warehouse version " + s.version();
      }
      long together =
          outcomes.stream()
              .flatMap(o -> o.stored().stream())
              .filter(other -> other.action() != StoreOutcome.Action.UNCHANGED)
              .filter(other -> other.version() == s.version())
              .count();
      return s.action().name().toLowerCase(java.util.Locale.ROOT)
          + " in warehouse version "
          + s.version()
          + (together > 1
              ? ", one commit with the " + (together - 1) + " other return(s) stored by this run"
              : "");
    }
  }
}
