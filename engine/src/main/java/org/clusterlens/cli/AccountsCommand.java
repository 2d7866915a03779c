package org.clusterlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.clusterlens.model.School;
import org.clusterlens.web.Account;
import org.clusterlens.web.AccountStore;
import org.clusterlens.web.Role;
import org.clusterlens.web.ServiceFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clusterlens accounts add|list|disable}: who may use {@code clusterlens serve}. */
@Command(
    name = "accounts",
    mixinStandardHelpOptions = true,
    description = {
      "Adds, lists and disables the accounts of clusterlens serve.",
      "Accounts are kept beside the warehouse, in <warehouse>-service/accounts.json."
    },
    subcommands = {
      AccountsCommand.Add.class,
      AccountsCommand.ListAccounts.class,
      AccountsCommand.Disable.class
    })
final class AccountsCommand {

  /** Where the service folder is: beside the warehouse, or chosen. */
  static final class Where {
    @Mixin WarehouseOption warehouseOption;

    @Option(
        names = "--service",
        paramLabel = "DIR",
        description = "The service's folder (default: beside the warehouse, <warehouse>-service).")
    Path service;

    ServiceFolder folder() {
      return service != null
          ? new ServiceFolder(service.toAbsolutePath().normalize())
          : ServiceFolder.besideWarehouse(warehouseOption.root);
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Adds an account and prints its one-time sign-in link (it works for 72 hours); the"
              + " person opens it and chooses their own password.")
  static final class Add implements Callable<Integer> {
    @Mixin Where where;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "sbm (business manager), governor, sip or coordinator.")
    String role;

    @Option(
        names = "--school",
        paramLabel = "URN",
        description = "The school of a business manager or governor.")
    String school;

    @Option(
        names = "--name",
        required = true,
        paramLabel = "NAME",
        description = "The name they sign in with, e.g. their email address.")
    String name;

    @Option(
        names = "--link-base",
        paramLabel = "URL",
        defaultValue = "http://127.0.0.1:8080",
        description = "The service's address as its users reach it (default: ${DEFAULT-VALUE}).")
    String linkBase;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try {
        Role r = Role.parse(role);
        if (school != null && !School.isUrn(school)) {
          err.println("--school '" + school + "' is not a URN; a URN has six digits");
          return ClusterLens.BAD_INPUT;
        }
        AccountStore.Invitation inv =
            new AccountStore(where.folder().create()).add(name, r, Optional.ofNullable(school));
        out.println(
            "Added "
                + inv.account().name()
                + " ("
                + r.words()
                + (school == null ? "" : ", school " + school)
                + "). Send them this one-time sign-in link; it works once, until "
                + inv.account().inviteExpires()
                + ":");
        out.println(linkBase.replaceAll("/+$", "") + "/welcome/" + inv.token());
        return ClusterLens.OK;
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage());
        return ClusterLens.BAD_INPUT;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every account.")
  static final class ListAccounts implements Callable<Integer> {
    @Mixin Where where;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      java.util.List<Account> all = new AccountStore(where.folder()).list();
      if (all.isEmpty()) {
        out.println("No accounts yet; add one with clusterlens accounts add.");
        return ClusterLens.OK;
      }
      out.printf("%-32s %-12s %-8s %s%n", "name", "role", "school", "state");
      for (Account a : all) {
        String state =
            a.disabled()
                ? "disabled"
                : a.passwordHash() != null
                    ? "active"
                    : "sign-in link not yet used (until " + a.inviteExpires() + ")";
        out.printf(
            "%-32s %-12s %-8s %s%n",
            a.name(),
            a.role().name().toLowerCase(java.util.Locale.ROOT),
            a.school() == null ? "-" : a.school(),
            state);
      }
      return ClusterLens.OK;
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Disables an account for good: it can no longer sign in.")
  static final class Disable implements Callable<Integer> {
    @Mixin Where where;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The account.")
    String name;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try {
        Account a = new AccountStore(where.folder()).disable(name);
        spec.commandLine().getOut().println("Disabled " + a.name() + "; it can no longer sign in.");
        return ClusterLens.OK;
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return ClusterLens.BAD_INPUT;
      }
    }
  }
}
