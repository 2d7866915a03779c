package org.clusterlens.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.clusterlens.warehouse.StoredReturn;
import org.clusterlens.warehouse.WarehouseRecord;
import org.clusterlens.warehouse.WarehouseVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code clusterlens history}: the returns held now and every version of the warehouse. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Lists the returns the warehouse holds and every version it has had.")
final class HistoryCommand implements Callable<Integer> {

  @Mixin WarehouseOption warehouseOption;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    // Read with Delta's kernel: listing the warehouse starts no Spark.
    WarehouseRecord warehouse = WarehouseRecord.read(warehouseOption.root);
    if (warehouse.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println("The warehouse " + warehouseOption.root + " holds no returns yet.");
      return ClusterLens.BAD_INPUT;
    }
    out.println("Returns held now:");
    for (StoredReturn r : warehouse.currentReturns()) {
      out.printf(
          "  %s %-15s %-20s %4d pupils  stored %s  version %d  sha256 %s%n",
          r.schoolUrn(),
          r.termId(),
          r.sourceFile(),
          r.pupils(),
          r.storedAt(),
          r.version(),
          r.sha256().substring(0, 12));
    }
    out.println("Versions:");
    for (WarehouseVersion v : warehouse.versions()) {
      out.printf(
          "  %4d  %s  %-8s %d return(s)%n",
          v.version(), v.committedAt(), v.operation(), v.notes().size());
      v.notes().forEach(n -> out.printf("          %s %s %s%n", n.school(), n.term(), n.file()));
    }
    return ClusterLens.OK;
  }
}
