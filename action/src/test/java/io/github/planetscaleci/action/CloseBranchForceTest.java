package io.github.planetscaleci.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.action.EmulatorFixture.CliRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * close-branch deletes only what this tool created (a lease says so, or a generated name) unless
 * forced; production and default branches never, forced or not. Through the CLI and the action.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloseBranchForceTest {
  private static final String TOKEN_ID = "force-token-id";
  private static final String TOKEN = "pscale_tkn_CANARYFORCE0001";

  @RegisterExtension
  static final EmulatorFixture emulator =
      EmulatorFixture.serviceToken(TOKEN_ID, TOKEN).database(null);

  @TempDir Path dir;

  /** A CLI run with HOME {@code home}; neither stream shows the token (the fixture checks). */
  private CliRun cli(String home, String... args) {
    return emulator.cli(dir.resolve(home), args);
  }

  private RunnerHarness job(String name) {
    return emulator
        .job(dir.resolve(name))
        .event("pull_request", "pull_request_opened.json")
        .run("800", "1")
        .input("wait-timeout", "2m");
  }

  private static void assertNoToken(RunnerHarness.Step step) {
    Secrets.assertAbsent(List.of(step), List.of(TOKEN));
  }

  @Test
  void theCliRefusesABranchItDidNotCreateUntilForced() {
    CliRun open = cli("someone", "open-branch", "--database", "shop", "--branch", "team-db");
    assertThat(open.code()).as(open.stderr()).isZero();
    assertThat(emulator.branches()).isEqualTo(1);

    // Another machine: no lease records creating team-db, and its name is not a generated one.
    CliRun refused = cli("ci", "close-branch", "--database", "shop", "--branch", "team-db");
    assertThat(refused.code()).isEqualTo(24);
    assertThat(refused.stderr())
        .contains("error [protected_branch]: refusing to delete branch team-db of acme/shop")
        .contains("this tool did not create it", "--force", "Nothing was deleted");
    assertThat(refused.stdout()).isEmpty();
    assertThat(emulator.branches()).isEqualTo(1);

    CliRun forced =
        cli("ci", "close-branch", "--database", "shop", "--branch", "team-db", "--force");
    assertThat(forced.code()).as(forced.stderr()).isZero();
    assertThat(forced.stdout()).isEqualTo("BRANCH=team-db\n");
    assertThat(emulator.branches()).isZero();
    assertThat(emulator.passwordUsers()).isZero();
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
    assertThat(emulator.branches()).isZero();
  }

  @Test
  void anOldLeaseDoesNotDeleteABranchRecreatedUnderItsName() {
    // A build agent's home keeps the lease of a build that never closed its branch.
    assertThat(cli("agent", "open-branch", "--database", "shop", "--branch", "nightly").code())
        .isZero();
    // Meanwhile someone else deletes that branch and makes their own under the same name.
    assertThat(
            cli("dev", "close-branch", "--database", "shop", "--branch", "nightly", "--force")
                .code())
        .isZero();
    assertThat(cli("dev", "open-branch", "--database", "shop", "--branch", "nightly").code())
        .isZero();

    CliRun stale = cli("agent", "close-branch", "--database", "shop", "--branch", "nightly");
    assertThat(stale.code()).as(stale.stderr()).isZero();
    assertThat(stale.stderr())
        .contains("kept branch nightly: a branch of this name was created again since this tool");
    assertThat(emulator.branches()).isEqualTo(1);

    // Its owner's own lease (same id) still deletes it.
    assertThat(cli("dev", "close-branch", "--database", "shop", "--branch", "nightly").code())
        .isZero();
    assertThat(emulator.branches()).isZero();
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
  void theActionKeepsAReusedBranchAndDeletesItOnlyWhenForced() {
    // The branch exists before the job: open-branch reuses it, so its lease says "not created".
    assertThat(cli("owner", "open-branch", "--database", "shop", "--branch", "shared-qa").code())
        .isZero();
    RunnerHarness job = job("reuse").input("branch", "shared-qa");
    RunnerHarness.Step open = job.main();
    assertThat(open.exitCode()).as(open.stdout()).isZero();
    assertThat(open.outputs()).containsEntry("created", "false");
    assertThat(emulator.passwordUsers()).isEqualTo(2);

    // Like the post step: the job's password goes, the branch (not this tool's) stays.
    RunnerHarness.Step kept =
        job("reuse").input("command", "close-branch").input("branch", "shared-qa").main();
    assertThat(kept.exitCode()).as(kept.stdout()).isZero();
    assertThat(kept.visibleLog())
        .anyMatch(l -> l.contains("kept branch shared-qa: this tool did not create it"));
    assertThat(kept.summary()).contains("shared-qa");
    assertThat(emulator.branches()).isEqualTo(1);
    assertThat(emulator.passwordUsers()).isEqualTo(1); // the owner's CLI password remains
    assertNoToken(kept);

    // Another job of the same workflow, whose HOME holds no lease: refused, nothing deleted.
    RunnerHarness.Step refused =
        job("other").input("command", "close-branch").input("branch", "shared-qa").main();
    assertThat(refused.exitCode()).as(refused.stdout()).isEqualTo(24);
    assertThat(refused.annotations())
        .singleElement()
        .asString()
        .startsWith("error|PlanetScale protected branch|refusing to delete branch shared-qa")
        .contains("`force: true`", "Nothing was deleted");
    assertThat(refused.outputs()).isEmpty();
    assertThat(emulator.branches()).isEqualTo(1);
    assertThat(emulator.passwordUsers()).isEqualTo(1);
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
    assertThat(emulator.branches()).isZero();
    assertThat(emulator.passwordUsers()).isZero(); // deleting the branch drops its users too
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
