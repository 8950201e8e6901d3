package io.github.planetscaleci.core.model;

import java.time.Instant;
import java.util.List;

/** The deployment of a deploy request: its state, operations and lint errors. */
public record Deployment(
    String id,
    DeploymentState state,
    boolean deployable,
    boolean autoCutover,
    Integer deployRequestNumber,
    String intoBranch,
    List<DeployOperation> deployOperations,
    List<LintError> lintErrors,
    String deployCheckErrors,
    Instant queuedAt,
    Instant startedAt,
    Instant readyToCutoverAt,
    Instant cutoverAt,
    Instant finishedAt) {
  public Deployment {
    deployOperations = deployOperations == null ? List.of() : List.copyOf(deployOperations);
    lintErrors = lintErrors == null ? List.of() : List.copyOf(lintErrors);
    state = state == null ? DeploymentState.UNKNOWN : state;
  }
}
