package io.github.planetscaleci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.TaskListener;
import io.github.planetscaleci.emulator.EmulatorStats.DatabaseStats;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** withPlanetScaleBranch end to end against the emulator: environment, masking and cleanup. */
class BranchStepTest {
  private static final String DB = "branchstep";

  @RegisterExtension
  static final EmulatorBuilds builds = new EmulatorBuilds(DB, SharedEmulator.SEED, "team", "app");

  private static FakeJenkins.FakeRun nextRun() {
    return builds.nextRun();
  }

  private static DatabaseStats stats() {
    return builds.stats();
  }

  private static PlanetScaleBranchStep step() {
    return new PlanetScaleBranchStep(DB);
  }

  @Test
  void bodyGetsTheEnvironmentConnectsAndTheBranchIsDeletedAfterSuccess() throws Exception {
    FakeJenkins.FakeRun run = nextRun();
    AtomicReference<EnvVars> seen = new AtomicReference<>();
    FakeStepContext ctx =
        builds.context(
            body -> {
              EnvVars env = body.get(EnvVars.class);
              seen.set(env);
              int rows = EmulatorBuilds.queryInt(env, "SELECT COUNT(*) FROM users");
              body.get(TaskListener.class).getLogger().println("rows=" + rows);
              // A careless build script prints its secrets: the console must mask them.
              body.get(TaskListener.class)
                  .getLogger()
                  .println(
                      "password="
                          + env.get("DATABASE_PASSWORD")
                          + " url="
                          + env.get("DATABASE_URL"));
              assertThat(stats().branches()).isEqualTo(1);
              return "done";
            },
            run);

    step().start(ctx).start();

    assertThat(ctx.result()).isEqualTo("done");
    EnvVars env = seen.get();
    String expectedName =
        io.github.planetscaleci.core.naming.BranchNames.forJenkins("team/app", run.getNumber())
            .name();
    assertThat(expectedName).startsWith("ci-jenkins-team-app-").endsWith("-b" + run.getNumber());
    assertThat(env.get("PLANETSCALE_BRANCH")).isEqualTo(expectedName);
    assertThat(env.get("DATABASE_URL")).startsWith("mysql://").contains(env.get("DATABASE_HOST"));
    assertThat(env.get("DATABASE_JDBC_URL")).doesNotContain(env.get("DATABASE_PASSWORD"));
    assertThat(env.get("DATABASE_NAME")).isNotBlank();
    String text = builds.log().text();
    assertThat(text)
        .contains("Jenkins team/app #" + run.getNumber() + " -> " + expectedName)
        .contains("rows=0") // schema only: seedData is off
        .contains("password=*** url=***")
        .doesNotContain(env.get("DATABASE_PASSWORD"))
        .doesNotContain(env.get("DATABASE_URL"));
    assertThat(stats().branches()).isZero();
    assertThat(stats().passwordUsers()).isZero();
    assertThat(run.getAction(BranchLeasesAction.class).unclosed()).isEmpty();
    assertThat(run.saves.get()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void branchIsDeletedAfterTheBodyFailsAndTheBodysErrorIsKept() throws Exception {
    AbortException testsFailed = new AbortException("tests failed");
    FakeStepContext ctx =
        builds.context(
            body -> {
              throw testsFailed;
            },
            nextRun());

    step().start(ctx).start();

    assertThatThrownBy(ctx::result).isSameAs(testsFailed);
    assertThat(stats().branches()).isZero();
    assertThat(stats().passwordUsers()).isZero();
    assertThat(builds.log().text()).contains("deleted");
  }

  @Test
  void branchIsDeletedWhenTheBuildIsAborted() throws Exception {
    FakeStepContext ctx = builds.context(null, nextRun());
    step().start(ctx).start();
    FakeBodyInvoker body = ctx.awaitBody();
    assertThat(stats().branches()).isEqualTo(1);

    // An abort stops the innermost step: the body fails with the interruption.
    InterruptedException abort = new InterruptedException("aborted by user");
    body.fail(abort);

    assertThatThrownBy(ctx::result).isSameAs(abort);
    assertThat(stats().branches()).isZero();
    assertThat(stats().passwordUsers()).isZero();
  }

  @Test
  void safetyNetDeletesTheBranchAfterAHardKill() throws Exception {
    FakeJenkins.FakeRun run = nextRun();
    FakeStepContext ctx = builds.context(null, run);
    step().start(ctx).start();
    ctx.awaitBody();
    assertThat(stats().branches()).isEqualTo(1);

    // Hard kill: no callback ever runs; the build completes and the RunListener fires.
    new SafetyNet().closeLeftovers(run, builds.log().listener).get();

    assertThat(stats().branches()).isZero();
    assertThat(stats().passwordUsers()).isZero();
    assertThat(run.getAction(BranchLeasesAction.class).unclosed()).isEmpty();
    assertThat(builds.log().text()).contains("left open by this build");
    assertThat(ctx.isReady()).isFalse();
    assertThat(new SafetyNet().closeLeftovers(run, builds.log().listener)).isNull();
  }

  @Test
  void givenNameAndPrefixAreUsedAndKeepBranchKeepsTheBranchButNotThePassword() throws Exception {
    PlanetScaleBranchStep step = step();
    step.setBranch("feature-login");
    step.setEnvPrefix("ORDERS_");
    step.setKeepBranch(true);
    AtomicReference<Map<String, String>> seen = new AtomicReference<>();
    FakeStepContext ctx =
        builds.context(
            body -> {
              seen.set(body.get(EnvVars.class));
              return null;
            },
            nextRun());

    step.start(ctx).start();
    ctx.result();

    assertThat(seen.get())
        .containsEntry("ORDERS_PLANETSCALE_BRANCH", "feature-login")
        .containsKey("ORDERS_DATABASE_URL")
        .doesNotContainKey("DATABASE_URL");
    assertThat(stats().branches()).isEqualTo(1);
    assertThat(stats().passwordUsers()).isZero();
    assertThat(builds.log().text()).contains("branch name given -> feature-login").contains("kept");
    // Clean up for the other tests: a reused branch was not created by the next build, so force.
    PlanetScaleBranchStep again = step();
    again.setBranch("feature-login");
    FakeStepContext ctx2 = builds.context(b -> null, nextRun());
    again.start(ctx2).start();
    ctx2.result();
    assertThat(stats().branches()).isEqualTo(1);
    assertThat(builds.log().text()).contains("reused");
    SharedEmulator.deleteBranch(DB, "feature-login");
    assertThat(stats().branches()).isZero();
  }

  @Test
  void seedDataCopiesTheParentsRows() throws Exception {
    PlanetScaleBranchStep step = step();
    step.setSeedData(true);
    FakeStepContext ctx =
        builds.context(
            body -> EmulatorBuilds.queryInt(body.get(EnvVars.class), "SELECT COUNT(*) FROM users"),
            nextRun());

    step.start(ctx).start();

    assertThat(ctx.result()).isEqualTo(2);
    assertThat(stats().branches()).isZero();
  }

  @Test
  void unknownCredentialsFailClearlyAndNothingIsCreated() throws Exception {
    PlanetScaleBranchStep step = step();
    step.setCredentialsId("missing");
    FakeStepContext ctx = builds.context(b -> null, nextRun());

    step.start(ctx).start();

    assertThatThrownBy(ctx::result)
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("[planetscale-ci configuration]")
        .hasMessageContaining("'missing'");
    assertThat(stats().branches()).isZero();
    assertThat(ctx.bodies).isEmpty();
  }
}
