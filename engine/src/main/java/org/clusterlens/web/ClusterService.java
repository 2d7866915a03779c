package org.clusterlens.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.clusterlens.ingest.ClusterFolder;
import org.clusterlens.ingest.ReturnLimits;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.School;
import org.clusterlens.pipeline.IngestRun;
import org.clusterlens.pipeline.ReportRun;
import org.clusterlens.warehouse.StoredReturn;
import org.clusterlens.warehouse.Warehouse;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;

/**
 * The cluster's web service: Javalin on Jetty, in the engine's own process and SparkSession. Every
 * route is listed in {@link #routes()} with the roles that may use it; one guard checks, before any
 * handler runs, that the visitor is signed in with an enabled account of a fitting role, that a
 * school's route is their own school's (else "not found"), that a form carries the session's token,
 * and that an upload is not over the limit.
 */
public final class ClusterService implements AutoCloseable {

  /** The session attribute holding the signed-in account's name. */
  static final String ACCOUNT = "account";

  /** The session attribute holding the session's form token. */
  static final String CSRF = "csrf";

  /** The form field every form sends its token in. */
  static final String CSRF_FIELD = "_csrf";

  private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
  private static final Set<Role> READERS = EnumSet.of(Role.GOVERNOR, Role.SIP, Role.COORDINATOR);
  private static final Set<Role> CLUSTER = EnumSet.of(Role.SIP, Role.COORDINATOR);

  /** The pages' policy: nothing from anywhere else, no framing, forms only to this service. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  /**
   * A pack's policy: the pack's own (its scripts are inline and unpack its charting library from a
   * blob), in a sandbox of its own origin so it can reach nothing of the service's, and no framing.
   */
  static final String PACK_POLICY =
      "sandbox allow-scripts allow-popups allow-downloads; default-src 'none';"
          + " script-src 'unsafe-inline' blob:; style-src 'unsafe-inline'; img-src data:;"
          + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final List<WebRoute> ROUTES =
      List.of(
          new WebRoute("GET", "/", EVERYONE, "each role's start page"),
          new WebRoute("GET", "/sign-in", Set.of(), "sign-in form"),
          new WebRoute("POST", "/sign-in", Set.of(), "sign in"),
          new WebRoute("POST", "/sign-out", EVERYONE, "sign out"),
          new WebRoute("GET", "/welcome/{token}", Set.of(), "one-time link: choose a password"),
          new WebRoute("POST", "/welcome/{token}", Set.of(), "set the password"),
          new WebRoute("GET", "/static/site.css", Set.of(), "style sheet"),
          new WebRoute("GET", "/school/{urn}/returns", EnumSet.of(Role.SBM), "hand-in page"),
          new WebRoute("POST", "/school/{urn}/returns", EnumSet.of(Role.SBM), "hand in"),
          new WebRoute("GET", "/school/{urn}/returns/{id}", EnumSet.of(Role.SBM), "feedback"),
          new WebRoute(
              "GET", "/school/{urn}/returns/{id}/marked-copy", EnumSet.of(Role.SBM), "marked copy"),
          new WebRoute("GET", "/school/{urn}/packs", READERS, "a school's packs"),
          new WebRoute("GET", "/school/{urn}/packs/governor.html", READERS, "governor pack"),
          new WebRoute("GET", "/school/{urn}/packs/governor.xlsx", READERS, "governor workbook"),
          new WebRoute(
              "GET", "/school/{urn}/packs/self-evaluation.txt", READERS, "self-evaluation text"),
          new WebRoute("GET", "/training", READERS, "governors' training page"),
          new WebRoute("GET", "/cluster", CLUSTER, "hand-in board and packs"),
          new WebRoute("GET", "/cluster/pack.html", CLUSTER, "cluster pack"),
          new WebRoute("GET", "/cluster/pack.xlsx", CLUSTER, "cluster workbook"),
          new WebRoute("GET", "/cluster/builds", CLUSTER, "rebuild progress"),
          new WebRoute("POST", "/cluster/builds", EnumSet.of(Role.COORDINATOR), "rebuild packs"));

