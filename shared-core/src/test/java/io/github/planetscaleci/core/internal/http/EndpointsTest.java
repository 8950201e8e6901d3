package io.github.planetscaleci.core.internal.http;

import static io.github.planetscaleci.core.internal.http.MockApi.DB;
import static io.github.planetscaleci.core.internal.http.MockApi.body;
import static io.github.planetscaleci.core.internal.http.MockApi.fixture;
import static io.github.planetscaleci.core.internal.http.MockApi.ok;
import static io.github.planetscaleci.core.internal.http.MockApi.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.core.client.CreateBranchRequest;
import io.github.planetscaleci.core.client.CreateDeployRequest;
import io.github.planetscaleci.core.client.CreatePasswordRequest;
import io.github.planetscaleci.core.client.DeployRequestFilter;
import io.github.planetscaleci.core.model.Branch;
import io.github.planetscaleci.core.model.BranchPassword;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.model.DeploymentState;
import io.github.planetscaleci.core.model.PasswordRole;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every endpoint sends the method, path, query, headers and body of the reference. */
class EndpointsTest {
  private static final String PREFIX = "/v1/organizations/acme/databases/app";
  private final MockApi api = new MockApi();

  @AfterEach
  void close() {
    api.close();
  }

  private static MockResponse noContent() {
    return new MockResponse.Builder().code(204).build();
  }

  private RecordedRequest expect(String method, String target) {
    RecordedRequest r = api.take();
    assertThat(r.getMethod()).isEqualTo(method);
    assertThat(r.getTarget()).isEqualTo(target);
    assertThat(r.getHeaders().get("Authorization"))
        .isEqualTo(MockApi.TOKEN_ID + ":" + MockApi.TOKEN);
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(r.getHeaders().get("User-Agent")).matches("planetscale-ci/\\S+ test-suite/1\\.0");
    if (method.equals("GET")) {
      assertThat(r.getHeaders().get("Content-Type")).isNull();
    } else {
      assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
    }
    return r;
  }

  @Test
  void getDatabase() {
    api.enqueue(ok(fixture("database-go.json")));
    assertThat(api.client.databases().get(DB).name()).isEqualTo("planetscale-go-test-db");
    expect("GET", PREFIX);
  }

  @Test
  void branchGetFindAndList() {
    api.enqueue(ok(fixture("branch-ready-webhook.json")));
    assertThat(api.client.branches().get(DB, "dev").ready()).isTrue();
    expect("GET", PREFIX + "/branches/dev");

    api.enqueue(MockApi.json(404, "{\"code\":\"not_found\",\"message\":\"Not Found\"}"));
    assertThat(api.client.branches().find(DB, "gone")).isEmpty();
    expect("GET", PREFIX + "/branches/gone");

    api.enqueue(ok(fixture("branch-list-go.json")));
    assertThat(api.client.branches().list(DB))
        .extracting(Branch::name)
        .containsExactly("planetscale-go-test-db-branch");
    expect("GET", PREFIX + "/branches?page=1&per_page=100");
  }

  @Test
  void pathSegmentsAreEncoded() {
    api.enqueue(ok(fixture("branch-go.json")));
    api.client.branches().get(DB, "feature/a b?c");
    expect("GET", PREFIX + "/branches/feature%2Fa%20b%3Fc");
  }

  @Test
  void createBranchSendsOnlyTheGivenFields() {
    api.enqueue(
        MockApi.json(201, fixture("branch-go.json")), MockApi.json(201, fixture("branch-go.json")));
    api.client.branches().create(DB, CreateBranchRequest.of("ci-pr-12"));
    assertThat(body(expect("POST", PREFIX + "/branches")))
        .isEqualTo(parse("{\"name\":\"ci-pr-12\"}"));

    api.client.branches().create(DB, new CreateBranchRequest("ci-pr-13", "dev", true, "us-east"));
    assertThat(body(expect("POST", PREFIX + "/branches")))
        .isEqualTo(
            parse(
                "{\"name\":\"ci-pr-13\",\"parent_branch\":\"dev\","
                    + "\"seed_data\":\"last_successful_backup\",\"region\":\"us-east\"}"));
  }

