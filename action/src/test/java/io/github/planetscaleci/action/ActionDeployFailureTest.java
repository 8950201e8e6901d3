package io.github.planetscaleci.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.core.report.CommentMarker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deploy-request step that fails (here: the data-loss gate refuses to drop a column) still writes
 * the job summary and the sticky PR comment, then fails with the gate's annotation and exit code;
 * no canary secret reaches any of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionDeployFailureTest {
  private static final String TOKEN_ID = "failure-token-id";
  private static final String TOKEN = "pscale_tkn_CANARYDEPLOYFAIL0001";
  private static final String GITHUB_TOKEN = "ghs_CANARYGITHUBDEPLOYFAIL0001";
  private static final String MERGE_SHA = "9f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c";

  /** The error code and exit code as the Markdown report renders them (escaped). */
  private static final String BLOCKED = "**data\\_loss\\_blocked** (exit code 21)";

  private static final String MARKER_MAIN = new CommentMarker(EmulatorFixture.DB, "main").line();

  @RegisterExtension
  static final EmulatorFixture emulator =
      EmulatorFixture.serviceToken(TOKEN_ID, TOKEN)
          .deployStepDelay(Duration.ofMillis(20))
          .database(
              "CREATE TABLE customers (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT"
                  + " NULL, legacy_code VARCHAR(20) NULL);"
                  + "INSERT INTO customers VALUES (1, 'Ada', 'A1'), (2, 'Grace', 'G2');");

  @TempDir Path dir;

  private RunnerHarness step(Path job, FakeGitHub gh, String event, String payload, String run) {
    return step(job, gh.url(), event, payload, run);
  }

  private RunnerHarness step(
      Path job, String githubApiUrl, String event, String payload, String run) {
    return emulator
        .job(job)
        .event(event, payload)
        .run(run, "1")
        .input("github-token", GITHUB_TOKEN)
        .input("wait-timeout", "2m")
        .env("GITHUB_API_URL", githubApiUrl);
  }

  @Test
  void aDataLossRefusalOnMergeIsSummarisedAndUpdatesTheStickyCommentThenFailsTheStep()
      throws Exception {
    List<RunnerHarness.Step> steps = new ArrayList<>();
    List<String> secrets = new ArrayList<>(List.of(TOKEN, GITHUB_TOKEN));
    try (FakeGitHub gh = new FakeGitHub("acme/shop", 12, MERGE_SHA)) {
      // The pull request's preview posts the comment for `main` (no `into`: the branch's parent).
      Path prJob = dir.resolve("pr");
      RunnerHarness prOpen = step(prJob, gh, "pull_request", "pull_request_opened.json", "700");
      RunnerHarness.Step open = prOpen.main();
      steps.add(open);
      assertThat(open.exitCode()).as(open.stdout()).isZero();
      secrets.addAll(Secrets.ofOutputs(open.outputs()));
      dropLegacyColumn(open.outputs());
      RunnerHarness.Step preview =
          step(prJob, gh, "pull_request", "pull_request_opened.json", "700")
              .input("command", "deploy-request")
              .main();
      steps.add(preview);
      assertThat(preview.exitCode()).as(preview.stdout()).isZero();
      assertThat(gh.writes()).hasSize(1).first().asString().startsWith("POST ");
      long commentId = Long.parseLong(gh.writes().get(0).substring(5));
      steps.add(prOpen.post());

      // The merge: the same migration, a deploy the data-loss gate refuses.
      Path mergeJob = dir.resolve("merge");
      RunnerHarness mergeOpen = step(mergeJob, gh, "push", "push_main.json", "701");
      RunnerHarness.Step open2 = mergeOpen.main();
      steps.add(open2);
      assertThat(open2.exitCode()).as(open2.stdout()).isZero();
      secrets.addAll(Secrets.ofOutputs(open2.outputs()));
      dropLegacyColumn(open2.outputs());
      RunnerHarness.Step deploy =
          step(mergeJob, gh, "push", "push_main.json", "701")
              .input("command", "deploy-request")
              .main();
      steps.add(deploy);

      assertThat(deploy.exitCode()).as(deploy.stdout()).isEqualTo(21);
      assertThat(deploy.annotations())
          .filteredOn(a -> a.startsWith("error|"))
          .singleElement()
          .asString()
          .startsWith("error|PlanetScale data loss blocked|")
          .contains("allow-data-loss");
      assertThat(deploy.outputs()).isEmpty();
      assertThat(deploy.summary())
          .contains(":x: Schema deploy of `ci-gh-main-r701-a1` into `main`")
          .contains("failed", BLOCKED, "can drop data, so it was not deployed")
          .contains("allow\\-data\\-loss", "DROP COLUMN \\`legacy\\_code\\`");
      // The sticky comment of the merged pull request (found from the pushed commit) now says so:
      // the failure resolves the target as the success did, so it replaces that comment.
      assertThat(gh.writes()).hasSize(2);
      assertThat(gh.writes().get(1)).isEqualTo("PATCH " + commentId);
      assertThat(gh.comments())
          .singleElement()
          .extracting(FakeGitHub.Comment::body)
          .asString()
          .startsWith(MARKER_MAIN + "\n")
          .contains(":x: Schema deploy", BLOCKED);
      assertThat(deploy.visibleLog()).anyMatch(l -> l.contains("pull request #12 comment updated"));

      steps.add(mergeOpen.post());
      // The gate refused before any change: main keeps the column, nothing is left open.
      assertThat(emulator.mainColumns("customers")).contains("legacy_code");
      assertThat(emulator.branches()).isZero();
      assertThat(emulator.openDeployRequests()).isZero();
      Secrets.assertAbsent(steps, secrets, gh.bodiesSent());
    }
  }

  @Test
  void aFailedCommentIsAWarningAndTheOriginalFailureStillFailsTheStep() throws Exception {
    List<String> secrets = new ArrayList<>(List.of(TOKEN, GITHUB_TOKEN));
    FakeGitHub gh = new FakeGitHub("acme/shop", 12, MERGE_SHA);
    String deadGitHub = gh.url();
    gh.close(); // nothing answers there any more
    Path job = dir.resolve("no-github");
    RunnerHarness open = step(job, deadGitHub, "push", "push_main.json", "702");
    RunnerHarness.Step opened = open.main();
    assertThat(opened.exitCode()).as(opened.stdout()).isZero();
    secrets.addAll(Secrets.ofOutputs(opened.outputs()));
    dropLegacyColumn(opened.outputs());
    RunnerHarness.Step deploy =
        step(job, deadGitHub, "push", "push_main.json", "702")
            .input("command", "deploy-request")
            .main();

    assertThat(deploy.exitCode()).as(deploy.stdout()).isEqualTo(21);
    assertThat(deploy.annotations())
        .anyMatch(a -> a.startsWith("warning||Could not comment on the pull request"))
        .filteredOn(a -> a.startsWith("error|"))
        .singleElement()
        .asString()
        .startsWith("error|PlanetScale data loss blocked|");
    // Without `into` the report names the target core resolved (the branch's parent).
    assertThat(deploy.summary())
        .contains(":x: Schema deploy of `ci-gh-main-r702-a1` into `main`")
        .contains(BLOCKED);
    RunnerHarness.Step post = open.post();
    assertThat(post.exitCode()).isZero();
    assertThat(emulator.branches()).isZero();
    Secrets.assertAbsent(List.of(opened, deploy, post), secrets);
  }

  @Test
  void withCommentsOffAFailureIsOnlySummarised() throws Exception {
    try (FakeGitHub gh = new FakeGitHub("acme/shop", 12, MERGE_SHA)) {
      Path job = dir.resolve("no-comment");
      RunnerHarness open = step(job, gh, "push", "push_main.json", "703");
      RunnerHarness.Step opened = open.main();
      assertThat(opened.exitCode()).as(opened.stdout()).isZero();
      dropLegacyColumn(opened.outputs());
      RunnerHarness.Step deploy =
          step(job, gh, "push", "push_main.json", "703")
              .input("command", "deploy-request")
              .input("comment", "false")
              .main();
      assertThat(deploy.exitCode()).as(deploy.stdout()).isEqualTo(21);
      assertThat(deploy.summary()).contains(":x: Schema deploy", BLOCKED);
      assertThat(gh.requestCount()).isZero();
      assertThat(open.post().exitCode()).isZero();
    }
  }

  /** The migration under test: drops a column that holds data. */
  private static void dropLegacyColumn(Map<String, String> out) throws Exception {
    EmulatorFixture.asBranchUser(out, "ALTER TABLE customers DROP COLUMN legacy_code");
  }
}
