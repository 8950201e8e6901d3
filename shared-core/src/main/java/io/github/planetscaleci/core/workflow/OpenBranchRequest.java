package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.PasswordRole;
import java.time.Duration;
import java.util.Objects;

/**
 * What to open: which branch, from which parent, and the credentials to issue.
 *
 * @param parentBranch null for the database's default branch
 * @param passwordTtl null for no expiry
 * @param ciDescription how the CI names this build (e.g. "PR #12, run 77 attempt 1"), for the log
 */
public record OpenBranchRequest(
    DatabaseRef database,
    String branch,
    String parentBranch,
    boolean seedData,
    PasswordRole passwordRole,
    Duration passwordTtl,
    WaitPolicy waitPolicy,
    String ciDescription) {
  public OpenBranchRequest {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(branch, "branch");
    passwordRole = passwordRole == null ? PasswordRole.ADMIN : passwordRole;
    waitPolicy = waitPolicy == null ? WaitPolicy.defaults() : waitPolicy;
  }

  /** A branch of the default branch, no data, an admin password with no expiry, default waits. */
  public static OpenBranchRequest of(DatabaseRef database, String branch) {
    return new OpenBranchRequest(database, branch, null, false, null, null, null, null);
  }
}