  @Test
  void deleteBranchSchemaAndLint() {
    api.enqueue(noContent(), ok(fixture("schema-spec-shaped.json")), ok(fixture("lint-go.json")));
    api.client.branches().delete(DB, "ci-pr-12");
    RecordedRequest delete = expect("DELETE", PREFIX + "/branches/ci-pr-12");
    assertThat(delete.getBodySize()).isZero();

    assertThat(api.client.branches().schema(DB, "dev")).hasSize(2);
    expect("GET", PREFIX + "/branches/dev/schema");

    assertThat(api.client.branches().lint(DB, "dev")).hasSize(1);
    expect("GET", PREFIX + "/branches/dev/schema/lint?page=1&per_page=100");
  }

  @Test
  void passwords() {
    api.enqueue(
        MockApi.json(201, fixture("password-go.json")),
        MockApi.json(201, fixture("password-go.json")));
    BranchPassword p =
        api.client
            .passwords()
            .create(
                DB,
                "dev",
                new CreatePasswordRequest("ci-1", PasswordRole.ADMIN, Duration.ofHours(2)));
    assertThat(p.plainText()).isEqualTo("plain-text-password");
    assertThat(body(expect("POST", PREFIX + "/branches/dev/passwords")))
        .isEqualTo(parse("{\"name\":\"ci-1\",\"role\":\"admin\",\"ttl\":7200}"));

    api.client
        .passwords()
        .create(DB, "dev", new CreatePasswordRequest("ci-2", PasswordRole.READER, null));
    assertThat(body(expect("POST", PREFIX + "/branches/dev/passwords")))
        .isEqualTo(parse("{\"name\":\"ci-2\",\"role\":\"reader\"}"));

    api.enqueue(ok(fixture("password-list-go.json")), noContent());
    assertThat(api.client.passwords().list(DB, "dev"))
        .extracting(BranchPassword::id)
        .containsExactly("4rwwvrxk2o99");
    expect("GET", PREFIX + "/branches/dev/passwords?page=1&per_page=100");
    api.client.passwords().delete(DB, "dev", "4rwwvrxk2o99");
    expect("DELETE", PREFIX + "/branches/dev/passwords/4rwwvrxk2o99");
  }

  @Test
  void createDeployRequestBodies() {
    String dr = fixture("deploy-request-opened-webhook.json");
    api.enqueue(MockApi.json(201, dr), MockApi.json(201, dr));
    DeployRequest created =
        api.client
            .deployRequests()
            .create(DB, new CreateDeployRequest("dev", "main", "from CI", false));
    assertThat(created.number()).isEqualTo(5);
    assertThat(body(expect("POST", PREFIX + "/deploy-requests")))
        .isEqualTo(
            parse(
                "{\"branch\":\"dev\",\"into_branch\":\"main\",\"notes\":\"from CI\",\"auto_cutover\":false}"));

    api.client.deployRequests().create(DB, new CreateDeployRequest("dev", null, null, null));
    assertThat(body(expect("POST", PREFIX + "/deploy-requests")))
        .isEqualTo(parse("{\"branch\":\"dev\"}"));
  }

  @Test
  void listDeployRequestsWithFilters() {
    String page =
        "{\"data\":[" + fixture("deploy-request-opened-webhook.json") + "],\"next_page\":null}";
    api.enqueue(ok(page), ok(page));
    assertThat(api.client.deployRequests().list(DB, DeployRequestFilter.open("dev", "main")))
        .extracting(DeployRequest::number)
        .containsExactly(5);
    expect(
        "GET",
        PREFIX + "/deploy-requests?state=open&branch=dev&into_branch=main&page=1&per_page=100");
    api.client.deployRequests().list(DB, DeployRequestFilter.all());
    expect("GET", PREFIX + "/deploy-requests?page=1&per_page=100");
  }