  private final ServiceSettings settings;
  private final Supplier<Warehouse> warehouse;
  private final AccountStore accounts;
  private final AuditTrail audit;
  private final SignInThrottle throttle = new SignInThrottle(Clock.systemUTC());
  private final HandInDesk desk;
  private final PackBuilds builds;
  private final String css;
  private Javalin app;

  /**
   * A service for a cluster whose warehouse is opened by {@code warehouse} (once, and shared).
   *
   * @param settings how it runs
   * @param warehouse opens the warehouse in the process's SparkSession
   * @param ingest the ingest run for a hand-in, writing its feedback into the folder given
   * @param build writes every pack into the folder given
   */
  public ClusterService(
      ServiceSettings settings,
      Supplier<Warehouse> warehouse,
      Function<Path, IngestRun> ingest,
      Consumer<Path> build) {
    this.settings = settings;
    this.warehouse = warehouse;
    ServiceFolder folder = settings.folder().create();
    this.accounts = new AccountStore(folder);
    this.audit = new AuditTrail(folder);
    this.desk = new HandInDesk(folder, ingest);
    this.builds = new PackBuilds(folder, build, audit);
    try (InputStream in = ClusterService.class.getResourceAsStream("/web/site.css")) {
      this.css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("The service's style sheet is missing from the engine", e);
    }
  }

  /**
   * The service as the command line runs it: hand-ins checked as {@code clusterlens ingest} checks
   * them (the cluster's mappings and schemes, the upload limit), packs built as {@code clusterlens
   * report} builds them.
   *
   * @throws ClusterFolder.InvalidClusterException if the cluster's mappings or schemes are invalid
   */
  public static ClusterService forCluster(ServiceSettings settings, Supplier<Warehouse> warehouse)
      throws ClusterFolder.InvalidClusterException {
    Cluster cluster = settings.cluster();
    Path dir = settings.clusterDir();
    var mappings = ClusterFolder.mappings(dir, cluster);
    var schemes = ClusterFolder.schemeChoices(dir, cluster);
    var reference = ClusterFolder.valueAddedReference(dir);
    ReturnLimits limits =
        new ReturnLimits(settings.maxUploadBytes(), ReturnLimits.DEFAULT.maxPupils());
    return new ClusterService(
        settings,
        warehouse,
        feedback ->
            new IngestRun(cluster, warehouse)
                .withLimits(limits)
                .withMappings(mappings)
                .withSchemes(schemes)
                .withFeedback(feedback),
        out -> ReportRun.run(cluster, warehouse.get(), out, reference));
  }

  /** Every route the service answers, with who may use it. */
  public static List<WebRoute> routes() {
    return ROUTES;
  }

  /** The accounts this service signs people in with. */
  public AccountStore accounts() {
    return accounts;
  }

  /** The audit trail. */
  public AuditTrail audit() {
    return audit;
  }

  /** The hand-ins so far. */
  public HandInDesk desk() {
    return desk;
  }

  /** The pack builds. */
  public PackBuilds builds() {
    return builds;
  }

