package io.github.planetscaleci.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.core.report.CommentMarker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole product as a workflow would run it, on the emulator and a fake GitHub: for a pull
 * request, then for its merge: open-branch, a real migration over MySQL with the output
 * credentials, deploy-request, then the post step. Ends with {@code main} migrated, one sticky
 * comment, nothing left behind, and no secret anywhere it should not be.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionEndToEndTest {
  static final String TOKEN_ID = "canary-token-id";
  static final String TOKEN = "pscale_tkn_CANARYSECRETe2e0001";
  static final String GITHUB_TOKEN = "ghs_CANARYGITHUBTOKENe2e0001";
  static final String MERGE_SHA = "9f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c";

  @RegisterExtension
  static final EmulatorFixture emulator =
      EmulatorFixture.serviceToken(TOKEN_ID, TOKEN)
          .deployStepDelay(Duration.ofMillis(20))
          .database(
              "CREATE TABLE customers (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT"
                  + " NULL);"
                  + "INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace');");

  private FakeGitHub github;
  @TempDir Path dir;

  @BeforeAll
  void start() throws Exception {
    github = new FakeGitHub("acme/shop", 12, MERGE_SHA);
  }

  @AfterAll
  void stop() throws Exception {
    github.close();
  }

  private RunnerHarness step(Path job, String event, String payload, String runId) {
    return step(job, event, payload, runId, github);
  }

  private RunnerHarness step(Path job, String event, String payload, String runId, FakeGitHub gh) {
    return emulator
        .job(job)
        .event(event, payload)
        .run(runId, "1")
        .input("github-token", GITHUB_TOKEN)
        .input("wait-timeout", "2m")
        .env("GITHUB_API_URL", gh.url());
  }

  @Test
  void pullRequestPreviewThenMergeDeploysAndLeavesNothingBehind() throws Exception {
    List<RunnerHarness.Step> steps = new ArrayList<>();
    // --- The pull request's job ---
    Path prJob = dir.resolve("pr");
    RunnerHarness prOpen = step(prJob, "pull_request", "pull_request_opened.json", "100");
    RunnerHarness.Step open = prOpen.main();
    steps.add(open);
    assertThat(open.exitCode()).as(open.stdout()).isZero();
    assertThat(open.outputs())
        .containsEntry("branch", "ci-pr-12-r100-a1")
        .containsEntry("created", "true")
        .containsKeys("host", "username", "password", "database", "database-url", "jdbc-url");
    assertThat(open.state()).containsKey("lease");
    migrate(open.outputs());

    RunnerHarness.Step preview =
        step(prJob, "pull_request", "pull_request_opened.json", "100")
            .input("command", "deploy-request")
            .main();
    steps.add(preview);
    assertThat(preview.exitCode()).as(preview.stdout()).isZero();
    assertThat(preview.outputs()).containsKeys("deploy-request-number", "deployment-state");
    assertThat(preview.summary()).contains("customers", "email");
    assertThat(github.writes()).hasSize(1).first().asString().startsWith("POST ");

    RunnerHarness.Step prPost = prOpen.post();
    steps.add(prPost);
    assertThat(prPost.exitCode()).as(prPost.stdout()).isZero();
    assertThat(emulator.branches()).isZero();
    assertThat(emulator.passwordUsers()).isZero();
    assertThat(emulator.openDeployRequests()).isZero();
    assertThat(emulator.mainColumns("customers")).doesNotContain("email");

    // --- The merge: a push to main, a fresh branch, the same migration, a deploy ---
    Path mergeJob = dir.resolve("merge");
    RunnerHarness mergeOpen = step(mergeJob, "push", "push_main.json", "101");
    RunnerHarness.Step open2 = mergeOpen.main();
    steps.add(open2);
    assertThat(open2.exitCode()).as(open2.stdout()).isZero();
    assertThat(open2.outputs()).containsEntry("branch", "ci-gh-main-r101-a1");
    migrate(open2.outputs());

    RunnerHarness.Step deploy =
        step(mergeJob, "push", "push_main.json", "101")
            .input("command", "deploy-request")
            .input("skip-revert", "true")
            .main();
    steps.add(deploy);
    assertThat(deploy.exitCode()).as(deploy.stdout()).isZero();
    assertThat(deploy.outputs().get("deployment-state"))
        .isIn("complete", "complete_pending_revert");
    assertThat(deploy.visibleLog()).anyMatch(l -> l.contains("merge detected"));
    // The sticky comment on the merged PR (found from the pushed commit) was edited in place.
    assertThat(github.writes()).as(deploy.stdout()).hasSize(2);
    assertThat(github.writes().get(1)).isEqualTo("PATCH " + github.writes().get(0).substring(5));
    assertThat(github.comments()).hasSize(1);

    RunnerHarness.Step mergePost = mergeOpen.post();
    steps.add(mergePost);
    assertThat(mergePost.exitCode()).as(mergePost.stdout()).isZero();

    assertThat(emulator.mainColumns("customers")).contains("email");
    assertThat(emulator.mainRowCount("customers")).isEqualTo(2);
    assertThat(emulator.branches()).isZero();
    assertThat(emulator.passwordUsers()).isZero();
    assertThat(emulator.openDeployRequests()).isZero();

    assertNoSecretLeaks(steps, List.of(open.outputs(), open2.outputs()));
  }

  @Test
  void theStickyCommentOnALaterPageIsUpdatedInPlaceAndOthersAreUntouched() throws Exception {
    try (FakeGitHub gh = new FakeGitHub("acme/shop", 12, MERGE_SHA)) {
      for (int i = 0; i < 130; i++) {
        gh.addComment("alice", "LGTM " + i);
      }
      String marker = new CommentMarker(EmulatorFixture.DB, "main").line();
      gh.addComment("mallory", marker + "\nnot the real report");
      long ours = gh.addComment(FakeGitHub.BOT, marker + "\nan older report");

      Path job = dir.resolve("later-page");
      RunnerHarness open = step(job, "pull_request", "pull_request_synchronize.json", "200", gh);
      assertThat(open.main().exitCode()).isZero();
      RunnerHarness.Step preview =
          step(job, "pull_request", "pull_request_synchronize.json", "200", gh)
              .input("command", "deploy-request")
              .main();
      assertThat(preview.exitCode()).as(preview.stdout()).isZero();
      assertThat(open.post().exitCode()).isZero();

      assertThat(gh.writes()).containsExactly("PATCH " + ours);
      assertThat(gh.comments()).hasSize(132);
      assertThat(gh.comments())
          .filteredOn(c -> c.author().equals("mallory"))
          .extracting(FakeGitHub.Comment::body)
          .containsExactly(marker + "\nnot the real report");
      assertThat(gh.comments())
          .filteredOn(c -> c.id() == ours)
          .singleElement()
          .extracting(FakeGitHub.Comment::body)
          .asString()
          .startsWith(marker + "\n")
          .doesNotContain("an older report");
    }
    assertThat(emulator.branches()).isZero();
  }

  @Test
  void theCliOpensAndClosesABranchWithJsonOutputAndMasksInsideActions() throws Exception {
    Map<String, String> env = emulator.cliEnv(dir.resolve("cli-home"));
    env.put("GITHUB_ACTIONS", "true");
    var out = new java.io.ByteArrayOutputStream();
    var err = new java.io.ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {
              "open-branch", "--database", "shop", "--branch", "cli-build-7", "--format", "json"
            },
            env,
            new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
            new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    String stderr = err.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(code).as(stderr).isZero();
    // Inside Actions stdout starts with the masks (the runner reads each pipe on its own, so only
    // a mask on stdout surely precedes the outputs), then the JSON.
    List<String> stdout = out.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    assertThat(stdout.get(stdout.size() - 1)).startsWith("{");
    assertThat(stdout.subList(0, stdout.size() - 1)).allMatch(l -> l.startsWith("::add-mask::"));
    var json =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(stdout.get(stdout.size() - 1));
    assertThat(json.path("branch").asText()).isEqualTo("cli-build-7");
    String password = json.path("password").asText();
    assertThat(password).isNotBlank();
    // stderr carries the masks and the log, never a bare secret.
    assertThat(stderr).contains("::add-mask::" + password);
    assertThat(stdout)
        .contains("::add-mask::" + password, "::add-mask::" + json.path("database_url").asText());
    assertThat(stderr.lines().filter(l -> l.contains(password) || l.contains(TOKEN)))
        .allMatch(l -> l.startsWith("::add-mask::"));
    Map<String, String> migrated =
        Map.of(
            "jdbc-url", json.path("jdbc_url").asText(),
            "username", json.path("username").asText(),
            "password", password);
    // A harmless statement proving the CLI's credentials reach the branch.
    EmulatorFixture.asBranchUser(migrated, "CREATE TABLE cli_probe (id INT PRIMARY KEY)");

    out.reset();
    code =
        Main.run(
            new String[] {"close-branch", "--database", "shop", "--branch", "cli-build-7"},
            env,
            new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
            new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(code).isZero();
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("BRANCH=cli-build-7\n");
    assertThat(emulator.branches()).isZero();
    assertThat(emulator.passwordUsers()).isZero();
  }

  /** The canaries appear only in add-mask lines and in the secret outputs themselves. */
  private void assertNoSecretLeaks(
      List<RunnerHarness.Step> steps, List<Map<String, String>> openOutputs) {
    List<String> secrets = new ArrayList<>(List.of(TOKEN, GITHUB_TOKEN));
    for (Map<String, String> o : openOutputs) {
      secrets.addAll(Secrets.ofOutputs(o));
    }
    Secrets.assertAbsent(steps, secrets, github.bodiesSent());
  }

  /** The migration a real workflow would run, with the step's output credentials. */
  private static void migrate(Map<String, String> out) throws Exception {
    EmulatorFixture.asBranchUser(out, "ALTER TABLE customers ADD COLUMN email VARCHAR(255) NULL");
  }
}
