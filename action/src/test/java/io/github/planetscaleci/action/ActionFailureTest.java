package io.github.planetscaleci.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.action.command.Leases;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.workflow.BranchLease;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API failures as a workflow run sees them: exact requests on MockWebServer, then the annotation,
 * the exit code, and what was (not) left in state and outputs.
 */
class ActionFailureTest {
  private static final String WRONG_TOKEN = "pscale_tkn_CANARYWRONGTOKEN0042";
  private static final String BRANCH_BASE = "/v1/organizations/acme/databases/shop/branches";

  @TempDir Path dir;
  private final MockWebServer api = new MockWebServer();
  private final List<String> requests = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    api.start();
  }

  @AfterEach
  void stop() throws Exception {
    api.close();
  }

  private RunnerHarness runner() {
    return new RunnerHarness(dir)
        .input("organization", "acme")
        .input("database", "shop")
        .input("service-token-id", "token-id")
        .input("service-token", WRONG_TOKEN)
        .input("api-url", api.url("/v1").toString());
  }

  private void dispatch(java.util.function.Function<RecordedRequest, MockResponse> f) {
    api.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            requests.add(r.getMethod() + " " + r.getUrl().encodedPath());
            return f.apply(r);
          }
        });
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Test
  void aWrongTokenIsAnUnauthorizedAnnotationWithTheApiMessageAndOnlyTheProvisionalLease()
      throws Exception {
    dispatch(
        r -> json(401, "{\"code\":\"unauthorized\",\"message\":\"The access token is invalid\"}"));
    RunnerHarness.Step step = runner().main();
    assertThat(step.exitCode()).isEqualTo(4);
    assertThat(step.annotations())
        .singleElement()
        .asString()
        .startsWith("error|PlanetScale unauthorized|")
        .contains("The access token is invalid");
    assertThat(step.outputs()).isEmpty();
    assertThat(step.state()).containsOnlyKeys("lease");
    assertThat(Leases.fromJson(step.state().get("lease")))
        .isEqualTo(provisional("ci-pr-12-r4242-a1"));
    assertThat(api.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("token-id:" + WRONG_TOKEN);
    assertThat(step.visibleLog()).noneMatch(l -> l.contains(WRONG_TOKEN));
    assertThat(step.stderr()).doesNotContain(WRONG_TOKEN);
    assertThat(runner().post().exitCode()).isZero();
  }

  @Test
  void aBranchThatNeverBecomesReadyTimesOutAndIsDeleted() {
    AtomicBoolean created = new AtomicBoolean();
    AtomicBoolean deleted = new AtomicBoolean();
    dispatch(
        r -> {
          String path = r.getUrl().encodedPath();
          String branch =
              "{\"id\":\"b1\",\"name\":\"pr-x\",\"parent_branch\":\"main\",\"ready\":false,"
                  + "\"state\":\"pending\",\"production\":false,"
                  + "\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}";
          if (path.equals("/v1/organizations/acme/databases/shop")) {
            return json(
                200,
                "{\"id\":\"d1\",\"name\":\"shop\",\"default_branch\":\"main\",\"state\":\"ready\","
                    + "\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}");
          }
          if (path.equals(BRANCH_BASE) && r.getMethod().equals("POST")) {
            created.set(true);
            return json(201, branch);
          }
          if (path.startsWith(BRANCH_BASE + "/") && r.getMethod().equals("DELETE")) {
            deleted.set(true);
            return new MockResponse.Builder().code(204).build();
          }
          if (path.startsWith(BRANCH_BASE + "/") && r.getMethod().equals("GET")) {
            return created.get()
                ? json(200, branch)
                : json(404, "{\"code\":\"not_found\",\"message\":\"Not Found\"}");
          }
          return json(404, "{\"code\":\"not_found\",\"message\":\"Not Found\"}");
        });
    RunnerHarness.Step step = runner().input("wait-timeout", "2s").main();
    assertThat(step.exitCode()).as(step.stdout()).isEqualTo(10);
    assertThat(step.annotations())
        .singleElement()
        .asString()
        .startsWith("error|PlanetScale timeout|");
    assertThat(created).isTrue();
    assertThat(deleted).as("the branch this run created is deleted after the timeout").isTrue();
    assertThat(step.outputs()).isEmpty();
    // Only the provisional lease, for a post step should the cleanup above have failed.
    assertThat(Leases.fromJson(step.state().get("lease")))
        .isEqualTo(provisional("ci-pr-12-r4242-a1"));
  }

  private static BranchLease provisional(String branch) {
    return new BranchLease(new DatabaseRef("acme", "shop"), branch, true, List.of());
  }
}
