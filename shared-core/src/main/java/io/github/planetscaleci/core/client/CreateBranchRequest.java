package io.github.planetscaleci.core.client;

import java.util.Objects;

/**
 * The body of a branch create.
 *
 * @param parentBranch null for the database's default branch
 * @param seedData true to restore the last successful backup's data into the branch
 * @param region null for the database's default region
 */
public record CreateBranchRequest(
    String name, String parentBranch, boolean seedData, String region) {
  public CreateBranchRequest {
    Objects.requireNonNull(name, "name");
  }

  /** A branch of the default branch with no data and the default region. */
  public static CreateBranchRequest of(String name) {
    return new CreateBranchRequest(name, null, false, null);
  }
}