  /**
   * Starts listening, and starts a first pack build if there is none and the warehouse holds
   * returns.
   *
   * @return the port listened on
   */
  public int start() {
    Map<String, Handler> handlers = handlers();
    app =
        Javalin.create(
            config -> {
              config.jetty.host = settings.host();
              config.jetty.port = settings.port();
              config.http.maxRequestSize = 64 * 1024;
              config.http.generateEtags = false;
              config.startup.showJavalinBanner = false;
              config.jetty.multipartConfig.cacheDirectory(settings.folder().tmp().toString());
              config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), SizeUnit.BYTES);
              config.jetty.multipartConfig.maxTotalRequestSize(uploadLimit(), SizeUnit.BYTES);
              config.jetty.multipartConfig.maxInMemoryFileSize(256, SizeUnit.KB);
              config.jetty.modifyServletContextHandler(h -> h.setSessionHandler(sessions()));
              if (settings.tls() == ServiceSettings.Tls.BEHIND_TLS) {
                config.jetty.modifyHttpConfiguration(
                    http -> http.addCustomizer(new ForwardedRequestCustomizer()));
              }
              config.routes.before(this::securityHeaders);
              for (WebRoute route : ROUTES) {
                Handler guarded = guard(route, handlers.get(route.method() + " " + route.path()));
                String path = route.path();
                if (route.method().equals("GET")) {
                  config.routes.get(path, guarded);
                } else {
                  config.routes.post(path, guarded);
                }
              }
              config.routes.error(
                  404,
                  ctx -> {
                    if (ctx.result() == null || ctx.result().isEmpty()) {
                      message(ctx, 404, "Page not found", "There is no page at this address.");
                    }
                  });
              config.routes.exception(
                  Exception.class,
                  (e, ctx) ->
                      message(
                          ctx,
                          500,
                          "Something went wrong",
                          "ClusterLens could not finish this: "
                              + describe(e)
                              + ". Nothing was lost; try again, and tell your cluster coordinator"
                              + " if it happens again."));
            });
    app.start();
    Warehouse w = warehouse.get();
    if (builds.current().isEmpty() && !w.isEmpty()) {
      builds.request("the service started with no packs built");
    }
    return app.port();
  }

  private long uploadLimit() {
    return settings.maxUploadBytes() + 64 * 1024;
  }

  private SessionHandler sessions() {
    SessionHandler sessions = new SessionHandler();
    sessions.setHttpOnly(true);
    sessions.setSameSite(HttpCookie.SameSite.STRICT);
    sessions.setSessionCookie("clusterlens_session");
    sessions.setMaxInactiveInterval((int) Duration.ofHours(2).toSeconds());
    sessions.setSecureCookies(settings.tls() == ServiceSettings.Tls.BEHIND_TLS);
    return sessions;
  }

  @Override
  public void close() {
    if (app != null) {
      app.stop();
    }
    builds.close();
  }

  // ---- the guard every route passes ----

  private void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    ctx.header(
        "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    ctx.header("Cache-Control", "no-store");
    if (settings.tls() == ServiceSettings.Tls.BEHIND_TLS) {
      ctx.header("Strict-Transport-Security", "max-age=31536000");
    }
  }

  private Handler guard(WebRoute route, Handler handler) {
    if (handler == null) {
      throw new IllegalStateException("No handler for " + route.method() + " " + route.path());
    }
    return ctx -> {
      Account account = null;
      if (!route.isPublic()) {
        Optional<Account> signedIn = signedIn(ctx);
        if (signedIn.isEmpty()) {
          if (route.method().equals("GET")) {
            ctx.redirect("/sign-in", HttpStatus.SEE_OTHER);
          } else {
            message(ctx, 401, "Please sign in", "Your session has ended; sign in again.");
          }
          return;
        }
        account = signedIn.get();
        if (!route.roles().contains(account.role())) {
          audit.record(account.name(), "refused", route.method() + " " + ctx.path());
          message(
              ctx,
              403,
              "Not for your account",
              "This page is not open to a " + account.role().words() + ".");
          return;
        }
        if (route.isSchools()) {
          String urn = ctx.pathParam("urn");
          if (settings.cluster().school(urn).isEmpty() || !account.mayRead(urn)) {
            audit.record(account.name(), "refused", route.method() + " " + ctx.path());
            message(ctx, 404, "Page not found", "There is no page at this address.");
            return;
          }
        }
      }
      if (route.method().equals("POST")) {
        long length = ctx.req().getContentLengthLong();
        if (length < 0 || length > uploadLimit()) {
          message(
              ctx,
              413,
              "File too large",
              "A return may be at most "
                  + megabytes(settings.maxUploadBytes())
                  + " MB; this one is larger (or its size was not sent). Nothing was stored.");
          return;
        }
        String sent;
        try {
          sent = ctx.formParam(CSRF_FIELD);
        } catch (RuntimeException e) {
          message(
              ctx,
              413,
              "File too large",
              "A return may be at most " + megabytes(settings.maxUploadBytes()) + " MB.");
          return;
        }
        String expected = ctx.sessionAttribute(CSRF);
        if (sent == null
            || expected == null
            || !MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
          audit.record(
              account == null ? "-" : account.name(), "refused form without token", ctx.path());
          message(
              ctx,
              403,
              "Form refused",
              "This form had expired or did not come from ClusterLens. Go back, reload the page"
                  + " and send it again.");
          return;
        }
      }
      handler.handle(ctx);
    };
  }

  private Optional<Account> signedIn(Context ctx) {
    HttpSession session = ctx.req().getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Object name = session.getAttribute(ACCOUNT);
    if (!(name instanceof String n)) {
      return Optional.empty();
    }
    return accounts.named(n).filter(a -> !a.disabled() && a.passwordHash() != null);
  }

  private String csrf(Context ctx) {
    String token = ctx.sessionAttribute(CSRF);
    if (token == null) {
      token = AccountStore.token();
      ctx.sessionAttribute(CSRF, token);
    }
    return token;
  }

  private Pages.Frame frame(Context ctx, String title, int refresh) {
    return new Pages.Frame(title, signedIn(ctx).orElse(null), csrf(ctx), refresh);
  }

  private void message(Context ctx, int status, String heading, String text) {
    ctx.status(status);
    ctx.html(Pages.render("message.jte", new Pages.Message(frame(ctx, heading, 0), heading, text)));
  }

  // ---- the handlers ----

  private Map<String, Handler> handlers() {
    return Map.ofEntries(
        Map.entry("GET /", this::home),
        Map.entry("GET /sign-in", ctx -> signInPage(ctx, 200, "", null)),
        Map.entry("POST /sign-in", this::signIn),
        Map.entry("POST /sign-out", this::signOut),
        Map.entry("GET /welcome/{token}", ctx -> welcomePage(ctx, 200, null)),
        Map.entry("POST /welcome/{token}", this::welcome),
        Map.entry(
            "GET /static/site.css",
            ctx -> {
              ctx.header("Cache-Control", "max-age=3600");
              ctx.contentType("text/css; charset=utf-8").result(css);
            }),
        Map.entry("GET /school/{urn}/returns", ctx -> returnsPage(ctx, 200, null)),
        Map.entry("POST /school/{urn}/returns", this::handIn),
        Map.entry("GET /school/{urn}/returns/{id}", this::feedback),
        Map.entry("GET /school/{urn}/returns/{id}/marked-copy", this::markedCopy),
        Map.entry("GET /school/{urn}/packs", this::schoolPacks),
        Map.entry(
            "GET /school/{urn}/packs/governor.html",
            ctx -> packFile(ctx, "governor-" + ctx.pathParam("urn") + ".html")),
        Map.entry(
            "GET /school/{urn}/packs/governor.xlsx",
            ctx -> packFile(ctx, "governor-" + ctx.pathParam("urn") + ".xlsx")),
        Map.entry(
            "GET /school/{urn}/packs/self-evaluation.txt",
            ctx -> packFile(ctx, "self-evaluation-" + ctx.pathParam("urn") + ".txt")),
        Map.entry("GET /training", ctx -> packFile(ctx, "reading-your-data.html")),
        Map.entry("GET /cluster", this::clusterPage),
        Map.entry("GET /cluster/pack.html", ctx -> packFile(ctx, "cluster-pack.html")),
        Map.entry("GET /cluster/pack.xlsx", ctx -> packFile(ctx, "cluster-pack.xlsx")),
        Map.entry("GET /cluster/builds", this::buildsPage),
        Map.entry("POST /cluster/builds", this::rebuild));
  }

  private void home(Context ctx) {
    Account a = signedIn(ctx).orElseThrow();
    String to =
        switch (a.role()) {
          case SBM -> "/school/" + a.school() + "/returns";
          case GOVERNOR -> "/school/" + a.school() + "/packs";
          case SIP, COORDINATOR -> "/cluster";
        };
    ctx.redirect(to, HttpStatus.SEE_OTHER);
  }

  private void signInPage(Context ctx, int status, String name, String message) {
    if (signedIn(ctx).isPresent() && status == 200) {
      ctx.redirect("/", HttpStatus.SEE_OTHER);
      return;
    }
    ctx.status(status);
    ctx.html(
        Pages.render(
            "signIn.jte",
            new Pages.SignIn(frame(ctx, "Sign in", 0), name == null ? "" : name, message)));
  }

  private void signIn(Context ctx) {
    String name = ctx.formParam("name");
    String password = ctx.formParam("password");
    String address = ctx.ip();
    if (throttle.refuses(name, address)) {
      audit.record(
          name == null ? "-" : name, "sign-in refused (too many wrong passwords)", address);
      signInPage(
          ctx,
          429,
          name,
          "Too many wrong passwords in the last minute. Wait a minute, then try again.");
      return;
    }
    Optional<Account> account = accounts.verify(name, password);
    if (account.isEmpty()) {
      throttle.failed(name, address);
      audit.record(name == null ? "-" : name, "sign-in failed", address);
      signInPage(ctx, 401, name, "That name and password do not match an account.");
      return;
    }
    startSession(ctx, account.get());
    audit.record(account.get().name(), "sign-in", address);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  /** A new session id for the signed-in account (the one used before signing in is dropped). */
  private void startSession(Context ctx, Account account) {
    HttpSession old = ctx.req().getSession(false);
    if (old != null) {
      old.invalidate();
    }
    HttpSession fresh = ctx.req().getSession(true);
    fresh.setAttribute(ACCOUNT, account.name());
    fresh.setAttribute(CSRF, AccountStore.token());
  }

  private void signOut(Context ctx) {
    Account a = signedIn(ctx).orElseThrow();
    HttpSession session = ctx.req().getSession(false);
    if (session != null) {
      session.invalidate();
    }
    audit.record(a.name(), "sign-out", "");
    ctx.redirect("/sign-in", HttpStatus.SEE_OTHER);
  }

  private void welcomePage(Context ctx, int status, String message) {
    String token = ctx.pathParam("token");
    Optional<Account> invited = accounts.invited(token);
    if (invited.isEmpty()) {
      message(
          ctx,
          404,
          "This sign-in link does not work",
          "It has been used already, has expired or was mistyped. Ask your cluster coordinator"
              + " for a new one.");
      return;
    }
    Account a = invited.get();
    String school =
        a.school() == null
            ? null
            : settings.cluster().school(a.school()).map(School::name).orElse(a.school());
    ctx.status(status);
    ctx.html(
        Pages.render(
            "welcome.jte",
            new Pages.Welcome(
                frame(ctx, "Choose your password", 0),
                a.name(),
                a.role().words(),
                school,
                token,
                message)));
  }

  private void welcome(Context ctx) {
    String token = ctx.pathParam("token");
    String password = ctx.formParam("password");
    if (password == null || !password.equals(ctx.formParam("again"))) {
      welcomePage(ctx, 400, "The two passwords were not the same; type them again.");
      return;
    }
    Optional<Account> account;
    try {
      account = accounts.acceptInvitation(token, password);
    } catch (IllegalArgumentException e) {
      welcomePage(ctx, 400, e.getMessage() + ".");
      return;
    }
    if (account.isEmpty()) {
      welcomePage(ctx, 404, null);
      return;
    }
    startSession(ctx, account.get());
    audit.record(account.get().name(), "password set from sign-in link", ctx.ip());
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  private School school(Context ctx) {
    return settings.cluster().school(ctx.pathParam("urn")).orElseThrow();
  }

  private void returnsPage(Context ctx, int status, String message) {
    School school = school(ctx);
    Warehouse w = warehouse.get();
    List<StoredReturn> held =
        w.isEmpty()
            ? List.of()
            : w.currentReturns().stream()
                .filter(r -> r.schoolUrn().equals(school.urn()))
                .sorted(Comparator.comparing(StoredReturn::termId).reversed())
                .toList();
    ctx.status(status);
    ctx.html(
        Pages.render(
            "returns.jte",
            new Pages.Returns(
                frame(ctx, "Returns for " + school.name(), 0),
                school,
                settings.term(),
                megabytes(settings.maxUploadBytes()),
                desk.forSchool(school.urn()),
                held,
                message)));
  }

  private void handIn(Context ctx) throws IOException {
    Account a = signedIn(ctx).orElseThrow();
    School school = school(ctx);
    UploadedFile file = ctx.uploadedFile("return");
    if (file == null || file.size() == 0) {
      returnsPage(ctx, 400, "Choose your return file, then hand it in.");
      return;
    }
    if (!"yes".equals(ctx.formParam("confirm"))) {
      returnsPage(
          ctx,
          400,
          "Tick the box to confirm this is "
              + school.name()
              + "'s return for "
              + settings.term().label()
              + ".");
      return;
    }
    HandIn handIn;
    try (InputStream in = file.content()) {
      handIn = desk.handIn(school.urn(), settings.term(), a.name(), file.filename(), in);
    } catch (IllegalArgumentException e) {
      returnsPage(ctx, 400, e.getMessage() + ".");
      return;
    }
    audit.record(
        a.name(),
        "hand-in",
        school.urn()
            + " "
            + handIn.term()
            + " "
            + handIn.storedAs()
            + (handIn.accepted() ? " accepted" : " rejected"));
    if (handIn.accepted()) {
      builds.request("after " + school.name() + "'s return was accepted");
    }
    ctx.redirect("/school/" + school.urn() + "/returns/" + handIn.id(), HttpStatus.SEE_OTHER);
  }

  private Optional<HandIn> handIn(Context ctx, School school) {
    return desk.find(school.urn(), ctx.pathParam("id"));
  }

  private void feedback(Context ctx) {
    School school = school(ctx);
    Optional<HandIn> h = handIn(ctx, school);
    if (h.isEmpty()) {
      message(ctx, 404, "Page not found", "There is no such hand-in for your school.");
      return;
    }
    ctx.html(
        Pages.render(
            "feedback.jte",
            new Pages.Feedback(
                frame(ctx, "Your return " + h.get().fileName(), 0),
                school,
                h.get(),
                desk.markedCopy(h.get()).isPresent())));
  }

  private void markedCopy(Context ctx) {
    Account a = signedIn(ctx).orElseThrow();
    School school = school(ctx);
    Optional<Path> file = handIn(ctx, school).flatMap(desk::markedCopy);
    if (file.isEmpty()) {
      message(ctx, 404, "Page not found", "There is no marked-up copy for this hand-in.");
      return;
    }
    HandIn h = handIn(ctx, school).orElseThrow();
    String stem = h.fileName().replaceAll("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9_-]+", "_");
    audit.record(a.name(), "download", "marked copy of " + h.storedAs());
    sendFile(
        ctx,
        file.get(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        stem + "-marked.xlsx");
  }

  private void schoolPacks(Context ctx) {
    Account a = signedIn(ctx).orElseThrow();
    School school = school(ctx);
    Optional<Path> current = builds.current();
    String selfEvaluation = "";
    Path text =
        current.map(d -> d.resolve("self-evaluation-" + school.urn() + ".txt")).orElse(null);
    if (text != null && Files.isRegularFile(text)) {
      try {
        selfEvaluation = Files.readString(text);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read " + text, e);
      }
    }
    PackBuilds.Status status = builds.status();
    ctx.html(
        Pages.render(
            "schoolPacks.jte",
            new Pages.SchoolPacks(
                frame(ctx, school.name() + ": governor pack", 0),
                school,
                current.isPresent(),
                status
                    .currentBuiltAt()
                    .map(t -> t.toString().substring(0, 16).replace('T', ' '))
                    .orElse(""),
                selfEvaluation,
                CLUSTER.contains(a.role()))));
  }

  private void packFile(Context ctx, String name) {
    Account a = signedIn(ctx).orElseThrow();
    Optional<Path> current = builds.current();
    Path file = current.map(d -> d.resolve(name)).orElse(null);
    if (file == null || !Files.isRegularFile(file)) {
      message(
          ctx,
          503,
          "Not built yet",
          "The packs have not been built yet. They are built when returns are in; try again"
              + " later.");
      return;
    }
    audit.record(a.name(), "download", current.get().getFileName() + "/" + name);
    if (name.endsWith(".html")) {
      ctx.header("Content-Security-Policy", PACK_POLICY);
      sendFile(ctx, file, "text/html; charset=utf-8", null);
    } else if (name.endsWith(".txt")) {
      sendFile(ctx, file, "text/plain; charset=utf-8", name);
    } else {
      sendFile(
          ctx, file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
  }

  private static void sendFile(Context ctx, Path file, String type, String downloadName) {
    try {
      ctx.contentType(type);
      if (downloadName != null) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + downloadName + "\"");
      }
      ctx.result(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
  }

  private Pages.BuildView buildView() {
    PackBuilds.Status s = builds.status();
    String served =
        s.currentBuiltAt()
            .map(t -> "the packs built " + t.toString().substring(0, 16).replace('T', ' ') + " UTC")
            .orElse("nothing yet (no packs have been built)");
    return new Pages.BuildView(
        served,
        s.running(),
        s.secondsSoFar(),
        s.runningReason(),
        s.queued(),
        s.lastTook().map(d -> d.toSeconds() + " s").orElse(""),
        s.lastFailure().orElse(""));
  }

  private void clusterPage(Context ctx) {
    Account a = signedIn(ctx).orElseThrow();
    ctx.html(
        Pages.render(
            "cluster.jte",
            new Pages.ClusterPage(
                frame(ctx, "The cluster", 0),
                settings.term(),
                board(),
                settings.cluster().schools(),
                buildView(),
                a.role() == Role.COORDINATOR)));
  }

  private void buildsPage(Context ctx) {
    Account a = signedIn(ctx).orElseThrow();
    Pages.BuildView view = buildView();
    ctx.html(
        Pages.render(
            "builds.jte",
            new Pages.Builds(
                frame(ctx, "Pack rebuild", view.running() ? 3 : 0),
                view,
                a.role() == Role.COORDINATOR)));
  }

  private void rebuild(Context ctx) {
    Account a = signedIn(ctx).orElseThrow();
    builds.request("asked for by " + a.name());
    audit.record(a.name(), "rebuild asked for", "");
    ctx.redirect("/cluster/builds", HttpStatus.SEE_OTHER);
  }

  /** Each school's return this term: received, rejected or missing, when and by whom. */
  List<Pages.BoardRow> board() {
    String term = settings.term().id();
    Warehouse w = warehouse.get();
    List<StoredReturn> held =
        w.isEmpty()
            ? List.of()
            : w.currentReturns().stream().filter(r -> r.termId().equals(term)).toList();
    List<HandIn> all = desk.all();
    List<Pages.BoardRow> rows = new ArrayList<>();
    for (School s : settings.cluster().schools()) {
      List<HandIn> mine =
          all.stream()
              .filter(h -> h.school().equals(s.urn()) && h.term().equals(term))
              .sorted(Comparator.comparing(HandIn::at).reversed())
              .toList();
      Optional<HandIn> accepted = mine.stream().filter(HandIn::accepted).findFirst();
      Optional<StoredReturn> stored =
          held.stream().filter(r -> r.schoolUrn().equals(s.urn())).findFirst();
      Optional<HandIn> latest = mine.stream().findFirst();
      String laterRejected =
          latest
              .filter(h -> !h.accepted() && (accepted.isPresent() || stored.isPresent()))
              .map(h -> "A later file was rejected (" + minute(h.at()) + ", " + h.by() + ").")
              .orElse("");
      if (accepted.isPresent()) {
        HandIn h = accepted.get();
        rows.add(
            new Pages.BoardRow(
                s,
                "Received",
                minute(h.at()),
                h.by(),
                (h.pupils() + " pupils. " + laterRejected).trim()));
      } else if (stored.isPresent()) {
        StoredReturn r = stored.get();
        rows.add(
            new Pages.BoardRow(
                s,
                "Received",
                minute(r.storedAt().toString()),
                "command line",
                (r.pupils() + " pupils. " + laterRejected).trim()));
      } else if (latest.isPresent()) {
        HandIn h = latest.get();
        rows.add(
            new Pages.BoardRow(
                s,
                "Rejected",
                minute(h.at()),
                h.by(),
                h.errors().size() + " problem(s) to fix; " + mine.size() + " file(s) so far."));
      } else {
        rows.add(new Pages.BoardRow(s, "Missing", "", "", "Nothing handed in yet."));
      }
    }
    return rows;
  }

  private static String minute(String instant) {
    return instant.length() >= 16 ? instant.substring(0, 16).replace('T', ' ') : instant;
  }

  private static long megabytes(long bytes) {
    return Math.max(1, bytes / (1024 * 1024));
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
