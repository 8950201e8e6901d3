package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.error.WorkflowException;
import io.github.planetscaleci.core.model.Branch;
import io.github.planetscaleci.core.model.DatabaseRef;
import java.util.Objects;
import java.util.Optional;

/**
 * Closes a branch: deletes the lease's passwords, then the branch if this tool created it (or the
 * caller forces it). A production or default branch is never deleted, forced or not.
 */
final class CloseBranchFlow {
  private final PlanetScaleClient client;
  private final Events events;

  CloseBranchFlow(PlanetScaleClient client, Events events) {
    this.client = client;
    this.events = events;
  }

  CloseOutcome run(BranchLease lease, CloseOptions options) {
    Objects.requireNonNull(lease, "lease");
    CloseOptions o = options == null ? CloseOptions.defaults() : options;
    DatabaseRef db = lease.database();
    String name = lease.branch();
    events.info("closing branch " + name + " of " + db);
    int deleted = 0;
    ApiException passwordFailure = null;
    for (String id : lease.passwordIds()) {
      try {
        client.passwords().delete(db, name, id);
        deleted++;
        events.progress("close", "deleted password " + id);
      } catch (ApiException e) {
        if (e.code() == ErrorCode.NOT_FOUND) {
          events.progress("close", "password " + id + " was already gone");
        } else {
          passwordFailure = passwordFailure == null ? e : passwordFailure;
          events.warning("could not delete password " + id + ": " + e.getMessage());
        }
      }
    }
    String kept = null;
    if (!o.deleteBranch()) {
      kept = "deleting the branch was not asked for";
    } else if (!lease.created() && !o.force()) {
      kept = "this tool did not create it (force deletes it)";
    }
    if (kept != null) {
      return kept(name, kept, deleted, passwordFailure);
    }
    String step = "looking the branch up";
    boolean recreated = false;
    try {
      Optional<Branch> branch = client.branches().find(db, name);
      if (branch.isEmpty()) {
        events.info("branch " + name + " was already deleted");
        return new CloseOutcome(name, false, true, deleted, null);
      }
      if (branch.get().production()) {
        throw refuse(db, name, "is a production branch");
      }
      recreated =
          !o.force()
              && lease.branchId() != null
              && branch.get().id() != null
              && !lease.branchId().equals(branch.get().id());
      if (!recreated) {
        step = "reading the database's default branch";
        if (name.equals(client.databases().get(db).defaultBranch())) {
          throw refuse(db, name, "is the database's default branch");
        }
        step = "deleting the branch";
        client.branches().delete(db, name);
      }
    } catch (ApiException e) {
      if (e.code() == ErrorCode.NOT_FOUND && step.equals("deleting the branch")) {
        events.info("branch " + name + " was already deleted");
        return new CloseOutcome(name, false, true, deleted, null);
      }
      throw failed(db, name, step, e, deleted, passwordFailure);
    }
    if (recreated) {
      return kept(
          name,
          "a branch of this name was created again since this tool created it (force deletes it)",
          deleted,
          passwordFailure);
    }
    // Deleting the branch also revoked any password whose own delete failed above.
    events.info("deleted branch " + name);
    return new CloseOutcome(name, true, false, deleted, null);
  }

  /** The branch stays: says why, and fails with a password delete that failed, if any. */
  private CloseOutcome kept(String name, String why, int deleted, ApiException passwordFailure) {
    events.info("kept branch " + name + ": " + why);
    if (passwordFailure != null) {
      throw passwordFailure;
    }
    return new CloseOutcome(name, false, false, deleted, why);
  }

  /** A call the delete depends on failed: the branch is still there; say so and what to do. */
  private static WorkflowException failed(
      DatabaseRef db,
      String name,
      String step,
      ApiException e,
      int passwordsDeleted,
      ApiException passwordFailure) {
    WorkflowException w =
        new WorkflowException(
            e.code(),
            "could not delete branch "
                + name
                + " of "
                + db
                + ": "
                + step
                + " failed: "
                + DeployMessages.clause(e.getMessage())
                + ". The branch is still there"
                + (step.equals("deleting the branch")
                    ? ""
                    : " (a branch is deleted only after checking that it is neither a production"
                        + " nor the default branch)")
                + (passwordFailure == null
                    ? "; " + passwordsDeleted + " of its passwords were deleted"
                    : "; deleting some of its passwords failed too")
                + ". Close it again once the API answers, or delete it in the PlanetScale"
                + " dashboard",
            e);
    if (passwordFailure != null && passwordFailure != e) {
      w.addSuppressed(passwordFailure);
    }
    return w;
  }

  private static WorkflowException refuse(DatabaseRef db, String name, String why) {
    return new WorkflowException(
        ErrorCode.PROTECTED_BRANCH,
        "refusing to delete branch "
            + name
            + " of "
            + db
            + ": it "
            + why
            + ". This tool never deletes such a branch, even when forced;"
            + " delete it in the PlanetScale dashboard if you really mean to");
  }
}
