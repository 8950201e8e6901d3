package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.model.Branch;
import java.util.Objects;

/**
 * The result of opening a branch: the ready branch, whether this run created it, and credentials.
 */
public record OpenedBranch(
    Branch branch, boolean created, BranchConnection connection, BranchLease lease) {
  public OpenedBranch {
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(lease, "lease");
  }
}
