package io.github.planetscaleci.core.model;

import java.time.Instant;

/** A deploy request: {@code state} is open or closed; {@code deploymentState} is its progress. */
public record DeployRequest(
    String id,
    int number,
    String branch,
    String intoBranch,
    String state,
    DeploymentState deploymentState,
    boolean approved,
    String htmlUrl,
    String notes,
    Deployment deployment,
    Instant createdAt,
    Instant updatedAt,
    Instant closedAt,
    Instant deployedAt) {
  public DeployRequest {
    deploymentState = deploymentState == null ? DeploymentState.UNKNOWN : deploymentState;
  }

  /** True while the request is open. */
  public boolean isOpen() {
    return "open".equals(state);
  }
}
