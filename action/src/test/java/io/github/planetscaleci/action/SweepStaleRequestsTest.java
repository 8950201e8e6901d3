package io.github.planetscaleci.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.core.client.ClientSettings;
import io.github.planetscaleci.core.client.CreateDeployRequest;
import io.github.planetscaleci.core.client.Credentials;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.DeployRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code close-stale-requests}: a stale generated branch whose only open deploy request this tool
 * opened (a job killed before it closed its preview) is closed and deleted only with the option; a
 * request a person opened keeps its branch either way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepStaleRequestsTest {
  private static final String TOKEN_ID = "sweep-token-id";
  private static final String TOKEN = "pscale_tkn_CANARYSWEEP0001";
  private static final DatabaseRef DB = EmulatorFixture.DB;

  @RegisterExtension
  static final EmulatorFixture emulator =
      EmulatorFixture.serviceToken(TOKEN_ID, TOKEN)
          .database("CREATE TABLE t (id INT PRIMARY KEY);");

  private PlanetScaleClient client;
  @TempDir Path dir;

  @BeforeAll
  void start() {
    client =
        PlanetScaleClient.create(
            ClientSettings.builder(new Credentials.ServiceToken(TOKEN_ID, TOKEN))
                .baseUrl(emulator.url())
                .build());
  }

  @AfterAll
  void stop() {
    client.close();
  }

  private RunnerHarness sweep(String name) {
    return emulator
        .job(dir.resolve(name))
        .event("workflow_dispatch", "workflow_dispatch.json")
        .input("command", "sweep")
        .input("older-than", "1s");
  }

  /** Runs the CLI, which must succeed without showing the token; returns its stdout. */
  private String cli(String... args) {
    EmulatorFixture.CliRun run = emulator.cli(dir.resolve("cli-home"), args);
    assertThat(run.code()).as(run.stderr()).isZero();
    return run.stdout();
  }

  private DeployRequest openRequest(String branch, String notes) {
    cli("open-branch", "--database", "shop", "--branch", branch);
    return client.deployRequests().create(DB, new CreateDeployRequest(branch, "main", notes, null));
  }

  private static void assertNoToken(RunnerHarness.Step step) {
    Secrets.assertAbsent(List.of(step), List.of(TOKEN));
  }

  @Test
  void aStaleRequestThisToolOpenedIsClosedAndItsBranchDeletedOnlyWithTheOption() throws Exception {
    // A job killed before it closed its preview left this one; a person opened the other.
    DeployRequest ours =
        openRequest("ci-pr-5-r1-a1", "Opened by planetscale-ci for pull request #5 run 1");
    DeployRequest theirs = openRequest("ci-pr-6-r1-a1", "Please review the new index");
    Thread.sleep(1_500); // older than older-than (1s), and unchanged for as long
    assertThat(emulator.branches()).isEqualTo(2);

    RunnerHarness.Step plain = sweep("plain").main();
    assertThat(plain.exitCode()).as(plain.stdout()).isZero();
    assertThat(plain.outputs()).containsEntry("closed-requests", "");
    // Kept entries are escaped text in the summary (ci\-pr\-5...).
    assertThat(plain.summary()).contains("**Kept**", "ci\\-pr\\-5", "ci\\-pr\\-6");
    assertThat(emulator.branches()).isEqualTo(2);
    assertThat(emulator.openDeployRequests()).isEqualTo(2);

    String label = "#" + ours.number() + " (ci-pr-5-r1-a1 -> main)";
    String dry =
        cli(
            "sweep",
            "--database",
            "shop",
            "--older-than",
            "1s",
            "--dry-run",
            "--close-stale-requests");
    assertThat(dry).isEqualTo("CLOSED_REQUESTS='" + label + "'\n");
    assertThat(emulator.openDeployRequests()).isEqualTo(2);

    RunnerHarness.Step closing = sweep("closing").input("close-stale-requests", "true").main();
    assertThat(closing.exitCode()).as(closing.stdout()).isZero();
    assertThat(closing.outputs()).containsEntry("closed-requests", label);
    assertThat(closing.summary())
        .contains("**Closed (stale deploy requests)**", "**Deleted**", "`ci-pr-5-r1-a1`");
    assertThat(client.deployRequests().get(DB, ours.number()).isOpen()).isFalse();
    assertThat(client.deployRequests().get(DB, theirs.number()).isOpen()).isTrue();
    assertThat(client.branches().find(DB, "ci-pr-5-r1-a1")).isEmpty();
    assertThat(client.branches().find(DB, "ci-pr-6-r1-a1")).isPresent();
    assertNoToken(plain);
    assertNoToken(closing);

    // Clean up the person's request and branch.
    client.deployRequests().close(DB, theirs.number());
    cli("close-branch", "--database", "shop", "--branch", "ci-pr-6-r1-a1");
    assertThat(emulator.branches()).isZero();
  }

  @Test
  void closeStaleRequestsIsABooleanSweepInput() {
    RunnerHarness.Step bad = sweep("bad").input("close-stale-requests", "maybe").main();
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.annotations())
        .singleElement()
        .asString()
        .contains("input `close-stale-requests` must be true or false, got 'maybe'");
  }
}
