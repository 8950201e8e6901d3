package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.error.ApiException;
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

  /** What a gate held back: a deploy not yet queued, a cutover, or a deploy already running. */
  enum Hold {
    NOT_QUEUED,
    CUTOVER,
    RUNNING
  }

  /** What became of the deploy request after a refusal or failure. */
  enum Left {
    CLOSED("; the deploy request this run opened was closed, so none is left half-open"),
    WITHDRAWN(
        "; the deploy this run started was cancelled and the deploy request this run opened was"
            + " closed, so none is left half-open"),
    CLOSE_FAILED(
        "; closing the deploy request this run opened failed too (see the warning): close it in"
            + " PlanetScale"),
    CANCEL_FAILED(
        "; cancelling the deploy this run started failed (see the warning), so it still holds the"
            + " target's deploy queue: cancel it in PlanetScale"),
    NOT_OURS("; the deploy request was opened before this run and stays open");

    private final String text;

    Left(String text) {
      this.text = text;
    }
  }

  static String label(DeployRequest dr) {
    return "deploy request #" + dr.number() + " (" + dr.branch() + " -> " + dr.intoBranch() + ")";
  }

  static WorkflowException lintFailed(DeployRequest dr, DeployFacts facts, Hold hold, Left left) {
    List<String> lint = facts.lintDescriptions();
    return new WorkflowException(
        ErrorCode.LINT_FAILED,
        label(dr)
            + " has "
            + lint.size()
            + (lint.size() == 1 ? " lint error, " : " lint errors, ")
            + held(dr, hold)
            + ": "
            + String.join("; ", lint)
            + ". Fix the schema on branch "
            + dr.branch()
            + (advised(hold, left) == Hold.NOT_QUEUED ? "" : ", cancel this deploy in PlanetScale")
            + " and run again"
            + left.text
            + link(dr));
  }

  /** How each wrapper spells the switch; core serves both, so the advice names both. */
  private static final String ALLOW =
      "the action's allow-data-loss input, or allowDataLoss: true in the Jenkins step";

  static WorkflowException dataLossBlocked(
      DeployRequest dr, DeployFacts facts, Hold hold, Left left) {
    String advice =
        switch (advised(hold, left)) {
          case NOT_QUEUED -> ". If that is intended, allow data loss (" + ALLOW + ") and run again";
          case CUTOVER ->
              ". If that is intended, allow data loss ("
                  + ALLOW
                  + ") and run again to apply the"
                  + " cutover; if not, cancel the deploy in PlanetScale";
          case RUNNING ->
              ". This run cannot stop a deploy that is already running: if the data loss is not"
                  + " intended, cancel the deploy in PlanetScale now; if it is, allow data loss"
                  + " ("
                  + ALLOW
                  + ") and run again to follow it";
        };
    return new WorkflowException(
        ErrorCode.DATA_LOSS_BLOCKED,
        label(dr)
            + " can drop data, "
            + held(dr, hold)
            + ": "
            + String.join("; ", facts.dataLossOperations())
            + advice
            + left.text
            + link(dr));
  }

  /**
   * The hold the advice is written for: once this run has cancelled (or closed) the request it
   * opened, nothing is left to cancel in PlanetScale, and running again starts from scratch.
   */
  private static Hold advised(Hold hold, Left left) {
    return left == Left.WITHDRAWN || left == Left.CLOSED ? Hold.NOT_QUEUED : hold;
  }

  private static String held(DeployRequest dr, Hold hold) {
    return switch (hold) {
      case NOT_QUEUED -> "so it was not deployed";
      case CUTOVER -> "so this run did not apply its cutover";
      case RUNNING ->
          "and its deploy is already "
              + dr.deploymentState().apiValue()
              + " (started before this run), so this run neither follows it nor applies its"
              + " cutover";
    };
  }

  /** Queueing the deploy failed and the request shows it was not queued. */
  static WorkflowException queueFailed(DeployRequest dr, ApiException e, Left left) {
    return new WorkflowException(
        e.code(),
        label(dr)
            + " was not deployed: queueing its deploy failed: "
            + clause(e.getMessage())
            + left.text
            + ". Run again once the API answers"
            + link(dr),
        e);
  }

  /** Applying the cutover failed and the request shows it was not applied. */
  static WorkflowException cutoverFailed(DeployRequest dr, ApiException e, Left left) {
    String after =
        left == Left.NOT_OURS
            ? "; the deploy request was opened before this run and stays open in pending_cutover:"
                + " apply the cutover in PlanetScale, or run again"
            : left.text + (left == Left.WITHDRAWN ? "; run again to deploy" : "");
    return new WorkflowException(
        e.code(),
        label(dr)
            + " reached pending_cutover, but applying its cutover failed: "
            + clause(e.getMessage())
            + after
            + link(dr),
        e);
  }

  /** Closing a request this run is done with failed twice; it is left open. */
  static WorkflowException closeFailed(DeployRequest dr, String after, ApiException e) {
    return new WorkflowException(
        e.code(),
        "could not close "
            + label(dr)
            + " "
            + after
            + ": "
            + clause(e.getMessage())
            + ". It is left open: close it in PlanetScale"
            + link(dr)
            + " (a sweep that closes stale requests closes it too)",
        e);
  }

  static WorkflowException deployFailed(DeployRequest dr, String context) {
    return deployFailed(dr, context, "");
  }

  /** The deploy ended without deploying; {@code left} says what became of the request. */
  static WorkflowException deployEnded(DeployRequest dr, Left left) {
    return deployFailed(dr, "failed: the deploy ended", left == null ? "" : left.text);
  }

  /** A request that cannot be deployed at all, refused before any deploy was queued. */
  static WorkflowException deployRefused(DeployRequest dr, String context, Left left) {
    return deployFailed(dr, context, left.text);
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

  /** A message without its final period, to continue the sentence. */
  static String clause(String message) {
    String m = message == null ? "" : message.strip();
    return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
  }

  private static String link(DeployRequest dr) {
    return dr.htmlUrl() == null ? "" : ": " + dr.htmlUrl();
  }
}
