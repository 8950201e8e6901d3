package io.github.planetscaleci.core.e2e;

import static io.github.planetscaleci.core.e2e.EmulatorHarness.FAST;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.workflow.CloseOptions;
import io.github.planetscaleci.core.workflow.DeployMode;
import io.github.planetscaleci.core.workflow.DeployRequestOptions;
import io.github.planetscaleci.core.workflow.DeployRequestOutcome;
import io.github.planetscaleci.core.workflow.OpenBranchRequest;
import io.github.planetscaleci.core.workflow.OpenedBranch;
import io.github.planetscaleci.emulator.faults.FaultAction;
import io.github.planetscaleci.emulator.faults.FaultRule;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 50 complete lifecycles (open, migrate over MySQL, deploy, close) while 20% of API requests fail
 * with 429, 503 or a dropped connection (before or after the server acted); nothing may be left.
 */
class FaultSoakE2ETest {
  static final int LIFECYCLES = 50;
  static EmulatorHarness h;

  @BeforeAll
  static void start() {
    h = new EmulatorHarness(EmulatorHarness.fastRetries(), true);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void fiftyLifecyclesSurviveTwentyPercentFailures() throws Exception {
    DatabaseRef db =
        h.database(
            "soak",
            "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50));"
                + "INSERT INTO users VALUES (1, 'ada');");
    // Four rules tried in turn, each firing with p = 5.43%: 1 - (1 - p)^4 = 20% of requests fail.
    double p = 1 - Math.pow(0.8, 0.25);
    for (FaultAction a :
        new FaultAction[] {
          FaultAction.TOO_MANY_REQUESTS,
          FaultAction.SERVICE_UNAVAILABLE,
          FaultAction.DROP_BEFORE,
          FaultAction.DROP_AFTER
        }) {
      h.emulator.faults().add(FaultRule.of(a).probability(p).build());
    }
    h.emulator.faults().seed(2026);
    long start = System.nanoTime();
    int deployed = 0;
    for (int i = 0; i < LIFECYCLES; i++) {
      String branch = "ci-soak-" + i;
      OpenedBranch opened =
          h.workflows.openBranch(
              new OpenBranchRequest(
                  db, branch, null, false, null, null, FAST, "soak lifecycle " + i));
      EmulatorHarness.exec(opened.connection(), "CREATE TABLE soak_" + i + " (id INT PRIMARY KEY)");
      DeployRequestOutcome out =
          h.workflows.deployRequest(
              new DeployRequestOptions(
                  db,
                  branch,
                  null,
                  DeployMode.DEPLOY,
                  false,
                  false,
                  true,
                  true,
                  false,
                  null,
                  FAST,
                  FAST));
      deployed += out.deployed() ? 1 : 0;
      h.workflows.closeBranch(opened.lease(), CloseOptions.defaults());
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    h.emulator.faults().clear();
    CountingProxy c = h.proxy;

    assertThat(deployed).isEqualTo(LIFECYCLES);
    h.assertNothingLeft(db);
    try (Connection main = h.admin(db, "main");
        ResultSet rs =
            main.createStatement()
                .executeQuery(
                    "SELECT COUNT(*) FROM information_schema.tables"
                        + " WHERE table_schema = DATABASE() AND table_name LIKE 'soak\\_%'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(LIFECYCLES);
    }
    var stats = h.emulator.stats().of("acme", "soak");
    int failed = c.status(429) + c.status(503) + c.dropped.get();
    System.out.printf(
        "fault soak: %d lifecycles deployed in %.1f s; %d requests, %d failed (%.1f%%):"
            + " %d x 429, %d x 503, %d dropped connections; left behind: %d branches, %d password"
            + " users, %d open deploy requests%n",
        deployed,
        elapsed,
        c.requests.get(),
        failed,
        100.0 * failed / c.requests.get(),
        c.status(429),
        c.status(503),
        c.dropped.get(),
        stats.branches(),
        stats.passwordUsers(),
        stats.openDeployRequests());
    assertThat(failed).isGreaterThan(c.requests.get() / 10);
  }
}
