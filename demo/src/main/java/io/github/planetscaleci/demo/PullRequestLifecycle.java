package io.github.planetscaleci.demo;

import io.github.planetscaleci.core.naming.BranchName;
import io.github.planetscaleci.core.naming.BranchNames;
import io.github.planetscaleci.core.report.ReportContext;
import io.github.planetscaleci.core.report.TextReport;
import io.github.planetscaleci.core.workflow.CloseOptions;
import io.github.planetscaleci.core.workflow.CloseOutcome;
import io.github.planetscaleci.core.workflow.DeployRequestOptions;
import io.github.planetscaleci.core.workflow.DeployRequestOutcome;
import io.github.planetscaleci.core.workflow.OpenBranchRequest;
import io.github.planetscaleci.core.workflow.OpenedBranch;
import io.github.planetscaleci.core.workflow.WaitPolicy;
import io.github.planetscaleci.emulator.EmulatorStats;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** One pull request, from its first build to its merge, as the wrappers drive it. */
final class PullRequestLifecycle {
  private static final String MIGRATION =
      "ALTER TABLE customers ADD COLUMN loyalty_tier VARCHAR(16) NOT NULL DEFAULT 'bronze',"
          + " ADD INDEX customers_loyalty_tier (loyalty_tier)";

  private final DemoEnvironment env;
  private final ConsoleLog log;
  private final ReportContext context = ReportContext.of(DemoEnvironment.DATABASE);

  PullRequestLifecycle(DemoEnvironment env, ConsoleLog log) {
    this.env = env;
    this.log = log;
  }

  void run() throws SQLException {
    BranchName name = BranchNames.forPullRequest(42, 9_100_000_001L, 1);
    log.step("Build of pull request #42: open an ephemeral branch");
    OpenBranchRequest request =
        new OpenBranchRequest(
            DemoEnvironment.DATABASE,
            name.name(),
            null,
            false,
            null,
            Duration.ofHours(1),
            WaitPolicy.withTimeout(Duration.ofMinutes(2)),
            name.ciDescription());
    OpenedBranch opened = env.workflows().openBranch(request);
    try {
      log.say(TextReport.openedBranch(context, opened));
      migrate(opened);
      preview(opened);
      deploy(opened);
      showMain();
    } finally {
      close(opened);
    }
    EmulatorStats stats = env.stats();
    log.say(
        "left behind: branches="
            + stats.branches()
            + " password users="
            + stats.passwordUsers()
            + " open deploy requests="
            + stats.openDeployRequests());
    if (stats.branches() + stats.passwordUsers() + stats.openDeployRequests() != 0) {
      throw new IllegalStateException("the lifecycle left resources behind: " + stats);
    }
  }

  private void migrate(OpenedBranch opened) throws SQLException {
    log.step("Run the pull request's migration on the branch over MySQL (JDBC)");
    log.say(MIGRATION);
    try (Connection c =
            DriverManager.getConnection(
                opened.connection().jdbcUrl(),
                opened.connection().username(),
                opened.connection().password());
        Statement s = c.createStatement()) {
      s.execute(MIGRATION);
      try (ResultSet rs = s.executeQuery("SHOW COLUMNS FROM customers LIKE 'loyalty_tier'")) {
        if (!rs.next()) {
          throw new IllegalStateException("the migration did not add customers.loyalty_tier");
        }
        log.say("branch now has customers.loyalty_tier " + rs.getString("Type"));
        log.say("(a branch copies main's schema, not its rows; seed-data copies rows too)");
      }
    }
  }

  private void preview(OpenedBranch opened) {
    log.step("Pull request check: preview the deploy request (diff, lint, data loss)");
    DeployRequestOutcome preview =
        env.workflows()
            .deployRequest(
                DeployRequestOptions.preview(DemoEnvironment.DATABASE, opened.branch().name()));
    log.say(TextReport.deployRequest(context, preview));
  }

  private void deploy(OpenedBranch opened) {
    log.step("Merged: open the deploy request, gate it, deploy it and wait");
    DeployRequestOptions options =
        DeployRequestOptions.deploy(DemoEnvironment.DATABASE, opened.branch().name())
            .withSkipRevert(true)
            .withNotes("Deployed by the planetscale-ci demo")
            .withWaits(
                WaitPolicy.withTimeout(Duration.ofMinutes(2)),
                WaitPolicy.withTimeout(Duration.ofMinutes(5)));
    DeployRequestOutcome outcome = env.workflows().deployRequest(options);
    log.say(TextReport.deployRequest(context, outcome));
    if (!outcome.deployed()) {
      throw new IllegalStateException("the deploy request did not deploy: " + outcome.finalState());
    }
  }

  private void showMain() throws SQLException {
    log.step("Check main: the new column is there and every row survived");
    try (Connection c = env.adminConnection("main");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT id, email, loyalty_tier FROM customers ORDER BY id")) {
      int rows = 0;
      while (rs.next()) {
        rows++;
        log.say(rs.getLong(1) + "  " + rs.getString(2) + "  loyalty_tier=" + rs.getString(3));
      }
      if (rows != 3) {
        throw new IllegalStateException("expected the 3 seeded customers on main, found " + rows);
      }
    }
  }

  private void close(OpenedBranch opened) {
    log.step("Job end: delete the branch and its password");
    CloseOutcome closed = env.workflows().closeBranch(opened.lease(), CloseOptions.defaults());
    log.say(TextReport.closeBranch(context, closed));
  }
}
