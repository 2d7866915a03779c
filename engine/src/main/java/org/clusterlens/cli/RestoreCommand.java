package org.clusterlens.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;
import org.clusterlens.warehouse.EngineSpark;
import org.clusterlens.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clusterlens restore}: brings back an earlier version of a school's term, or of all. */
@Command(
    name = "restore",
    // Not picocli's standard help options: their -V/--version would clash with --version N.
    description = {
      "Brings back a school's term (or, without --school and --term, the whole warehouse) as it"
          + " was at an earlier version.",
      "The restore is a new version: nothing is lost, and it can be undone the same way.",
      "See the versions with: clusterlens history"
    })
final class RestoreCommand implements Callable<Integer> {

  @Mixin WarehouseOption warehouseOption;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--version", required = true, paramLabel = "N", description = "The version.")
  long version;

  @Option(names = "--school", paramLabel = "URN", description = "The school to restore.")
  String school;

  @Option(names = "--term", paramLabel = "TERM", description = "The term, e.g. 2024-25-autumn.")
  String term;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((school == null) != (term == null)) {
      err.println("Give both --school and --term to restore one school's term, or neither.");
      return ClusterLens.BAD_INPUT;
    }
    if (school != null && !School.isUrn(school)) {
      err.println("--school '" + school + "' is not a URN; a URN has six digits");
      return ClusterLens.BAD_INPUT;
    }
    Term parsed;
    try {
      parsed = term == null ? null : Term.parse(term);
    } catch (IllegalArgumentException e) {
      err.println("--term " + e.getMessage());
      return ClusterLens.BAD_INPUT;
    }
    Warehouse.checkLog(warehouseOption.root);
    Warehouse warehouse = new Warehouse(EngineSpark.session(), warehouseOption.root);
    if (warehouse.isEmpty()) {
      err.println("The warehouse " + warehouseOption.root + " holds no returns yet.");
      return ClusterLens.BAD_INPUT;
    }
    try {
      long now =
          parsed == null
              ? warehouse.restoreAll(version)
              : warehouse.restoreSchoolTerm(school, parsed.id(), version);
      out.println(
          (parsed == null ? "The warehouse" : "School " + school + " in " + parsed.id())
              + " is back as it was at version "
              + version
              + "; this is version "
              + now
              + ".");
      return ClusterLens.OK;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return ClusterLens.BAD_INPUT;
    }
  }
}
