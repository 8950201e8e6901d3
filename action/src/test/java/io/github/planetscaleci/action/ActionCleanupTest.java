package io.github.planetscaleci.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.action.command.Leases;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.workflow.BranchLease;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cleanup when the main step did not get to finish (a cancel mid-open leaves only the provisional
 * lease) and close-branch in a job that holds no lease file, on the emulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionCleanupTest {
  private static final String TOKEN_ID = "cleanup-token-id";
  private static final String TOKEN = "pscale_tkn_CANARYCLEANUP0001";
  private static final DatabaseRef DB = EmulatorFixture.DB;

  @RegisterExtension
  static final EmulatorFixture emulator =
      EmulatorFixture.serviceToken(TOKEN_ID, TOKEN).database(null);

  @TempDir Path dir;

  private RunnerHarness job(String name, String runId) {
    return emulator
        .job(dir.resolve(name))
        .event("pull_request", "pull_request_opened.json")
        .run(runId, "1")
        .input("wait-timeout", "2m");
  }

  /** Every value the step wrote for key {@code lease}, in order (heredoc form, one-line JSON). */
  private static List<BranchLease> leasesWritten(RunnerHarness.Step step) {
    List<String> lines = step.rawFiles().lines().toList();
    List<BranchLease> leases = new ArrayList<>();
    for (int i = 0; i < lines.size() - 1; i++) {
      if (lines.get(i).startsWith("lease<<")) {
        leases.add(Leases.fromJson(lines.get(i + 1)));
      }
    }
    return leases;
  }

  @Test
  void openBranchSavesAProvisionalLeaseBeforeTheFinalOne() {
    RunnerHarness main = job("provisional", "300");
    RunnerHarness.Step open = main.main();
    assertThat(open.exitCode()).as(open.stdout()).isZero();
    List<BranchLease> leases = leasesWritten(open);
    // provisional; the password's id the moment it was created; the final one, with the branch id
    assertThat(leases).hasSize(3);
    BranchLease provisional = leases.get(0);
    BranchLease last = leases.get(2);
    assertThat(provisional).isEqualTo(new BranchLease(DB, "ci-pr-12-r300-a1", true, List.of()));
    assertThat(leases.get(1).passwordIds()).isEqualTo(last.passwordIds());
    assertThat(last.branch()).isEqualTo("ci-pr-12-r300-a1");
    assertThat(last.passwordIds()).hasSize(1);
    assertThat(last.branchId()).isNotBlank();
    // The runner keeps the last value of a key, so post sees the final lease.
    assertThat(Leases.fromJson(open.state().get("lease"))).isEqualTo(last);
    assertThat(open.state().toString()).doesNotContain(open.outputs().get("password"));
    assertThat(main.post().exitCode()).isZero();
    assertThat(emulator.branches()).isZero();
  }

  @Test
  void aUserNamedBranchIsProvisionallyNotOurs() {
    RunnerHarness main = job("named", "301").input("branch", "feature-x");
    RunnerHarness.Step open = main.main();
    assertThat(open.exitCode()).as(open.stdout()).isZero();
    assertThat(leasesWritten(open).get(0))
        .isEqualTo(new BranchLease(DB, "feature-x", false, List.of()));
    assertThat(main.post().exitCode()).isZero();
    assertThat(emulator.branches()).isZero();
  }

  @Test
  void aPostStepWithOnlyTheProvisionalLeaseDeletesTheBranchAndItsPasswords() {
    // Stand in for the cancelled step: the branch and a password exist, state has no password id.
    RunnerHarness.Step opened = job("cancelled-setup", "302").main();
    assertThat(opened.exitCode()).as(opened.stdout()).isZero();
    assertThat(emulator.branches()).isEqualTo(1);
    assertThat(emulator.passwordUsers()).isEqualTo(1);

    String provisional = Leases.toJson(new BranchLease(DB, "ci-pr-12-r302-a1", true, List.of()));
    RunnerHarness.Step post = job("cancelled", "302").state("lease", provisional).post();
    assertThat(post.exitCode()).as(post.stdout()).isZero();
    assertThat(emulator.branches()).isZero();
    assertThat(emulator.passwordUsers()).isZero();
  }

  @Test
  void aPostStepWithAProvisionalLeaseForABranchNeverCreatedSucceeds() {
    String provisional = Leases.toJson(new BranchLease(DB, "ci-pr-12-r303-a1", true, List.of()));
    RunnerHarness.Step post = job("never-created", "303").state("lease", provisional).post();
    assertThat(post.exitCode()).as(post.stdout()).isZero();
    assertThat(post.visibleLog()).anyMatch(l -> l.contains("already deleted"));
    assertThat(post.annotations()).isEmpty();
  }

  @Test
  void aMainStepKilledAfterCreatingAUserNamedBranchLeavesTheBranchAndPasswordToThePostStep() {
    RunnerHarness job = job("killed", "307").input("branch", "killed-x");
    // Killed after the branch and its password exist, before open-branch could return.
    RunnerHarness.Step killed = job.mainKilledAt("verified for branch killed-x");
    assertThat(killed.exitCode()).isEqualTo(137);
    assertThat(killed.outputs()).isEmpty();
    assertThat(emulator.branches()).isEqualTo(1);
    assertThat(emulator.passwordUsers()).isEqualTo(1);
    // The provisional lease (a user's name: not ours), then each creation as core reported it.
    List<BranchLease> leases = leasesWritten(killed);
    assertThat(leases.get(0)).isEqualTo(new BranchLease(DB, "killed-x", false, List.of()));
    BranchLease last = leases.get(leases.size() - 1);
    assertThat(last.created()).isTrue();
    assertThat(last.passwordIds()).hasSize(1);
    assertThat(Leases.fromJson(killed.state().get("lease"))).isEqualTo(last);
    assertThat(Leases.load(job.home(), DB, "killed-x")).isEqualTo(last);
    assertThat(killed.rawFiles()).doesNotContain(TOKEN);

    RunnerHarness.Step post = job.post();
    assertThat(post.exitCode()).as(post.stdout()).isZero();
    assertThat(post.visibleLog()).anyMatch(l -> l.contains("deleted branch killed-x"));
    assertThat(emulator.branches()).isZero();
    assertThat(emulator.passwordUsers()).isZero();
  }

  @Test
  void aKilledMainStepWithKeepBranchStillHasItsPasswordDeletedByTheRecordedId() {
    RunnerHarness job =
        job("killed-keep", "308").input("branch", "killed-keep").input("keep-branch", "true");
    RunnerHarness.Step killed = job.mainKilledAt("verified for branch killed-keep");
    assertThat(killed.exitCode()).isEqualTo(137);
    assertThat(emulator.passwordUsers()).isEqualTo(1);

    // keep-branch: the post step deletes only the passwords, which it knows only by their ids.
    RunnerHarness.Step post = job.post();
    assertThat(post.exitCode()).as(post.stdout()).isZero();
    assertThat(emulator.passwordUsers()).isZero();
    assertThat(emulator.branches()).isEqualTo(1);

    // The post step dropped the lease file with the passwords; the kept branch is now a branch
    // like any other, so only a forced close-branch deletes it.
    RunnerHarness.Step refused =
        job("killed-keep-close", "309")
            .input("branch", "killed-keep")
            .input("command", "close-branch")
            .main();
    assertThat(refused.exitCode()).as(refused.stdout()).isEqualTo(24);
    assertThat(emulator.branches()).isEqualTo(1);
    RunnerHarness.Step forced =
        job("killed-keep-close", "309")
            .input("branch", "killed-keep")
            .input("command", "close-branch")
            .input("force", "true")
            .main();
    assertThat(forced.exitCode()).as(forced.stdout()).isZero();
    assertThat(emulator.branches()).isZero();
  }

  @Test
  void closeBranchInAnotherJobDeletesTheBranchThisRunDerived() {
    RunnerHarness.Step open = job("open-job", "304").main();
    assertThat(open.exitCode()).as(open.stdout()).isZero();
    assertThat(emulator.branches()).isEqualTo(1);
    // Another job of the same run: a fresh HOME, so no lease file; the name is derived again.
    RunnerHarness.Step close = job("close-job", "304").input("command", "close-branch").main();
    assertThat(close.exitCode()).as(close.stdout()).isZero();
    assertThat(close.outputs()).containsEntry("branch", "ci-pr-12-r304-a1");
    assertThat(emulator.branches()).isZero();
    assertThat(emulator.passwordUsers()).isZero();
  }

  @Test
  void closeBranchWithoutLeaseDeletesANamedBranchOfAGeneratedShape() {
    // A different run derives a different name; its close-branch does not touch this branch.
    RunnerHarness.Step open = job("other-open", "305").main();
    assertThat(open.exitCode()).as(open.stdout()).isZero();
    RunnerHarness.Step close = job("other-close", "306").input("command", "close-branch").main();
    assertThat(close.exitCode()).as(close.stdout()).isZero();
    assertThat(emulator.branches()).isEqualTo(1);
    RunnerHarness.Step named =
        job("other-close-named", "306")
            .input("command", "close-branch")
            .input("branch", "ci-pr-12-r305-a1")
            .main();
    assertThat(named.exitCode()).as(named.stdout()).isZero();
    assertThat(emulator.branches()).isZero();
  }
}
