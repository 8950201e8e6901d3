package io.github.planetscaleci.core.naming;

import java.util.Objects;

/**
 * A branch name and the CI facts it was derived from, for the log line {@code CI name -> branch}.
 *
 * @param name a valid PlanetScale branch name
 * @param ciDescription how the CI names the build, e.g. "GitHub PR #12, run 77, attempt 1"
 */
public record BranchName(String name, String ciDescription) {
  public BranchName {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ciDescription, "ciDescription");
  }

  /** The mapping for the log, e.g. {@code GitHub PR #12, run 77, attempt 1 -> ci-pr-12-r77-a1}. */
  public String logLine() {
    return ciDescription + " -> " + name;
  }

  @Override
  public String toString() {
    return name;
  }
}