  @Test
  void deployRequestReadsAndActions() {
    String dr = fixture("deploy-request-opened-webhook.json");
    record Case(String method, String suffix, String body, Function<Integer, Object> call) {}
    List<Case> cases =
        List.of(
            new Case("GET", "", null, n -> api.client.deployRequests().get(DB, n)),
            new Case(
                "PATCH",
                "",
                "{\"state\":\"closed\"}",
                n -> api.client.deployRequests().close(DB, n)),
            new Case(
                "POST",
                "/deploy",
                "{\"instant_ddl\":true}",
                n -> api.client.deployRequests().deploy(DB, n, true)),
            new Case(
                "POST", "/apply-deploy", "", n -> api.client.deployRequests().applyDeploy(DB, n)),
            new Case("POST", "/cancel", "", n -> api.client.deployRequests().cancel(DB, n)),
            new Case(
                "POST", "/skip-revert", "", n -> api.client.deployRequests().skipRevert(DB, n)),
            new Case("POST", "/revert", "", n -> api.client.deployRequests().revert(DB, n)));
    for (Case c : cases) {
      api.enqueue(ok(dr));
      Object result = c.call().apply(5);
      assertThat(((DeployRequest) result).number()).isEqualTo(5);
      RecordedRequest r = expect(c.method(), PREFIX + "/deploy-requests/5" + c.suffix());
      if (c.body() == null) {
        assertThat(r.getBodySize()).isZero();
      } else if (c.body().isEmpty()) {
        assertThat(r.getBodySize()).as(c.suffix()).isZero();
      } else {
        assertThat(body(r)).isEqualTo(parse(c.body()));
      }
    }
  }

  @Test
  void diffAndDeployment() {
    api.enqueue(ok(fixture("diff-spec-shaped.json")), ok(fixture("deployment-spec-shaped.json")));
    assertThat(api.client.deployRequests().diff(DB, 7))
        .extracting(d -> d.name())
        .containsExactly("users");
    expect("GET", PREFIX + "/deploy-requests/7/diff");
    assertThat(api.client.deployRequests().deployment(DB, 7).state())
        .isEqualTo(DeploymentState.PENDING_CUTOVER);
    expect("GET", PREFIX + "/deploy-requests/7/deployment");
  }

  @Test
  void trailingSlashInTheBaseUrlAndOneSharedConnection() {
    var settings =
        io.github.planetscaleci.core.client.ClientSettings.builder(
                new io.github.planetscaleci.core.client.Credentials.OAuthToken("t0ken-value"))
            .baseUrl(api.server.url("/v1/").toString())
            .build();
    try (var client = HttpPlanetScaleClient.create(settings, new FakeTiming())) {
      api.enqueue(ok(fixture("database-go.json")), ok(fixture("database-go.json")));
      client.databases().get(DB);
      client.databases().get(DB);
      RecordedRequest first = api.take();
      RecordedRequest second = api.take();
      assertThat(first.getTarget()).isEqualTo(PREFIX);
      // The second call reuses the pooled connection of the client's one OkHttpClient.
      assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
      assertThat(second.getExchangeIndex()).isEqualTo(first.getExchangeIndex() + 1);
    }
  }

  @Test
  void passwordTtlMustBeAtLeastOneSecond() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new CreatePasswordRequest("x", PasswordRole.ADMIN, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 second");
    assertThat(api.server.getRequestCount()).isZero();
  }

  @Test
  void listsFollowNextPageAcrossThreePages() {
    api.enqueue(
        ok("{\"current_page\":1,\"next_page\":2,\"data\":[{\"name\":\"a\"},{\"name\":\"b\"}]}"),
        ok("{\"current_page\":2,\"next_page\":3,\"data\":[{\"name\":\"c\"}]}"),
        ok("{\"current_page\":3,\"next_page\":null,\"data\":[{\"name\":\"d\"}]}"));
    assertThat(api.client.branches().list(DB))
        .extracting(Branch::name)
        .containsExactly("a", "b", "c", "d");
    expect("GET", PREFIX + "/branches?page=1&per_page=100");
    expect("GET", PREFIX + "/branches?page=2&per_page=100");
    expect("GET", PREFIX + "/branches?page=3&per_page=100");
  }
}
