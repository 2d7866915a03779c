package org.clusterlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.clusterlens.ingest.ClusterFolder;
import org.clusterlens.ingest.ReturnLimits;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;
import org.clusterlens.pipeline.DemoRun;
import org.clusterlens.warehouse.EngineSpark;
import org.clusterlens.warehouse.StoredReturn;
import org.clusterlens.warehouse.Warehouse;
import org.clusterlens.web.AccountStore;
import org.clusterlens.web.ClusterService;
import org.clusterlens.web.Role;
import org.clusterlens.web.ServiceFolder;
import org.clusterlens.web.ServiceSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clusterlens serve}: the cluster's web service for hand-ins and packs. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the cluster on the web: business managers hand in returns and see their feedback"
          + " at once; governors read their school's pack; the SIP and the coordinator see the"
          + " cluster and every school.",
      "Listens on 127.0.0.1 only unless --host says otherwise; put it behind a TLS reverse proxy"
          + " (docs/SERVING.md). Accounts: clusterlens accounts add."
    })
final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--cluster",
      paramLabel = "DIR",
      description = "The cluster's folder, holding cluster.properties and schools.csv.")
  Path clusterDir;

  @Mixin WarehouseOption warehouseOption;

  @Option(
      names = "--service",
      paramLabel = "DIR",
      description = "The service's folder (default: beside the warehouse, <warehouse>-service).")
  Path service;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "The address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "The port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--term",
      paramLabel = "TERM",
      description = "The term returns are handed in for, e.g. 2026-27-autumn (default: today's).")
  String term;

  @Option(
      names = "--behind-tls",
      description =
          "A TLS reverse proxy stands in front: Secure cookies, trust X-Forwarded-Proto/-For.")
  boolean behindTls;

  @Option(
      names = "--max-file-mb",
      paramLabel = "MB",
      description = "Refuse, unread, a file larger than this (default: 20).")
  Integer maxFileMb;

  @Option(
      names = "--demo",
      description =
          "Serve the demo cluster (ingesting it into warehouse/demo if needed), with demo"
              + " accounts printed at start-up.")
  boolean demo;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!demo && clusterDir == null) {
      err.println("Give the cluster's folder with --cluster DIR, or use --demo");
      return ClusterLens.BAD_INPUT;
    }
    if (maxFileMb != null && maxFileMb <= 0) {
      err.println("--max-file-mb must be a positive whole number");
      return ClusterLens.BAD_INPUT;
    }
    Path dir = demo ? Places.demoCluster() : clusterDir;
    String warehouseRoot =
        demo ? Places.home().resolve("warehouse/demo").toString() : warehouseOption.root;
    Cluster cluster;
    try {
      cluster = ClusterFolder.read(dir);
    } catch (ClusterFolder.InvalidClusterException e) {
      err.println(e.getMessage());
      return ClusterLens.BAD_INPUT;
    }
    out.println("Starting Spark for the " + cluster.name() + "…");
    out.flush();
    Warehouse warehouse = new Warehouse(EngineSpark.session(), warehouseRoot);
    if (demo && warehouse.isEmpty()) {
      out.println("Ingesting the demo cluster's returns into " + warehouseRoot + "…");
      out.flush();
      DemoRun.ingest(cluster, () -> warehouse, Places.home().resolve("reports/demo"))
          .withSchemes(ClusterFolder.schemeChoices(dir, cluster))
          .run(List.of(dir.resolve("returns")), Optional.empty(), Optional.empty());
    }
    Term handInTerm;
    try {
      handInTerm =
          term != null
              ? Term.parse(term)
              : demo ? latestTerm(warehouse) : termOf(LocalDate.now(ZoneId.of("Europe/London")));
    } catch (IllegalArgumentException e) {
      err.println("--term " + e.getMessage());
      return ClusterLens.BAD_INPUT;
    }
    ServiceFolder folder =
        service != null
            ? new ServiceFolder(service.toAbsolutePath().normalize())
            : ServiceFolder.besideWarehouse(warehouseRoot);
    ServiceSettings settings =
        new ServiceSettings(
            cluster,
            dir,
            warehouseRoot,
            folder,
            handInTerm,
            host,
            port,
            maxFileMb == null ? ReturnLimits.DEFAULT.maxBytes() : maxFileMb * 1024L * 1024L,
            behindTls ? ServiceSettings.Tls.BEHIND_TLS : ServiceSettings.Tls.PLAIN_HTTP);
    ClusterService service = ClusterService.forCluster(settings, () -> warehouse);
    Map<String, String> demoAccounts = demo ? demoAccounts(service.accounts(), cluster) : Map.of();
    int bound = service.start();
    Runtime.getRuntime().addShutdownHook(new Thread(service::close));
    String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound;
    out.println(
        "ClusterLens is serving the "
            + cluster.name()
            + " at "
            + base
            + "/ (hand-ins for "
            + handInTerm.label()
            + "). Service folder: "
            + folder.root()
            + ". Stop with Ctrl+C.");
    if (!demoAccounts.isEmpty()) {
      out.println("Demo accounts (passwords are new at every start):");
      demoAccounts.forEach((name, password) -> out.printf("  %-28s %s%n", name, password));
    }
    out.flush();
    new CountDownLatch(1).await();
    return ClusterLens.OK;
  }

  /** The term a date falls in: September–December autumn, January–March spring, else summer. */
  static Term termOf(LocalDate date) {
    int month = date.getMonthValue();
    int start = month >= 9 ? date.getYear() : date.getYear() - 1;
    Term.Season season =
        month >= 9 ? Term.Season.AUTUMN : month <= 3 ? Term.Season.SPRING : Term.Season.SUMMER;
    return new Term(Term.academicYearStarting(start), season);
  }

  private static Term latestTerm(Warehouse warehouse) {
    return warehouse.currentReturns().stream()
        .map(StoredReturn::termId)
        .map(Term::parse)
        .max(Term::compareTo)
        .orElseThrow(() -> new IllegalStateException("The demo warehouse holds no returns"));
  }

  /**
   * The demo's accounts, each with a new password: business managers and governors of the first two
   * schools, the SIP and the coordinator.
   */
  private static Map<String, String> demoAccounts(AccountStore accounts, Cluster cluster) {
    Map<String, String> made = new LinkedHashMap<>();
    List<School> two = cluster.schools().subList(0, Math.min(2, cluster.schools().size()));
    Map<String, Role> wanted = new LinkedHashMap<>();
    Map<String, String> school = new LinkedHashMap<>();
    for (School s : two) {
      wanted.put("sbm-" + s.urn(), Role.SBM);
      school.put("sbm-" + s.urn(), s.urn());
      wanted.put("governor-" + s.urn(), Role.GOVERNOR);
      school.put("governor-" + s.urn(), s.urn());
    }
    wanted.put("sip", Role.SIP);
    wanted.put("coordinator", Role.COORDINATOR);
    SecureRandom random = new SecureRandom();
    for (Map.Entry<String, Role> e : wanted.entrySet()) {
      if (accounts.named(e.getKey()).isEmpty()) {
        accounts.add(e.getKey(), e.getValue(), Optional.ofNullable(school.get(e.getKey())));
      }
      byte[] b = new byte[12];
      random.nextBytes(b);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
      accounts.setPassword(e.getKey(), password);
      made.put(e.getKey(), password);
    }
    return made;
  }
}
