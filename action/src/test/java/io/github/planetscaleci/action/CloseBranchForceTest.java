package io.github.planetscaleci.action;

import static org.assertj.core.api.Assertions.assertThat;

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
 * close-branch deletes only what this tool created (a lease says so, or a generated name) unless
 * forced; production and default branches never, forced or not. Through the CLI and the action.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloseBranchForceTest {
  private static final String TOKEN_ID = "force-token-id";
  private static final String TOKEN = "pscale_tkn_CANARYFORCE0001";

  private PlanetScaleEmulator emulator;
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
    emulator.createDatabase("acme", "shop", null);
  }

  @AfterAll
  void stop() throws Exception {
    emulator.close();
  }

  private int branches() {
    return emulator.stats().of("acme", "shop").branches();
  }

  /** A CLI run: exit code, stdout, stderr. */
  private record CliRun(int code, String stdout, String stderr) {}

  private CliRun cli(String home, String... args) {
    Map<String, String> env = new HashMap<>();
    env.put("PLANETSCALE_ORG", "acme");
    env.put("PLANETSCALE_SERVICE_TOKEN_ID", TOKEN_ID);
    env.put("PLANETSCALE_SERVICE_TOKEN", TOKEN);
    env.put("PLANETSCALE_API_URL", emulator.url());
    env.put("HOME", dir.resolve(home).toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    CliRun run =
        new CliRun(
            code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    assertThat(run.stdout() + run.stderr()).doesNotContain(TOKEN);
    return run;
  }

  private RunnerHarness job(String name) {
    return new RunnerHarness(dir.resolve(name))
        .event("pull_request", "pull_request_opened.json")
        .run("800", "1")
        .input("organization", "acme")
        .input("database", "shop")
        .input("service-token-id", TOKEN_ID)
        .input("service-token", TOKEN)
        .input("api-url", emulator.url())
        .input("wait-timeout", "2m");
  }

  private static void assertNoToken(RunnerHarness.Step step) {
    assertThat(step.stdout().lines().filter(l -> l.contains(TOKEN)))
        .allMatch(l -> l.startsWith("::add-mask::"));
    assertThat(step.stderr()).doesNotContain(TOKEN);
    assertThat(step.summary()).doesNotContain(TOKEN);
    assertThat(step.visibleLog()).noneMatch(l -> l.contains(TOKEN));
  }

  @Test
  void theCliRefusesABranchItDidNotCreateUntilForced() {
    CliRun open = cli("someone", "open-branch", "--database", "shop", "--branch", "team-db");
    assertThat(open.code()).as(open.stderr()).isZero();
    assertThat(branches()).isEqualTo(1);

    // Another machine: no lease records creating team-db, and its name is not a generated one.
    CliRun refused = cli("ci", "close-branch", "--database", "shop", "--branch", "team-db");
    assertThat(refused.code()).isEqualTo(24);
    assertThat(refused.stderr())
        .contains("error [protected_branch]: refusing to delete branch team-db of acme/shop")
        .contains("this tool did not create it", "--force", "Nothing was deleted");
    assertThat(refused.stdout()).isEmpty();
    assertThat(branches()).isEqualTo(1);

    CliRun forced =
        cli("ci", "close-branch", "--database", "shop", "--branch", "team-db", "--force");
    assertThat(forced.code()).as(forced.stderr()).isZero();
    assertThat(forced.stdout()).isEqualTo("BRANCH=team-db\n");
    assertThat(branches()).isZero();
    assertThat(emulator.stats().of("acme", "shop").passwordUsers()).isZero();
  }

  @Test
  void theCliDeletesWithoutForceWhatItsLeaseSaysItCreatedOrAGeneratedName() {
    assertThat(cli("mine", "open-branch", "--database", "shop", "--branch", "my-build").code())
        .isZero();
    assertThat(cli("mine", "close-branch", "--database", "shop", "--branch", "my-build").code())
        .isZero();
    assertThat(cli("x", "open-branch", "--database", "shop", "--branch", "ci-pr-3-r9-a1").code())
        .isZero();
    assertThat(cli("y", "close-branch", "--database", "shop", "--branch", "ci-pr-3-r9-a1").code())
        .isZero();
    assertThat(branches()).isZero();
  }

  @Test
  void forceNeverDeletesAProductionBranch() {
    CliRun cliRun = cli("ci", "close-branch", "--database", "shop", "--branch", "main", "--force");
    assertThat(cliRun.code()).isEqualTo(24);
    assertThat(cliRun.stderr())
        .contains("refusing to delete branch main", "it is a production branch");

    RunnerHarness.Step step =
        job("action-main")
            .input("command", "close-branch")
            .input("branch", "main")
            .input("force", "true")
            .main();
    assertThat(step.exitCode()).as(step.stdout()).isEqualTo(24);
    assertThat(step.annotations())
        .singleElement()
        .asString()
        .startsWith("error|PlanetScale protected branch|refusing to delete branch main")
        .contains("never deletes such a branch");
    assertNoToken(step);
    // main still answers: a branch can be opened from it.
    CliRun open = cli("after", "open-branch", "--database", "shop", "--branch", "ci-pr-4-r1-a1");
    assertThat(open.code()).as(open.stderr()).isZero();
    assertThat(
            cli("after", "close-branch", "--database", "shop", "--branch", "ci-pr-4-r1-a1").code())
        .isZero();
  }

  @Test
  void theActionRefusesAReusedBranchUntilForced() {
    // The branch exists before the job: open-branch reuses it, so its lease says "not created".
    assertThat(cli("owner", "open-branch", "--database", "shop", "--branch", "shared-qa").code())
        .isZero();
    RunnerHarness job = job("reuse").input("branch", "shared-qa");
    RunnerHarness.Step open = job.main();
    assertThat(open.exitCode()).as(open.stdout()).isZero();
    assertThat(open.outputs()).containsEntry("created", "false");

    RunnerHarness.Step refused =
        job("reuse").input("command", "close-branch").input("branch", "shared-qa").main();
    assertThat(refused.exitCode()).as(refused.stdout()).isEqualTo(24);
    assertThat(refused.annotations())
        .singleElement()
        .asString()
        .startsWith("error|PlanetScale protected branch|refusing to delete branch shared-qa")
        .contains("`force: true`", "Nothing was deleted");
    assertThat(refused.outputs()).isEmpty();
    assertThat(branches()).isEqualTo(1);
    // Nothing was deleted: the job's password still works as far as the API knows.
    assertThat(emulator.stats().of("acme", "shop").passwordUsers()).isEqualTo(2);
    assertNoToken(refused);

    RunnerHarness.Step forced =
        job("reuse")
            .input("command", "close-branch")
            .input("branch", "shared-qa")
            .input("force", "true")
            .main();
    assertThat(forced.exitCode()).as(forced.stdout()).isZero();
    assertThat(forced.outputs()).containsEntry("branch", "shared-qa");
    assertThat(forced.summary()).contains("shared-qa");
    assertNoToken(forced);
    assertThat(branches()).isZero();
    assertThat(emulator.stats().of("acme", "shop").passwordUsers()).isZero();
    // The post step finds the branch gone, which is fine.
    assertThat(job.post().exitCode()).isZero();
  }

  @Test
  void forceIsABooleanInputAndACloseBranchOnlyFlag() {
    RunnerHarness.Step bad =
        job("bad-force")
            .input("command", "close-branch")
            .input("branch", "x-y")
            .input("force", "yes")
            .main();
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.annotations())
        .singleElement()
        .asString()
        .contains("input `force` must be true or false, got 'yes'");
    CliRun misplaced = cli("ci", "open-branch", "--database", "shop", "--branch", "a", "--force");
    assertThat(misplaced.code()).isEqualTo(2);
    assertThat(misplaced.stderr()).contains("option --force does not apply to open-branch");
  }
}
