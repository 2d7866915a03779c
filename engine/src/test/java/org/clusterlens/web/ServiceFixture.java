package org.clusterlens.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.clusterlens.ingest.ClusterFolder;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Term;
import org.clusterlens.testing.SharedSpark;
import org.clusterlens.warehouse.Warehouse;

/**
 * A running service for tests: a cluster folder, a fresh warehouse and service folder under a
 * temporary folder, term 2024-25 summer, any free port on 127.0.0.1, and an account per role (the
 * business manager and governor of Ashdown, 100001) whose password is {@link #PASSWORD}.
 */
final class ServiceFixture implements AutoCloseable {

  static final String ASHDOWN = "100001";
  static final String BEACON = "100002";
  static final String PASSWORD = "correct horse battery";
  static final Term TERM = Term.parse("2024-25-summer");

  final ClusterService service;
  final Warehouse warehouse;
  final int port;
  final Path root;

  private ServiceFixture(ClusterService service, Warehouse warehouse, int port, Path root) {
    this.service = service;
    this.warehouse = warehouse;
    this.port = port;
    this.root = root;
  }

  /** A service for the cluster in {@code clusterDir}, with the given upload limit. */
  static ServiceFixture start(Path clusterDir, Path dir, long maxUploadBytes) {
    try {
      Cluster cluster = ClusterFolder.read(clusterDir);
      Warehouse warehouse =
          new Warehouse(SharedSpark.session(), dir.resolve("warehouse").toString());
      ServiceSettings settings =
          new ServiceSettings(
              cluster,
              clusterDir,
              dir.resolve("warehouse").toString(),
              ServiceFolder.besideWarehouse(dir.resolve("warehouse").toString()),
              TERM,
              "127.0.0.1",
              0,
              maxUploadBytes,
              ServiceSettings.Tls.PLAIN_HTTP);
      ClusterService service = ClusterService.forCluster(settings, () -> warehouse);
      int port = service.start();
      return new ServiceFixture(service, warehouse, port, dir);
    } catch (ClusterFolder.InvalidClusterException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds an account with {@link #PASSWORD} as its password. */
  void account(String name, Role role, String school) {
    service.accounts().add(name, role, Optional.ofNullable(school));
    service.accounts().setPassword(name, PASSWORD);
  }

  /** The usual four: sbm, governor (both Ashdown), sip, coordinator. */
  ServiceFixture withUsualAccounts() {
    account("sbm", Role.SBM, ASHDOWN);
    account("governor", Role.GOVERNOR, ASHDOWN);
    account("sip", Role.SIP, null);
    account("coordinator", Role.COORDINATOR, null);
    return this;
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  Browser browser() {
    return new Browser(this);
  }

  @Override
  public void close() {
    service.close();
  }

  /** One visitor: their own cookies, no redirects followed, the last form token seen. */
  static final class Browser {
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    final ServiceFixture fixture;
    final CookieManager cookies = new CookieManager();
    final HttpClient http;
    String csrf = "";

    Browser(ServiceFixture fixture) {
      this.fixture = fixture;
      this.http =
          HttpClient.newBuilder()
              .cookieHandler(cookies)
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
    }

    HttpResponse<String> get(String path) {
      HttpResponse<String> r =
          send(HttpRequest.newBuilder(URI.create(fixture.url(path))).GET().build());
      Matcher m = TOKEN.matcher(r.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return r;
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
      String body =
          form.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return send(
          HttpRequest.newBuilder(URI.create(fixture.url(path)))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build());
    }

    /** A multipart form: plain fields, then one file field named {@code return}. */
    HttpResponse<String> upload(
        String path, Map<String, String> fields, String fileName, byte[] content) {
      String boundary = "----clusterlens" + System.nanoTime();
      StringBuilder head = new StringBuilder();
      for (Map.Entry<String, String> f : fields.entrySet()) {
        head.append("--")
            .append(boundary)
            .append("\r\nContent-Disposition: form-data; name=\"")
            .append(f.getKey())
            .append("\"\r\n\r\n")
            .append(f.getValue())
            .append("\r\n");
      }
      if (fileName != null) {
        head.append("--")
            .append(boundary)
            .append("\r\nContent-Disposition: form-data; name=\"return\"; filename=\"")
            .append(fileName)
            .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      }
      byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
      byte[] end =
          ((fileName != null ? "\r\n" : "") + "--" + boundary + "--\r\n")
              .getBytes(StandardCharsets.UTF_8);
      byte[] file = fileName != null ? content : new byte[0];
      byte[] all = new byte[start.length + file.length + end.length];
      System.arraycopy(start, 0, all, 0, start.length);
      System.arraycopy(file, 0, all, start.length, file.length);
      System.arraycopy(end, 0, all, start.length + file.length, end.length);
      return send(
          HttpRequest.newBuilder(URI.create(fixture.url(path)))
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(HttpRequest.BodyPublishers.ofByteArray(all))
              .build());
    }

    /** Signs in as {@code name} with {@link #PASSWORD}; returns the sign-in's response. */
    HttpResponse<String> signIn(String name) {
      return signIn(name, PASSWORD);
    }

    HttpResponse<String> signIn(String name, String password) {
      followHome();
      get("/sign-in");
      HttpResponse<String> r =
          post("/sign-in", Map.of("_csrf", csrf, "name", name, "password", password));
      followHome();
      return r;
    }

    /** Loads the start page so the form token of the signed-in session is known. */
    void followHome() {
      HttpResponse<String> home = get("/");
      home.headers().firstValue("Location").ifPresent(this::get);
    }

    /** The session cookie's value, for replaying it. */
    String sessionCookie() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("clusterlens_session"))
          .map(c -> c.getValue())
          .findFirst()
          .orElse("");
    }

    private HttpResponse<String> send(HttpRequest request) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  static List<String> lines(String text) {
    return text.lines().toList();
  }
}
