package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.model.DatabaseRef;
import java.util.List;
import java.util.Objects;

/**
 * What closing an opened branch needs, and nothing secret: wrappers persist it (runner state,
 * Jenkins build actions) so that cleanup works after a failure, cancel or restart.
 *
 * @param created true if this tool created the branch (only then is it deleted by default)
 * @param passwordIds the passwords this tool created on the branch
 */
public record BranchLease(
    DatabaseRef database, String branch, boolean created, List<String> passwordIds) {
  public BranchLease {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(branch, "branch");
    passwordIds = passwordIds == null ? List.of() : List.copyOf(passwordIds);
  }
}
