package io.github.planetscaleci.core.workflow;

import static io.github.planetscaleci.core.workflow.DeployMessages.label;

import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.model.DeploymentState;
import java.util.function.Supplier;

/** The deploy actions (deploy, apply, skip-revert), each judged by the state it leaves. */
final class DeployActions {
  private final PlanetScaleClient client;
  private final Events events;
  private final Poller poller;

  DeployActions(PlanetScaleClient client, Events events, Poller poller) {
    this.client = client;
    this.events = events;
    this.poller = poller;
  }

  /**
   * Runs an action (deploy, apply); if it fails, the request is read again, and the failure only
   * counts if the state shows the action did not happen (its response may have been lost).
   */
  DeployRequest run(DatabaseRef db, DeployRequest before, Supplier<DeployRequest> action) {
    try {
      return action.get();
    } catch (ApiException e) {
      DeployRequest now;
      try {
        now = client.deployRequests().get(db, before.number());
      } catch (ApiException readBack) {
        if (readBack != e) {
          e.addSuppressed(readBack);
        }
        throw e;
      }
      if (now.deploymentState() == before.deploymentState()) {
        throw e;
      }
      events.progress(
          "deploy",
          "the API answered "
              + e.code().id()
              + " but the request moved on to "
              + now.deploymentState().apiValue());
      return now;
    }
  }

  /** Ends the revert window; a failure is a warning, since the change is live either way. */
  DeployRequest skipRevert(DeployRequestOptions o, DeployRequest dr, long start) {
    DatabaseRef db = o.database();
    events.progress("skip-revert", "skipping the revert window of " + label(dr));
    try {
      DeployRequest after = run(db, dr, () -> client.deployRequests().skipRevert(db, dr.number()));
      if (after.deploymentState() == DeploymentState.COMPLETE) {
        return after;
      }
      return poller.await(
          o.deployWait(),
          new Wait<>(
              "skip-revert",
              "the revert window of " + label(dr) + " to close",
              () -> client.deployRequests().get(db, dr.number()),
              d -> d.deploymentState() != DeploymentState.COMPLETE_PENDING_REVERT,
              d -> "deployment state " + d.deploymentState().apiValue(),
              "skip the revert window in PlanetScale" + DeployRequestFlow.link(dr)),
          start);
    } catch (RuntimeException e) {
      events.warning(
          label(dr)
              + " is deployed, but skipping its revert window failed: "
              + e.getMessage()
              + ". The change is live; the window closes by itself (30 minutes), or skip it in"
              + " PlanetScale"
              + DeployRequestFlow.link(dr)
              + " if the deploy queue must move on now");
      return dr;
    }
  }
}
