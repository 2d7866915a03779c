package org.clusterlens.cli;

import picocli.CommandLine.Option;

/** The {@code --warehouse} option of every command that reads or writes the warehouse. */
final class WarehouseOption {

  @Option(
      names = "--warehouse",
      paramLabel = "DIR",
      defaultValue = "warehouse",
      description = "The warehouse's folder or URI (default: ${DEFAULT-VALUE}).")
  String root;
}
