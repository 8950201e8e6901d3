package io.github.planetscaleci.core.internal.http;

import static io.github.planetscaleci.core.internal.http.MockApi.DB;
import static io.github.planetscaleci.core.internal.http.MockApi.fixture;
import static io.github.planetscaleci.core.internal.http.MockApi.json;
import static io.github.planetscaleci.core.internal.http.MockApi.ok;
import static io.github.planetscaleci.core.internal.http.RetryTest.dropped;
import static io.github.planetscaleci.core.internal.http.RetryTest.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.planetscaleci.core.client.CreateBranchRequest;
import io.github.planetscaleci.core.client.CreateDeployRequest;
import io.github.planetscaleci.core.client.CreatePasswordRequest;
import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.model.Branch;
import io.github.planetscaleci.core.model.BranchPassword;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.model.DeploymentState;
import io.github.planetscaleci.core.model.PasswordRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A create or state change whose answer was lost is never blindly repeated: the client looks for
 * what the lost attempt did first.
 */
class RecoveryTest {
  private static final String PREFIX = "/v1/organizations/acme/databases/app";
  private final MockApi api = new MockApi();
  private final List<String> log = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    api.close();
  }

  /** Answers by "METHOD target" from queues, and logs every request it saw. */
  private void route(Map<String, List<MockResponse>> routes) {
    Map<String, List<MockResponse>> queues = new ConcurrentHashMap<>();
    routes.forEach((k, v) -> queues.put(k, new ArrayList<>(v)));
    api.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String key = request.getMethod() + " " + request.getTarget();
            log.add(key);
            List<MockResponse> q = queues.get(key);
            if (q == null || q.isEmpty()) {
              return json(500, "{\"code\":\"unexpected\",\"message\":\"" + key + "\"}");
            }
            return q.size() == 1 ? q.get(0) : q.remove(0);
          }
        });
  }

  private static String branchJson(String name) {
    return "{\"id\":\"b-"
        + name
        + "\",\"name\":\""
        + name
        + "\",\"ready\":false,\"state\":\"pending\"}";
  }

  @Test
  void lostBranchCreateIsFoundInsteadOfRepeated() {
    route(
        Map.of(
            "POST " + PREFIX + "/branches", List.of(dropped()),
            "GET " + PREFIX + "/branches/ci-pr-12", List.of(ok(branchJson("ci-pr-12")))));
    Branch b = api.client.branches().create(DB, CreateBranchRequest.of("ci-pr-12"));
    assertThat(b.id()).isEqualTo("b-ci-pr-12");
    assertThat(log)
        .containsExactly("POST " + PREFIX + "/branches", "GET " + PREFIX + "/branches/ci-pr-12");
  }

  @Test
  void branchCreateRepeatsOnlyWhenTheLookupFindsNothing() {
    route(
        Map.of(
            "POST " + PREFIX + "/branches",
            List.of(status(503), json(201, branchJson("ci-pr-12"))),
            "GET " + PREFIX + "/branches/ci-pr-12",
            List.of(json(404, "{\"code\":\"not_found\",\"message\":\"Not Found\"}"))));
    assertThat(api.client.branches().create(DB, CreateBranchRequest.of("ci-pr-12")).name())
        .isEqualTo("ci-pr-12");
    assertThat(log)
        .containsExactly(
            "POST " + PREFIX + "/branches",
            "GET " + PREFIX + "/branches/ci-pr-12",
            "POST " + PREFIX + "/branches");
  }

  private static final String TAKEN =
      "{\"code\":\"unprocessable\",\"message\":\"Name has already been taken\"}";
  private static final String NOT_FOUND = "{\"code\":\"not_found\",\"message\":\"Not Found\"}";

  @Test
  void aConflictAfterALostCreateIsThatCreatesBranchOnceItShows() {
    route(
        Map.of(
            "POST " + PREFIX + "/branches",
            List.of(status(503), json(422, TAKEN)),
            "GET " + PREFIX + "/branches/ci-pr-12",
            List.of(json(404, NOT_FOUND), ok(branchJson("ci-pr-12")))));
    Branch b = api.client.branches().create(DB, CreateBranchRequest.of("ci-pr-12"));
    assertThat(b.id()).isEqualTo("b-ci-pr-12");
    assertThat(log)
        .containsExactly(
            "POST " + PREFIX + "/branches",
            "GET " + PREFIX + "/branches/ci-pr-12",
            "POST " + PREFIX + "/branches",
            "GET " + PREFIX + "/branches/ci-pr-12");
  }

  @Test
  void aConflictAfterALostCreateReportsTheUnknownOutcomeNotAConflict() {
    route(
        Map.of(
            "POST " + PREFIX + "/branches",
            List.of(status(503), json(422, TAKEN)),
            "GET " + PREFIX + "/branches/ci-pr-12",
            List.of(json(404, NOT_FOUND))));
    ApiException e =
        catchThrowableOfType(
            ApiException.class,
            () -> api.client.branches().create(DB, CreateBranchRequest.of("ci-pr-12")));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVER_ERROR);
    assertThat(e.getMessage())
        .contains("HTTP 503")
        .contains("A later attempt was refused as a conflict (already exists)")
        .contains("may have created it");
    assertThat(log).filteredOn(s -> s.startsWith("POST")).hasSize(2);
  }

  @Test
  void aConflictWithoutAnEarlierLostAttemptStaysAConflict() {
    route(Map.of("POST " + PREFIX + "/branches", List.of(json(422, TAKEN))));
    ApiException e =
        catchThrowableOfType(
            ApiException.class,
            () -> api.client.branches().create(DB, CreateBranchRequest.of("ci-pr-12")));
    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
    assertThat(log).containsExactly("POST " + PREFIX + "/branches");
  }

  @Test
  void rateLimitedCreateIsRepeatedWithoutLookup() {
    route(Map.of("POST " + PREFIX + "/branches", List.of(status(429), json(201, branchJson("x")))));
    api.client.branches().create(DB, CreateBranchRequest.of("x"));
    assertThat(log).containsExactly("POST " + PREFIX + "/branches", "POST " + PREFIX + "/branches");
  }

  @Test
  void lostPasswordCreateDeletesTheOrphanAndCreatesAgain() {
    String orphan =
        "{\"data\":[{\"id\":\"orphan1\",\"name\":\"ci-1\"},{\"id\":\"other\",\"name\":\"ci-10\"}],\"next_page\":null}";
    route(
        Map.of(
            "POST " + PREFIX + "/branches/dev/passwords",
            List.of(dropped(), json(201, fixture("password-go.json"))),
            "GET " + PREFIX + "/branches/dev/passwords?q=ci-1&page=1&per_page=100",
            List.of(ok(orphan)),
            "DELETE " + PREFIX + "/branches/dev/passwords/orphan1",
            List.of(new MockResponse.Builder().code(204).build())));
    BranchPassword p =
        api.client
            .passwords()
            .create(DB, "dev", new CreatePasswordRequest("ci-1", PasswordRole.ADMIN, null));
    assertThat(p.plainText()).isEqualTo("plain-text-password");
    assertThat(log)
        .containsExactly(
            "POST " + PREFIX + "/branches/dev/passwords",
            "GET " + PREFIX + "/branches/dev/passwords?q=ci-1&page=1&per_page=100",
            "DELETE " + PREFIX + "/branches/dev/passwords/orphan1",
            "POST " + PREFIX + "/branches/dev/passwords");
  }

  @Test
  void lostDeployRequestCreateReturnsTheOpenOne() {
    String open =
        "{\"data\":[" + fixture("deploy-request-opened-webhook.json") + "],\"next_page\":null}";
    route(
        Map.of(
            "POST " + PREFIX + "/deploy-requests",
            List.of(status(504)),
            "GET "
                + PREFIX
                + "/deploy-requests?state=open&branch=dev&into_branch=main&page=1&per_page=100",
            List.of(ok(open))));
    DeployRequest dr =
        api.client.deployRequests().create(DB, new CreateDeployRequest("dev", "main", null, null));
    assertThat(dr.number()).isEqualTo(5);
    assertThat(log).filteredOn(s -> s.startsWith("POST")).hasSize(1);
  }

  private static String drInState(DeploymentState state) {
    return "{\"number\":5,\"state\":\"open\",\"branch\":\"dev\",\"into_branch\":\"main\","
        + "\"deployment_state\":\""
        + state.apiValue()
        + "\"}";
  }

  @Test
  void lostDeployThatQueuedIsNotQueuedTwice() {
    route(
        Map.of(
            "POST " + PREFIX + "/deploy-requests/5/deploy", List.of(dropped()),
            "GET " + PREFIX + "/deploy-requests/5",
                List.of(ok(drInState(DeploymentState.QUEUED)))));
    DeployRequest dr = api.client.deployRequests().deploy(DB, 5, false);
    assertThat(dr.deploymentState()).isEqualTo(DeploymentState.QUEUED);
    assertThat(log)
        .containsExactly(
            "POST " + PREFIX + "/deploy-requests/5/deploy", "GET " + PREFIX + "/deploy-requests/5");
  }

  @Test
  void deployThatDidNotHappenIsRepeated() {
    route(
        Map.of(
            "POST " + PREFIX + "/deploy-requests/5/deploy",
            List.of(status(502), ok(drInState(DeploymentState.QUEUED))),
            "GET " + PREFIX + "/deploy-requests/5",
            List.of(ok(drInState(DeploymentState.READY)))));
    assertThat(api.client.deployRequests().deploy(DB, 5, false).deploymentState())
        .isEqualTo(DeploymentState.QUEUED);
    assertThat(log)
        .containsExactly(
            "POST " + PREFIX + "/deploy-requests/5/deploy",
            "GET " + PREFIX + "/deploy-requests/5",
            "POST " + PREFIX + "/deploy-requests/5/deploy");
  }

  @Test
  void eachActionRecognisesItsOwnEffect() {
    record Case(String suffix, DeploymentState after, Function<Integer, DeployRequest> call) {}
    List<Case> cases =
        List.of(
            new Case(
                "/apply-deploy",
                DeploymentState.IN_PROGRESS_CUTOVER,
                n -> api.client.deployRequests().applyDeploy(DB, n)),
            new Case(
                "/cancel",
                DeploymentState.CANCELLED,
                n -> api.client.deployRequests().cancel(DB, n)),
            new Case(
                "/skip-revert",
                DeploymentState.COMPLETE,
                n -> api.client.deployRequests().skipRevert(DB, n)),
            new Case(
                "/revert",
                DeploymentState.IN_PROGRESS_REVERT,
                n -> api.client.deployRequests().revert(DB, n)));
    for (Case c : cases) {
      log.clear();
      route(
          Map.of(
              "POST " + PREFIX + "/deploy-requests/5" + c.suffix(), List.of(dropped()),
              "GET " + PREFIX + "/deploy-requests/5", List.of(ok(drInState(c.after())))));
      assertThat(c.call().apply(5).deploymentState()).isEqualTo(c.after());
      assertThat(log).as(c.suffix()).filteredOn(s -> s.startsWith("POST")).hasSize(1);
    }
  }

  @Test
  void lostCloseIsRecognised() {
    route(
        Map.of(
            "PATCH " + PREFIX + "/deploy-requests/5",
            List.of(dropped()),
            "GET " + PREFIX + "/deploy-requests/5",
            List.of(ok("{\"number\":5,\"state\":\"closed\",\"deployment_state\":\"ready\"}"))));
    assertThat(api.client.deployRequests().close(DB, 5).isOpen()).isFalse();
    assertThat(log).filteredOn(s -> s.startsWith("PATCH")).hasSize(1);
  }

  @Test
  void deleteWhoseAnswerWasLostCountsA404AsDone() {
    route(
        Map.of(
            "DELETE " + PREFIX + "/branches/ci-pr-12",
            List.of(status(503), json(404, "{\"code\":\"not_found\",\"message\":\"Not Found\"}"))));
    api.client.branches().delete(DB, "ci-pr-12");
    assertThat(log).hasSize(2);
  }

  @Test
  void deleteOfAMissingBranchIsNotFound() {
    route(
        Map.of(
            "DELETE " + PREFIX + "/branches/gone",
            List.of(json(404, "{\"code\":\"not_found\",\"message\":\"Not Found\"}"))));
    ApiException e =
        catchThrowableOfType(ApiException.class, () -> api.client.branches().delete(DB, "gone"));
    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(e.getMessage()).startsWith("deleting branch gone of acme/app failed: HTTP 404");
  }
}
