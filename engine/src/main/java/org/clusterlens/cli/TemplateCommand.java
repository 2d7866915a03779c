package org.clusterlens.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clusterlens.report.excel.ReturnTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clusterlens template}: writes the return template workbook. */
@Command(
    name = "template",
    mixinStandardHelpOptions = true,
    description =
        "Writes the termly return template (xlsx) with drop-down lists for every coded column.")
final class TemplateCommand implements Callable<Integer> {

  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "clusterlens-return-template.xlsx",
      description = "The workbook to write (default: ${DEFAULT-VALUE}).")
  Path out;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ReturnTemplate.write(out);
    spec.commandLine().getOut().println("Return template written to " + out.toAbsolutePath());
    return ClusterLens.OK;
  }
}
