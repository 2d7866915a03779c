package org.clusterlens.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clusterlens.ingest.ClusterFolder;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;
import org.clusterlens.report.excel.ReturnTemplate;
import org.clusterlens.scheme.SchemeChoices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clusterlens template}: writes the return template workbook. */
@Command(
    name = "template",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the termly return template (xlsx) with drop-down lists for every coded column.",
      "With --cluster, --school and --term it names the school and term and offers the grades of"
          + " the scheme the cluster chose for that school and term (schemes.csv)."
    })
final class TemplateCommand implements Callable<Integer> {

  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "clusterlens-return-template.xlsx",
      description = "The workbook to write (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--cluster",
      paramLabel = "DIR",
      description = "The cluster's folder (with --school and --term).")
  Path cluster;

  @Option(names = "--school", paramLabel = "URN", description = "The school the return is for.")
  String school;

  @Option(
      names = "--term",
      paramLabel = "TERM",
      description = "The term the return is for, e.g. 2025-26-autumn.")
  String term;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    if (java.nio.file.Files.isDirectory(out)) {
      err.println(
          "--out "
              + out
              + " is a folder; give the workbook's file name, e.g. --out "
              + out.resolve("return-template.xlsx"));
      return ClusterLens.BAD_INPUT;
    }
    if (cluster == null && school == null && term == null) {
      ReturnTemplate.write(out);
    } else if (cluster == null || school == null || term == null) {
      err.println(
          "Give --cluster, --school and --term together for a school's own template, or none of"
              + " them for a blank one");
      return ClusterLens.BAD_INPUT;
    } else {
      try {
        Cluster c = ClusterFolder.read(cluster);
        Term t = Term.parse(term);
        School s =
            c.school(school)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "School "
                                + school
                                + " is not in "
                                + cluster.resolve(ClusterFolder.SCHOOLS)
                                + "; use a URN listed there"));
        SchemeChoices schemes = ClusterFolder.schemeChoices(cluster, c);
        ReturnTemplate.write(out, s, t, a -> schemes.schemeFor(s.urn(), t, a));
      } catch (ClusterFolder.InvalidClusterException | IllegalArgumentException e) {
        err.println(e.getMessage());
        return ClusterLens.BAD_INPUT;
      }
    }
    spec.commandLine().getOut().println("Return template written to " + out.toAbsolutePath());
    return ClusterLens.OK;
  }
}
