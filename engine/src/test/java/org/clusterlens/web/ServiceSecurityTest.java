package org.clusterlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clusterlens.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the service refuses: a form without its token, an upload over the limit, a file name that
 * tries to climb out of the upload folder, a session used again after signing out, the sixth wrong
 * password in a minute; and the headers and cookie every page carries.
 */
class ServiceSecurityTest {

  private static final long LIMIT = 64 * 1024;

  @TempDir Path dir;

  private ServiceFixture fixture;

  private ServiceFixture start() {
    fixture = ServiceFixture.start(Fixtures.path("cluster"), dir, LIMIT).withUsualAccounts();
    return fixture;
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void aFormWithoutItsTokenIsRefusedAndDoesNothing() {
    ServiceFixture.Browser coordinator = start().browser();
    coordinator.signIn("coordinator");

    HttpResponse<String> noToken = coordinator.post("/cluster/builds", Map.of());
    HttpResponse<String> wrongToken =
        coordinator.post("/cluster/builds", Map.of("_csrf", "not-the-token"));
    ServiceFixture.Browser sbm = fixture.browser();
    sbm.signIn("sbm");
    HttpResponse<String> upload =
        sbm.upload(
            "/school/100001/returns", Map.of("confirm", "yes"), "return.csv", "UPN\n".getBytes());

    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noToken.body()).contains("did not come from ClusterLens");
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(upload.statusCode()).isEqualTo(403);
    assertThat(fixture.service.builds().status().running()).isFalse();
    assertThat(fixture.service.desk().all()).isEmpty();
  }

  @Test
  void anUploadOverTheLimitIsRefusedUnreadAndNothingIsKept() throws Exception {
    ServiceFixture.Browser sbm = start().browser();
    sbm.signIn("sbm");
    byte[] big = new byte[(int) LIMIT * 3];
    java.util.Arrays.fill(big, (byte) 'x');

    HttpResponse<String> r =
        sbm.upload(
            "/school/100001/returns", Map.of("_csrf", sbm.csrf, "confirm", "yes"), "huge.csv", big);

    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("at most 1 MB").doesNotContain("Exception");
    assertThat(fixture.service.desk().all()).isEmpty();
    try (Stream<Path> kept = Files.walk(dir.resolve("warehouse-service/uploads"))) {
      assertThat(kept.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  @Test
  void aFileNameClimbingOutOfTheUploadFolderIsKeptInsideUnderAGeneratedName() throws Exception {
    ServiceFixture.Browser sbm = start().browser();
    sbm.signIn("sbm");
    byte[] bad = Files.readAllBytes(Fixtures.path("cluster/bad/2024-25/summer/100001.csv"));

    HttpResponse<String> r =
        sbm.upload(
            "/school/100001/returns",
            Map.of("_csrf", sbm.csrf, "confirm", "yes"),
            "../../../../escaped.csv",
            bad);

    assertThat(r.statusCode()).isEqualTo(303);
    HandIn h = fixture.service.desk().all().get(0);
    assertThat(h.fileName()).isEqualTo("escaped.csv");
    assertThat(h.storedAs()).startsWith("100001-2024-25-summer-").doesNotContain("..");
    try (Stream<Path> all = Files.walk(dir)) {
      List<Path> files = all.filter(p -> p.getFileName().toString().contains("escaped")).toList();
      assertThat(files).allMatch(p -> p.startsWith(dir.resolve("warehouse-service/feedback")));
    }
    assertThat(dir.resolve("warehouse-service/uploads/100001").resolve(h.storedAs())).exists();
    HttpResponse<String> page = sbm.get(r.headers().firstValue("Location").orElseThrow());
    assertThat(page.body()).contains("Not accepted").contains("escaped.csv");
  }

  @Test
  void aSessionUsedAgainAfterSigningOutIsRefused() throws Exception {
    ServiceFixture.Browser sip = start().browser();
    sip.signIn("sip");
    String cookie = sip.sessionCookie();
    assertThat(sip.get("/cluster").statusCode()).isEqualTo(200);

    HttpResponse<String> out = sip.post("/sign-out", Map.of("_csrf", sip.csrf));
    assertThat(out.statusCode()).isEqualTo(303);
    HttpResponse<String> replay =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(fixture.url("/cluster")))
                    .header("Cookie", "clusterlens_session=" + cookie)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(replay.statusCode()).isEqualTo(303);
    assertThat(replay.headers().firstValue("Location")).hasValue("/sign-in");
    assertThat(replay.body()).doesNotContain("Hand-ins for");
  }

  @Test
  void theSixthWrongPasswordInAMinuteIsRefusedAndSoIsTheRightOneAfterIt() {
    ServiceFixture.Browser b = start().browser();
    for (int i = 1; i <= 5; i++) {
      assertThat(b.signIn("governor", "wrong password " + i).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> sixth = b.signIn("governor", "wrong password 6");
    HttpResponse<String> right = b.signIn("governor", ServiceFixture.PASSWORD);

    assertThat(sixth.statusCode()).isEqualTo(429);
    assertThat(sixth.body()).contains("Too many wrong passwords");
    assertThat(right.statusCode()).isEqualTo(429);
    assertThat(fixture.service.audit().lines())
        .filteredOn(l -> l.contains("sign-in refused"))
        .hasSize(2);
  }

  @Test
  void everyPageCarriesTheSecurityHeadersAndAStrictHttpOnlyCookie() {
    ServiceFixture.Browser b = start().browser();
    HttpResponse<String> page = b.get("/sign-in");

    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'none'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("http");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    String cookie = page.headers().firstValue("Set-Cookie").orElse("");
    assertThat(cookie).contains("clusterlens_session=").contains("HttpOnly");
    assertThat(cookie.toLowerCase()).contains("samesite=strict").doesNotContain("secure;");
  }

  @Test
  void aOneTimeLinkSetsThePasswordOnceAndNeverAgain() {
    start();
    String token =
        fixture
            .service
            .accounts()
            .add("new-governor", Role.GOVERNOR, java.util.Optional.of("100002"))
            .token();
    ServiceFixture.Browser b = fixture.browser();
    assertThat(b.get("/welcome/" + token).body()).contains("Welcome, new-governor");

    HttpResponse<String> set =
        b.post(
            "/welcome/" + token,
            Map.of(
                "_csrf",
                b.csrf,
                "password",
                "a long new password",
                "again",
                "a long new password"));
    HttpResponse<String> again = fixture.browser().get("/welcome/" + token);

    assertThat(set.statusCode()).isEqualTo(303);
    assertThat(b.get("/").headers().firstValue("Location")).hasValue("/school/100002/packs");
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(Files.exists(dir.resolve("warehouse-service/accounts.json"))).isTrue();
    assertThat(fixture.service.accounts().named("new-governor").orElseThrow().passwordHash())
        .startsWith("$2")
        .doesNotContain("a long new password");
  }
}
