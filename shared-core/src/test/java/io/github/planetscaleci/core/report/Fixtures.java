package io.github.planetscaleci.core.report;

import io.github.planetscaleci.core.model.Branch;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.DeployOperation;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.model.DeploymentState;
import io.github.planetscaleci.core.model.LintError;
import io.github.planetscaleci.core.model.TableDiff;
import io.github.planetscaleci.core.workflow.BranchConnection;
import io.github.planetscaleci.core.workflow.BranchLease;
import io.github.planetscaleci.core.workflow.DeployMode;
import io.github.planetscaleci.core.workflow.DeployRequestOutcome;
import io.github.planetscaleci.core.workflow.OpenedBranch;
import java.time.Instant;
import java.util.List;

/** Workflow values as the workflows produce them, for report tests. */
final class Fixtures {
  static final DatabaseRef DB = new DatabaseRef("acme", "app");
  static final ReportContext CTX =
      new ReportContext(
          DB, "https://github.com/o/r/actions/runs/42", Instant.parse("2024-05-01T10:00:00Z"));

  private Fixtures() {}

  static DeployRequest request(String branch, DeploymentState state) {
    return new DeployRequest(
        "dr1",
        12,
        branch,
        "main",
        "open",
        state,
        false,
        "https://app.planetscale.com/acme/app/deploy-requests/12",
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static DeployOperation op(String table, String ddl, boolean canDropData) {
    return new DeployOperation(
        "op-" + table, "pending", "app", table, "ALTER", ddl, canDropData, null);
  }

  static LintError lint(String table, String description) {
    return new LintError(
        "NO_UNIQUE_KEY",
        "table",
        "app",
        table,
        "",
        description,
        "https://planetscale.com/docs/learn/deploy-requests#lint");
  }

  static DeployRequestOutcome outcome(
      DeployMode mode,
      DeploymentState state,
      List<TableDiff> diff,
      List<LintError> lint,
      List<DeployOperation> ops) {
    boolean drop = ops.stream().anyMatch(DeployOperation::canDropData);
    return new DeployRequestOutcome(
        mode,
        request("feature-x", state),
        true,
        diff,
        lint,
        ops,
        drop,
        state,
        state.isDeployed(),
        mode == DeployMode.PREVIEW);
  }

  static DeployRequestOutcome preview() {
    return outcome(
        DeployMode.PREVIEW,
        DeploymentState.READY,
        List.of(
            new TableDiff("users", "+ `email` varchar(255)\n- `nick` varchar(32)\n"),
            new TableDiff("orders", "+CREATE TABLE `orders` (\n+  `id` bigint\n+)\n")),
        List.of(),
        List.of(
            op("users", "ALTER TABLE `users` DROP COLUMN `nick`", true),
            op("orders", "CREATE TABLE `orders` (`id` bigint)", false)));
  }

  static TableDiff bigDiff(String name, int lines) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      s.append("+  `column_").append(i).append("` varchar(255) NOT NULL,\n");
    }
    return new TableDiff(name, s.toString());
  }

  static OpenedBranch opened(String password) {
    Branch branch =
        new Branch(
            "b1",
            "ci-pr-7-42-1",
            "main",
            true,
            "ready",
            false,
            false,
            "https://app.planetscale.com/acme/app/ci-pr-7-42-1",
            null,
            null);
    BranchConnection c =
        new BranchConnection(
            "aws.connect.psdb.cloud", 3306, "user123", password, "app", branch.name(), true);
    return new OpenedBranch(
        branch, true, c, new BranchLease(DB, branch.name(), true, List.of("pw1")));
  }
}
