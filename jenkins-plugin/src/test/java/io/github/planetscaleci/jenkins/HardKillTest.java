package io.github.planetscaleci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.EnvVars;
import io.github.planetscaleci.emulator.EmulatorStats.DatabaseStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A build killed right after the API confirmed a resource it made leaves a record on the build, and
 * the safety net (run when the build completes) removes the resource: a branch of a user-given
 * name, a password, a preview deploy request.
 */
class HardKillTest {
  private static final String DB = "hardkill";

  @RegisterExtension
  static final EmulatorBuilds builds =
      new EmulatorBuilds(DB, SharedEmulator.SEED, "team", "killed");

  private static FakeJenkins.FakeRun nextRun() {
    return builds.nextRun();
  }

  private static DatabaseStats stats() {
    return builds.stats();
  }

  /** The build completes after the kill: the RunListener runs on the build as saved. */
  private void safetyNet(FakeJenkins.FakeRun reloaded) throws Exception {
    new SafetyNet().closeLeftovers(reloaded, builds.log().listener).get();
    assertThat(new SafetyNet().closeLeftovers(reloaded, builds.log().listener)).isNull();
  }

  @Test
  void aBranchOfAUserGivenNameCreatedJustBeforeTheKillIsDeleted() throws Exception {
    FakeJenkins.FakeRun run = nextRun();
    HardKill kill = HardKill.at(run, HardKill.branchRecordedAsCreated());
    PlanetScaleBranchStep step = new PlanetScaleBranchStep(DB);
    step.setBranch("killed-after-create");
    FakeStepContext ctx = builds.context(b -> "never runs", run);

    step.start(ctx).start();

    assertThatThrownBy(ctx::result).hasRootCauseInstanceOf(HardKill.class);
    assertThat(stats().branches()).isEqualTo(1);
    assertThat(ctx.bodies).isEmpty();

    safetyNet(kill.reloaded());

    assertThat(stats().branches()).isZero();
    assertThat(stats().passwordUsers()).isZero();
  }

  @Test
  void aPasswordCreatedJustBeforeTheKillIsDeletedAndAReusedBranchIsKept() throws Exception {
    PlanetScaleBranchStep first = new PlanetScaleBranchStep(DB);
    first.setBranch("feature-kept");
    first.setKeepBranch(true);
    FakeStepContext setup = builds.context(b -> null, nextRun());
    first.start(setup).start();
    setup.result();
    assertThat(stats().branches()).isEqualTo(1);
    assertThat(stats().passwordUsers()).isZero();

    FakeJenkins.FakeRun run = nextRun();
    HardKill kill = HardKill.at(run, HardKill.passwordRecorded());
    PlanetScaleBranchStep reuse = new PlanetScaleBranchStep(DB);
    reuse.setBranch("feature-kept");
    FakeStepContext ctx = builds.context(b -> "never runs", run);
    reuse.start(ctx).start();

    assertThatThrownBy(ctx::result).hasRootCauseInstanceOf(HardKill.class);
    assertThat(stats().passwordUsers()).isEqualTo(1);

    safetyNet(kill.reloaded());

    assertThat(stats().passwordUsers()).isZero();
    assertThat(stats().branches()).as("a reused branch is not this build's to delete").isOne();
    SharedEmulator.deleteBranch(DB, "feature-kept");
    assertThat(stats().branches()).isZero();
  }

  @Test
  void aPreviewRequestOpenedJustBeforeTheKillIsClosed() throws Exception {
    FakeJenkins.FakeRun run = nextRun();
    FakeStepContext ctx = builds.context(null, run);
    new PlanetScaleBranchStep(DB).start(ctx).start();
    FakeStepContext body = ctx.awaitBody().bodyContext;
    changeSchema(body, "CREATE TABLE killed_preview (id BIGINT NOT NULL PRIMARY KEY)");
    int open = stats().openDeployRequests();
    HardKill kill = HardKill.at(run, HardKill.previewRecorded());

    assertThatThrownBy(() -> body.runStep(new PlanetScaleDeployRequestStep()))
        .hasRootCauseInstanceOf(HardKill.class);
    assertThat(stats().openDeployRequests()).isEqualTo(open + 1);

    safetyNet(kill.reloaded());

    assertThat(stats().openDeployRequests()).isEqualTo(open);
    assertThat(stats().branches()).isZero();
    assertThat(stats().passwordUsers()).isZero();
  }

  @Test
  void aPreviewKeptOpenOnPurposeIsNotRecordedSoTheSafetyNetLeavesIt() throws Exception {
    FakeJenkins.FakeRun run = nextRun();
    FakeStepContext ctx = builds.context(null, run);
    new PlanetScaleBranchStep(DB).start(ctx).start();
    FakeBodyInvoker invoker = ctx.awaitBody();
    changeSchema(invoker.bodyContext, "CREATE TABLE kept_preview (id BIGINT NOT NULL PRIMARY KEY)");
    int open = stats().openDeployRequests();
    PlanetScaleDeployRequestStep keepOpen = new PlanetScaleDeployRequestStep();
    keepOpen.setKeepOpen(true);

    invoker.bodyContext.runStep(keepOpen);
    assertThat(stats().openDeployRequests()).isEqualTo(open + 1);
    PreviewRequestsAction previews = run.getAction(PreviewRequestsAction.class);
    assertThat(previews == null ? java.util.List.of() : previews.unsettled()).isEmpty();

    // The block ends, then the build completes: the request stays open for review.
    invoker.succeed(null);
    ctx.result();
    assertThat(new SafetyNet().closeLeftovers(run, builds.log().listener)).isNull();
    assertThat(stats().openDeployRequests()).isEqualTo(open + 1);
    assertThat(stats().branches()).isZero();
  }

  private static void changeSchema(FakeStepContext body, String ddl) throws Exception {
    EmulatorBuilds.execute(body.get(EnvVars.class), ddl);
  }
}
