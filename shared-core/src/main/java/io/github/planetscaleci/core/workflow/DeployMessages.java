package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.error.WorkflowException;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.model.Deployment;
import java.util.List;

/**
 * The refusals and failures of the deploy-request workflow, worded for the person who reads them.
 */
final class DeployMessages {
  private DeployMessages() {}

  static String label(DeployRequest dr) {
    return "deploy request #" + dr.number() + " (" + dr.branch() + " -> " + dr.intoBranch() + ")";
  }

  static WorkflowException lintFailed(DeployRequest dr, DeployFacts facts, boolean closed) {
    List<String> lint = facts.lintDescriptions();
    return new WorkflowException(
        ErrorCode.LINT_FAILED,
        label(dr)
            + " has "
            + lint.size()
            + (lint.size() == 1 ? " lint error" : " lint errors")
            + ", so it was not deployed: "
            + String.join("; ", lint)
            + ". Fix the schema on branch "
            + dr.branch()
            + " and run again"
            + afterRefusal(closed)
            + link(dr));
  }

  static WorkflowException dataLossBlocked(DeployRequest dr, DeployFacts facts, boolean closed) {
    return new WorkflowException(
        ErrorCode.DATA_LOSS_BLOCKED,
        label(dr)
            + " can drop data, so it was not deployed: "
            + String.join("; ", facts.dataLossOperations())
            + ". If that is intended, allow data loss (allow-data-loss) and run again"
            + afterRefusal(closed)
            + link(dr));
  }

  /** A refused request this run opened is closed (nothing half-open); an older one is left. */
  private static String afterRefusal(boolean closed) {
    return closed
        ? "; the deploy request this run opened was closed, so none is left half-open"
        : "; the deploy request was opened before this run and stays open";
  }

  static WorkflowException deployFailed(DeployRequest dr, String context) {
    return deployFailed(dr, context, "");
  }

  /** A request that cannot be deployed at all, refused before any deploy was queued. */
  static WorkflowException deployRefused(DeployRequest dr, String context, boolean closed) {
    return deployFailed(dr, context, afterRefusal(closed));
  }

  private static WorkflowException deployFailed(DeployRequest dr, String context, String after) {
    Deployment d = dr.deployment();
    StringBuilder m = new StringBuilder(label(dr));
    m.append(' ').append(context).append(" in state ").append(dr.deploymentState().apiValue());
    if (d != null && d.deployCheckErrors() != null && !d.deployCheckErrors().isBlank()) {
      m.append(": ").append(d.deployCheckErrors().strip());
    }
    if (d != null && !d.lintErrors().isEmpty()) {
      m.append("; lint: ")
          .append(
              String.join(
                  "; ", new DeployFacts(List.of(), d.lintErrors(), List.of()).lintDescriptions()));
    }
    if (d != null) {
      d.deployOperations().stream()
          .filter(op -> "error".equals(op.state()) || "cancelled".equals(op.state()))
          .forEach(
              op ->
                  m.append("; ")
                      .append(op.operationName())
                      .append(" on table ")
                      .append(op.tableName())
                      .append(' ')
                      .append(op.state()));
    }
    m.append(after).append(". See the deploy request in PlanetScale").append(link(dr));
    return new WorkflowException(ErrorCode.DEPLOY_FAILED, m.toString());
  }

  private static String link(DeployRequest dr) {
    return dr.htmlUrl() == null ? "" : ": " + dr.htmlUrl();
  }
}
