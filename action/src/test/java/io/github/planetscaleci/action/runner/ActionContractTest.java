package io.github.planetscaleci.action.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.action.RunnerHarness;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runner-contract behaviour that needs no API answer: validation, forks, skips, post no-ops. */
class ActionContractTest {
  private static final String TOKEN = "pscale_tkn_CANARY_contract_7f3a";

  @TempDir Path dir;
  private final MockWebServer api = new MockWebServer();
  private RunnerHarness runner;

  @BeforeEach
  void setUp() throws Exception {
    api.start();
    runner =
        new RunnerHarness(dir)
            .input("organization", "acme")
            .input("database", "shop")
            .input("service-token-id", "tokenid")
            .input("service-token", TOKEN)
            .input("api-url", api.url("/v1").toString());
  }

  @AfterEach
  void tearDown() throws Exception {
    api.close();
  }

  @Test
  void missingInputsFailWithOneAnnotationNamingEach() {
    RunnerHarness.Step step =
        new RunnerHarness(dir.resolve("other")).input("organization", "acme").main();
    assertThat(step.exitCode()).isEqualTo(2);
    assertThat(step.annotations())
        .singleElement()
        .asString()
        .startsWith("error|PlanetScale configuration|missing input `database`, input")
        .contains("input `service-token` (or the PLANETSCALE_SERVICE_TOKEN environment variable)")
        .contains("fork and Dependabot");
    assertThat(step.outputs()).isEmpty();
    assertThat(step.state()).isEmpty();
  }

  @Test
  void inputsFromEnvironmentFallbacksAreAccepted() {
    RunnerHarness.Step step =
        new RunnerHarness(dir.resolve("env"))
            .input("database", "shop")
            .input("api-url", api.url("/v1").toString())
            .input("wait-timeout", "soon")
            .env("PLANETSCALE_ORG", "acme")
            .env("PLANETSCALE_SERVICE_TOKEN_ID", "id")
            .env("PLANETSCALE_SERVICE_TOKEN", TOKEN)
            .main();
    // Got past the connection check: the failure is the next problem, the bad duration.
    assertThat(step.annotations())
        .singleElement()
        .asString()
        .contains("input `wait-timeout` must be a positive duration");
    assertThat(step.masks()).contains(TOKEN);
    assertThat(api.getRequestCount()).isZero();
  }

  @Test
  void badInputsFailBeforeAnyRequest() {
    RunnerHarness.Step step = runner.input("keep-branch", "yes").main();
    assertThat(step.exitCode()).isEqualTo(2);
    assertThat(step.annotations())
        .containsExactly(
            "error|PlanetScale configuration|input `keep-branch` must be true or false, got 'yes'.");
    assertThat(api.getRequestCount()).isZero();
    assertThat(step.state()).isEmpty();
  }

  @Test
  void unknownCommandIsRejected() {
    RunnerHarness.Step step = runner.input("command", "delete-everything").main();
    assertThat(step.exitCode()).isEqualTo(2);
    assertThat(step.annotations().get(0)).contains("unknown command 'delete-everything'");
  }

  @Test
  void forkPullRequestsFailClearlyWithoutCallingTheApi() {
    RunnerHarness.Step step =
        runner.event("pull_request", "pull_request_fork.json").input("service-token", "").main();
    assertThat(step.exitCode()).isEqualTo(2);
    assertThat(step.annotations())
        .singleElement()
        .asString()
        .startsWith("error|Fork pull request|This pull request comes from a fork.")
        .contains("head.repo.full_name == github.repository")
        .contains("Do not switch to pull_request_target");
    assertThat(api.getRequestCount()).isZero();
    // The post step of a failed fork run has nothing to clean up.
    assertThat(runner.post().exitCode()).isZero();
  }

  @Test
  void deployRequestOnAPullRequestClosedWithoutMergeDoesNothing() {
    RunnerHarness.Step step =
        runner
            .event("pull_request", "pull_request_closed_unmerged.json")
            .input("command", "deploy-request")
            .main();
    assertThat(step.exitCode()).isZero();
    assertThat(step.annotations())
        .containsExactly("notice||Pull request #12 was closed without merging: nothing to deploy.");
    assertThat(step.outputs()).isEmpty();
    assertThat(api.getRequestCount()).isZero();
  }

  @ParameterizedTest(name = "{0} {1} with deploy={2}")
  @CsvSource({
    "pull_request, pull_request_opened.json, auto, 1, previewing branch ci-pr-12-r4242-a1",
    "pull_request, pull_request_synchronize.json, auto, 1, previewing branch ci-pr-12-r4242-a1",
    "pull_request, pull_request_closed_merged.json, auto, 1, deploying branch ci-pr-12-r4242-a1 (merge detected)",
    "push, push_main.json, auto, 1, deploying branch ci-gh-main-r4242-a1 (merge detected)",
    "push, push_main.json, never, 1, previewing branch ci-gh-main-r4242-a1",
    "push, push_feature.json, auto, 1, previewing branch ci-gh-add-orders-r4242-a1",
    "workflow_dispatch, workflow_dispatch.json, auto, 1, previewing branch ci-gh-main-r4242-a1",
    "workflow_dispatch, workflow_dispatch.json, always, 1, deploying branch ci-gh-main-r4242-a1",
    "pull_request, pull_request_opened.json, auto, 3, previewing branch ci-pr-12-r4242-a3",
  })
  void deployRequestPicksPreviewOrDeployAndTheBranchFromTheEvent(
      String event, String payload, String deploy, String attempt, String expected) {
    api.enqueue(
        new MockResponse.Builder()
            .code(401)
            .addHeader("Content-Type", "application/json")
            .body("{\"code\":\"unauthorized\",\"message\":\"nope\"}")
            .build());
    RunnerHarness.Step step =
        runner
            .event(event, payload)
            .run("4242", attempt)
            .env("GITHUB_REF", "refs/heads/main")
            .input("command", "deploy-request")
            .input("deploy", deploy)
            .main();
    assertThat(step.visibleLog()).contains(expected);
    // The decision is made before the first request, which fails here on purpose.
    assertThat(step.exitCode()).isEqualTo(4);
    // Failed before the target was known, with no github-token: no comment was possible, and no
    // warning about one is added beside the error.
    assertThat(step.annotations()).noneMatch(a -> a.startsWith("warning"));
  }

  @Test
  void postStepWithoutStateIsANoOp() {
    RunnerHarness.Step post = runner.post();
    assertThat(post.exitCode()).isZero();
    assertThat(post.visibleLog()).anyMatch(l -> l.contains("nothing to clean up"));
    assertThat(api.getRequestCount()).isZero();
  }

  @Test
  void secretInputsAreMaskedBeforeAnythingElseIsPrinted() {
    RunnerHarness.Step step = runner.input("keep-branch", "maybe").main();
    assertThat(step.stdout().lines().findFirst()).hasValue("::add-mask::" + TOKEN);
    assertThat(step.visibleLog()).noneMatch(l -> l.contains(TOKEN));
    assertThat(step.stdout().lines().filter(l -> l.contains(TOKEN)))
        .allMatch(l -> l.startsWith("::add-mask::"));
  }
}
