package io.github.planetscaleci.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.core.client.ClientSettings;
import io.github.planetscaleci.core.client.CreateDeployRequest;
import io.github.planetscaleci.core.client.Credentials;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
  private static final DatabaseRef DB = new DatabaseRef("acme", "shop");

  private PlanetScaleEmulator emulator;
  private PlanetScaleClient client;
  @TempDir Path dir;

  @BeforeAll
  void start() throws Exception {
    emulator =
        PlanetScaleEmulator.builder()
            .port(0)
            .serviceToken(TOKEN_ID, TOKEN)
            .provisioningDelay(Duration.ZERO)
            .build();
    emulator.start();
    emulator.createDatabase("acme", "shop", "CREATE TABLE t (id INT PRIMARY KEY);");
    client =
        PlanetScaleClient.create(
            ClientSettings.builder(new Credentials.ServiceToken(TOKEN_ID, TOKEN))
                .baseUrl(emulator.url())
                .build());
  }

  @AfterAll
  void stop() throws Exception {
    client.close();
    emulator.close();
  }

  private RunnerHarness sweep(String name) {
    return new RunnerHarness(dir.resolve(name))
        .event("workflow_dispatch", "workflow_dispatch.json")
        .input("command", "sweep")
        .input("organization", "acme")
        .input("database", "shop")
        .input("service-token-id", TOKEN_ID)
        .input("service-token", TOKEN)
        .input("api-url", emulator.url())
        .input("older-than", "1s");
  }

  private String cli(String... args) {
    Map<String, String> env = new HashMap<>();
    env.put("PLANETSCALE_ORG", "acme");
    env.put("PLANETSCALE_SERVICE_TOKEN_ID", TOKEN_ID);
    env.put("PLANETSCALE_SERVICE_TOKEN", TOKEN);
    env.put("PLANETSCALE_API_URL", emulator.url());
    env.put("HOME", dir.resolve("cli-home").toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as(stderr).isZero();
    assertThat(stderr).doesNotContain(TOKEN);
    return out.toString(StandardCharsets.UTF_8);
  }

  private DeployRequest openRequest(String branch, String notes) {
    cli("open-branch", "--database", "shop", "--branch", branch);
    return client.deployRequests().create(DB, new CreateDeployRequest(branch, "main", notes, null));
  }

  private static void assertNoToken(RunnerHarness.Step step) {
    assertThat(step.stdout().lines().filter(l -> l.contains(TOKEN)))
        .allMatch(l -> l.startsWith("::add-mask::"));
    assertThat(step.summary()).doesNotContain(TOKEN);
    assertThat(step.visibleLog()).noneMatch(l -> l.contains(TOKEN));
  }

  @Test
  void aStaleRequestThisToolOpenedIsClosedAndItsBranchDeletedOnlyWithTheOption() throws Exception {
    // A job killed before it closed its preview left this one; a person opened the other.
    DeployRequest ours =
        openRequest("ci-pr-5-r1-a1", "Opened by planetscale-ci for pull request #5 run 1");
    DeployRequest theirs = openRequest("ci-pr-6-r1-a1", "Please review the new index");
    Thread.sleep(1_500); // older than older-than (1s), and unchanged for as long
    assertThat(emulator.stats().of("acme", "shop").branches()).isEqualTo(2);

    RunnerHarness.Step plain = sweep("plain").main();
    assertThat(plain.exitCode()).as(plain.stdout()).isZero();
    assertThat(plain.outputs()).containsEntry("closed-requests", "");
    // Kept entries are escaped text in the summary (ci\-pr\-5...).
    assertThat(plain.summary()).contains("**Kept**", "ci\\-pr\\-5", "ci\\-pr\\-6");
    assertThat(emulator.stats().of("acme", "shop").branches()).isEqualTo(2);
    assertThat(emulator.stats().of("acme", "shop").openDeployRequests()).isEqualTo(2);

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
    assertThat(emulator.stats().of("acme", "shop").openDeployRequests()).isEqualTo(2);

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
    assertThat(emulator.stats().of("acme", "shop").branches()).isZero();
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
