package io.github.planetscaleci.core.client;

import java.util.Objects;

/**
 * The body of a deploy request create.
 *
 * @param intoBranch null lets the API choose (the parent or the default branch)
 * @param autoCutover null to inherit the database's setting; false for a gated deploy
 */
public record CreateDeployRequest(
    String branch, String intoBranch, String notes, Boolean autoCutover) {
  public CreateDeployRequest {
    Objects.requireNonNull(branch, "branch");
  }
}
