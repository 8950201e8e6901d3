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
 * @param keepOnFailure when opening fails after this call created the branch, keep the branch (for
 *     debugging) instead of deleting it; the sweep removes it later
 */
public record OpenBranchRequest(
    DatabaseRef database,
    String branch,
    String parentBranch,
    boolean seedData,
    PasswordRole passwordRole,
    Duration passwordTtl,
    WaitPolicy waitPolicy,
    String ciDescription,
    boolean keepOnFailure) {
  public OpenBranchRequest {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(branch, "branch");
    passwordRole = passwordRole == null ? PasswordRole.ADMIN : passwordRole;
    waitPolicy = waitPolicy == null ? WaitPolicy.defaults() : waitPolicy;
  }

  /** The request without {@code keepOnFailure} (false: a failed open deletes what it created). */
  public OpenBranchRequest(
      DatabaseRef database,
      String branch,
      String parentBranch,
      boolean seedData,
      PasswordRole passwordRole,
      Duration passwordTtl,
      WaitPolicy waitPolicy,
      String ciDescription) {
    this(
        database,
        branch,
        parentBranch,
        seedData,
        passwordRole,
        passwordTtl,
        waitPolicy,
        ciDescription,
        false);
  }

  /** This request with {@code keepOnFailure} set. */
  public OpenBranchRequest withKeepOnFailure(boolean keep) {
    return new OpenBranchRequest(
        database,
        branch,
        parentBranch,
        seedData,
        passwordRole,
        passwordTtl,
        waitPolicy,
        ciDescription,
        keep);
  }

  /** A branch of the default branch, no data, an admin password with no expiry, default waits. */
  public static OpenBranchRequest of(DatabaseRef database, String branch) {
    return new OpenBranchRequest(database, branch, null, false, null, null, null, null);
  }
}
