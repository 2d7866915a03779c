package org.clusterlens.cli;

import java.io.PrintWriter;
import org.clusterlens.pipeline.FaultCause;
import org.clusterlens.warehouse.EngineSpark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code clusterlens} command and its subcommands. */
@Command(
    name = "clusterlens",
    mixinStandardHelpOptions = true,
    version = "ClusterLens 0.1.0",
    description = "Pupil-data analytics for clusters of small primary schools.",
    subcommands = {
      DemoCommand.class,
      IngestCommand.class,
      ReportCommand.class,
      HistoryCommand.class,
      RestoreCommand.class,
      TemplateCommand.class,
      GenerateCommand.class,
      FiguresCommand.class,
      BenchCommand.class,
      ServeCommand.class,
      AccountsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class ClusterLens {

  /** Exit code for success. */
  static final int OK = 0;

  /** Exit code for a failure inside ClusterLens (a bug or the machine). */
  static final int INTERNAL_FAILURE = 1;

  /** Exit code for bad input or usage: a rejected return, a wrong option. */
  static final int BAD_INPUT = 2;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show the full detail of an internal failure.")
  boolean debug;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    // Spark's network layer reads this before any session starts (Spark's own launcher sets it
    // too).
    System.setProperty("io.netty.tryReflectionSetAccessible", "true");
    int code = run(args);
    EngineSpark.stopIfStarted();
    System.exit(code);
  }

  /** Runs the command line and returns its exit code, without exiting. */
  static int run(String... args) {
    ClusterLens top = new ClusterLens();
    CommandLine cmd = new CommandLine(top);
    // Enum options read as users type them: --format csv as well as CSV.
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    // Each command's description is written in lines of up to 100 characters: shown whole when the
    // terminal is that wide or its width is not known, rather than each broken at 80.
    cmd.setUsageHelpWidth(100);
    cmd.setUsageHelpAutoWidth(true);
    cmd.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          PrintWriter err = command.getErr();
          err.println("ClusterLens failed: " + describe(e));
          if (top.debug) {
            e.printStackTrace(err);
          } else {
            err.println("Run again with --debug to see the detail, and report it if it persists.");
          }
          return INTERNAL_FAILURE;
        });
    return cmd.execute(args);
  }

  private static String describe(Throwable e) {
    return FaultCause.describe(e);
  }
}
