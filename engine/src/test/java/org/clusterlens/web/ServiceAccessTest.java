package org.clusterlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clusterlens.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks every route of {@link ClusterService#routes()} as every role, on its own school and on
 * another school (and on another school's hand-in), and as nobody: a role or school that does not
 * fit gets 403 or 404, a visitor who is not signed in is sent to sign in. A new route is walked
 * without changing this test.
 */
class ServiceAccessTest {

  @TempDir static Path dir;

  private static ServiceFixture fixture;
  private static HandIn ashdownHandIn;
  private static HandIn beaconHandIn;
  private static String inviteToken;

  @BeforeAll
  static void start() throws Exception {
    fixture = ServiceFixture.start(Fixtures.path("cluster"), dir, 1024 * 1024).withUsualAccounts();
    fixture.account("beacon-sbm", Role.SBM, ServiceFixture.BEACON);
    inviteToken =
        fixture.service.accounts().add("not-yet", Role.GOVERNOR, Optional.of("100002")).token();
    // One rejected hand-in per school: object-level checks need something of each school's.
    byte[] bad = Files.readAllBytes(Fixtures.path("cluster/bad/2024-25/summer/100001.csv"));
    ashdownHandIn =
        fixture
            .service
            .desk()
            .handIn(
                ServiceFixture.ASHDOWN,
                ServiceFixture.TERM,
                "sbm",
                "ashdown.csv",
                new ByteArrayInputStream(bad));
    beaconHandIn =
        fixture
            .service
            .desk()
            .handIn(
                ServiceFixture.BEACON,
                ServiceFixture.TERM,
                "beacon-sbm",
                "beacon.csv",
                new ByteArrayInputStream(bad));
    assertThat(ashdownHandIn.accepted()).isFalse();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** Who walks the routes: an account name (null for nobody) and its role. */
  private record Visitor(String name, Role role, String school) {}

  private static final List<Visitor> VISITORS =
      List.of(
          new Visitor("sbm", Role.SBM, ServiceFixture.ASHDOWN),
          new Visitor("governor", Role.GOVERNOR, ServiceFixture.ASHDOWN),
          new Visitor("sip", Role.SIP, null),
          new Visitor("coordinator", Role.COORDINATOR, null));

  /** The paths one route stands for: own school, other school, own school with another's id. */
  private record Target(String path, String school, boolean foreignObject) {}

  private static List<Target> targets(WebRoute route) {
    List<Target> out = new ArrayList<>();
    String own = ServiceFixture.ASHDOWN;
    String other = ServiceFixture.BEACON;
    if (!route.isSchools()) {
      out.add(new Target(fill(route.path(), own, ""), null, false));
      return out;
    }
    String ownId = route.path().contains("{id}") ? ashdownHandIn.id() : "";
    String otherId = route.path().contains("{id}") ? beaconHandIn.id() : "";
    out.add(new Target(fill(route.path(), own, ownId), own, false));
    out.add(new Target(fill(route.path(), other, otherId), other, false));
    if (route.path().contains("{id}")) {
      out.add(new Target(fill(route.path(), own, otherId), own, true));
    }
    return out;
  }

  private static String fill(String path, String urn, String id) {
    return path.replace("{urn}", urn).replace("{id}", id).replace("{token}", inviteToken);
  }

  private static boolean allowed(WebRoute route, Visitor v, Target t) {
    if (route.isPublic()) {
      return true;
    }
    if (!route.roles().contains(v.role())) {
      return false;
    }
    if (t.foreignObject()) {
      return false;
    }
    return t.school() == null || !v.role().belongsToOneSchool() || v.school().equals(t.school());
  }

  private static HttpResponse<String> call(
      ServiceFixture.Browser b, WebRoute route, String path, String signInName) {
    if (route.method().equals("GET")) {
      return b.get(path);
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", b.csrf);
    if (route.path().equals("/sign-in")) {
      form.put("name", signInName == null ? "sbm" : signInName);
      form.put("password", ServiceFixture.PASSWORD);
    }
    if (route.path().endsWith("/returns")) {
      return b.upload(path, form, null, null);
    }
    return b.post(path, form);
  }

  @Test
  void everyRouteAnswersEachRoleAndSchoolAsItsAccessAllows() {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Visitor v : VISITORS) {
      ServiceFixture.Browser b = fixture.browser();
      assertThat(b.signIn(v.name()).statusCode()).isEqualTo(303);
      for (WebRoute route : ClusterService.routes()) {
        for (Target t : targets(route)) {
          HttpResponse<String> r = call(b, route, t.path(), v.name());
          int status = r.statusCode();
          boolean expected = allowed(route, v, t);
          boolean refused = status == 401 || status == 403 || status == 404;
          boolean sentToSignIn =
              status == 303 && r.headers().firstValue("Location").orElse("").equals("/sign-in");
          if (expected == (refused || sentToSignIn && !route.path().equals("/sign-out"))) {
            wrong.add(v.name() + " " + route.method() + " " + t.path() + " -> " + status);
          }
          if (!expected && status != 403 && status != 404) {
            wrong.add(v.name() + " " + route.method() + " " + t.path() + " -> " + status);
          }
          checked++;
          if (route.path().equals("/sign-out") || route.path().equals("/sign-in")) {
            b.signIn(v.name());
          }
        }
      }
    }
    assertThat(wrong).as("routes answering the wrong visitors").isEmpty();
    assertThat(checked).isGreaterThan(ClusterService.routes().size() * VISITORS.size());
  }

  @Test
  void nobodySignedInIsSentToSignInOrRefusedOnEveryPrivateRoute() {
    ServiceFixture.Browser b = fixture.browser();
    b.get("/sign-in");
    List<String> wrong = new ArrayList<>();
    for (WebRoute route : ClusterService.routes()) {
      if (route.isPublic()) {
        continue;
      }
      for (Target t : targets(route)) {
        HttpResponse<String> r = call(b, route, t.path(), null);
        boolean sentToSignIn =
            r.statusCode() == 303
                && r.headers().firstValue("Location").orElse("").equals("/sign-in");
        if (!sentToSignIn && r.statusCode() != 401) {
          wrong.add(route.method() + " " + t.path() + " -> " + r.statusCode());
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void anotherSchoolsFeedbackNeverShowsItsPupils() {
    ServiceFixture.Browser b = fixture.browser();
    b.signIn("beacon-sbm");
    HttpResponse<String> r = b.get("/school/100001/returns/" + ashdownHandIn.id());
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).doesNotContain("850210011502").doesNotContain("ashdown.csv");
  }
}
