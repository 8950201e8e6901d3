package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.model.DatabaseRef;
import java.util.List;
import java.util.Objects;

/**
 * What closing an opened branch needs, and nothing secret: wrappers persist it (runner state,
 * Jenkins build actions, a file under the CLI's home) so that cleanup works after a failure, cancel
 * or restart.
 *
 * @param created true if this tool created the branch (only then is it deleted by default)
 * @param passwordIds the passwords this tool created on the branch
 * @param branchId the API id of the branch this tool created, when known, else null. Closing
 *     compares it with the live branch's id, so that a lease kept for a long time (a CLI's home on
 *     a build agent) never takes a branch recreated under the same name since for this tool's.
 */
public record BranchLease(
    DatabaseRef database,
    String branch,
    boolean created,
    List<String> passwordIds,
    String branchId) {
  public BranchLease {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(branch, "branch");
    passwordIds = passwordIds == null ? List.of() : List.copyOf(passwordIds);
  }

  /** A lease without the branch's id (not known yet, or not recorded by the host). */
  public BranchLease(
      DatabaseRef database, String branch, boolean created, List<String> passwordIds) {
    this(database, branch, created, passwordIds, null);
  }

  /** This lease, saying whether this tool created the branch. */
  public BranchLease withCreated(boolean created) {
    return new BranchLease(database, branch, created, passwordIds, branchId);
  }

  /** This lease with other password ids. */
  public BranchLease withPasswordIds(List<String> passwordIds) {
    return new BranchLease(database, branch, created, passwordIds, branchId);
  }
}
