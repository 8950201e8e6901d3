package io.github.planetscaleci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.planetscaleci.emulator.EmulatorStats.DatabaseStats;
import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An abort while the branch is still provisioning (no body yet, so no tail call): the step fails
 * with the abort's cause at once, and the branch this build created is deleted by the setup thread.
 */
class StopDuringSetupTest {
  private static final String DB = "stopsetup";
  private static PlanetScaleEmulator slow;

  /** A second emulator on the shared MariaDB whose branches take long to become ready. */
  @BeforeAll
  static void slowEmulator() {
    PlanetScaleEmulator shared = SharedEmulator.get();
    slow =
        PlanetScaleEmulator.builder()
            .serviceToken(SharedEmulator.TOKEN_ID, SharedEmulator.TOKEN_SECRET)
            .provisioningDelay(Duration.ofSeconds(30))
            .externalMysql(
                "jdbc:mariadb://" + shared.mysqlHost() + ":" + shared.mysqlPort() + "/",
                shared.adminUser(),
                shared.adminPassword())
            .build()
            .start();
    slow.createDatabase(SharedEmulator.ORG, DB, SharedEmulator.SEED);
  }

  @AfterAll
  static void close() {
    slow.close();
  }

  private static DatabaseStats stats() {
    return slow.stats().of(SharedEmulator.ORG, DB);
  }

  @Test
  void stoppingWhileTheBranchIsOpeningFailsTheStepAndDeletesTheBranch() throws Exception {
    FakeHost host = SharedEmulator.host();
    host.defaults =
        new Host.Defaults(SharedEmulator.ORG, SharedEmulator.CREDENTIALS_ID, slow.url());
    SharedEmulator.Log log = new SharedEmulator.Log();
    FakeJenkins.FakeRun run = FakeJenkins.run("team", "stopped", 1);
    CountDownLatch branchCreated = new CountDownLatch(1);
    run.afterSave =
        r -> {
          BranchLeasesAction a = r.getAction(BranchLeasesAction.class);
          if (a != null && a.unclosed().stream().anyMatch(l -> Boolean.TRUE.equals(l.created))) {
            branchCreated.countDown();
          }
        };
    try (AutoCloseable ignored = Host.override(host)) {
      FakeStepContext ctx = SharedEmulator.context(b -> "never runs", run, log);
      BranchStepExecution execution =
          (BranchStepExecution) new PlanetScaleBranchStep(DB).start(ctx);
      execution.start();
      assertThat(branchCreated.await(60, TimeUnit.SECONDS)).as("the branch was created").isTrue();
      assertThat(stats().branches()).isEqualTo(1);

      InterruptedException abort = new InterruptedException("aborted by user");
      execution.stop(abort);

      assertThatThrownBy(ctx::result).isSameAs(abort);
      awaitSetupThread(execution);
      assertThat(stats().branches()).isZero();
      assertThat(stats().passwordUsers()).isZero();
      assertThat(ctx.bodies).as("no body ever starts").isEmpty();
      assertThat(ctx.completions).as("the step completes once").hasValue(1);
      assertThat(log.text()).contains("deleted branch").doesNotContain(SharedEmulator.TOKEN_SECRET);

      // The build then completes: the safety net finds nothing left to delete.
      java.util.concurrent.Future<?> net = new SafetyNet().closeLeftovers(run, log.listener);
      if (net != null) {
        net.get();
      }
      assertThat(run.getAction(BranchLeasesAction.class).unclosed()).isEmpty();
      assertThat(stats().branches()).isZero();
    }
  }

  /** Waits for the setup thread to finish its cleanup; no timing is asserted. */
  private static void awaitSetupThread(BranchStepExecution execution) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (execution.getStatus().startsWith("running in thread")) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the setup thread did not finish: " + execution.getStatus());
      }
      Thread.sleep(20);
    }
  }
}
