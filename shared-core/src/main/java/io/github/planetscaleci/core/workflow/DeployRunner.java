package io.github.planetscaleci.core.workflow;

import static io.github.planetscaleci.core.workflow.DeployMessages.label;

import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.model.DeploymentState;
import java.util.EnumSet;
import java.util.Set;

/**
 * Deploys a computed deploy request: gates on lint and data loss, queues the deploy, waits through
 * the deploy states (applying a gated cutover when asked), and skips the revert window when asked.
 */
final class DeployRunner {
  /** States in which the deploy is still moving on its own. */
  private static final Set<DeploymentState> MOVING =
      EnumSet.of(
          DeploymentState.READY,
          DeploymentState.QUEUED,
          DeploymentState.SUBMITTING,
          DeploymentState.IN_PROGRESS,
          DeploymentState.IN_PROGRESS_VSCHEMA,
          DeploymentState.IN_PROGRESS_CUTOVER,
          DeploymentState.IN_PROGRESS_CANCEL,
          DeploymentState.UNKNOWN);

  private final PlanetScaleClient client;
  private final Events events;
  private final Poller poller;

  DeployRunner(PlanetScaleClient client, Events events, Poller poller) {
    this.client = client;
    this.events = events;
    this.poller = poller;
  }

  DeployRequestOutcome deploy(
      DeployRequestOptions o, DeployRequest computed, boolean created, DeployFacts facts) {
    DatabaseRef db = o.database();
    DeployRequest dr = computed;
    DeploymentState state = dr.deploymentState();
    if (state == DeploymentState.ERROR) {
      if (facts.lintErrors().isEmpty()) {
        // Left open, the next run would reuse this request and fail the same way every time.
        throw DeployMessages.deployRefused(
            dr, "cannot be deployed: its checks ended", closeRefused(db, dr, created));
      }
      throw DeployMessages.lintFailed(dr, facts, closeRefused(db, dr, created));
    }
    if (state == DeploymentState.READY) {
      if (!facts.lintErrors().isEmpty()) {
        throw DeployMessages.lintFailed(dr, facts, closeRefused(db, dr, created));
      }
      if (facts.canDropData() && !o.allowDataLoss()) {
        throw DeployMessages.dataLossBlocked(dr, facts, closeRefused(db, dr, created));
      }
      dr = queue(db, dr);
    } else if (!MOVING.contains(state)
        && state != DeploymentState.PENDING_CUTOVER
        && !state.isDeployed()) {
      boolean closed = closeRefused(db, dr, created);
      throw DeployMessages.deployRefused(
          dr,
          closed
              ? "cannot be deployed. It was"
              : "is open but cannot be deployed; close it and run again. It is",
          closed);
    } else {
      events.info(label(dr) + " is already " + state.apiValue() + "; following it");
    }
    long start = poller.nanoTime();
    boolean apply = !o.gated() || o.applyCutover();
    dr = poller.await(o.deployWait(), deployWait(db, dr, false), start);
    if (dr.deploymentState() == DeploymentState.PENDING_CUTOVER) {
      if (!apply) {
        events.info(
            label(dr)
                + " is waiting for its cutover: apply it in PlanetScale"
                + DeployRequestFlow.link(dr)
                + " or run again with apply-cutover");
        return done(o, dr, created, facts);
      }
      events.progress("cutover", "applying the cutover of " + label(dr));
      dr = afterAction(db, dr, () -> client.deployRequests().applyDeploy(db, computed.number()));
      dr = poller.await(o.deployWait(), deployWait(db, dr, true), start);
    }
    state = dr.deploymentState();
    if (!state.isDeployed()) {
      throw DeployMessages.deployFailed(dr, "failed: the deploy ended");
    }
    events.info(label(dr) + " is deployed (" + state.apiValue() + ")");
    if (o.skipRevert() && state == DeploymentState.COMPLETE_PENDING_REVERT) {
      dr = skipRevert(o, db, dr, start);
    }
    return done(o, dr, created, facts);
  }

  private DeployRequest queue(DatabaseRef db, DeployRequest dr) {
    events.progress("deploy", "queueing the deploy of " + label(dr));
    return afterAction(db, dr, () -> client.deployRequests().deploy(db, dr.number(), false));
  }

  /**
   * Runs an action (deploy, apply); if it fails, the request is read again, and the failure only
   * counts if the state shows the action did not happen (its response may have been lost).
   */
  private DeployRequest afterAction(
      DatabaseRef db, DeployRequest before, java.util.function.Supplier<DeployRequest> action) {
    try {
      return action.get();
    } catch (ApiException e) {
      DeployRequest now = client.deployRequests().get(db, before.number());
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

  private DeployRequest skipRevert(
      DeployRequestOptions o, DatabaseRef db, DeployRequest dr, long start) {
    events.progress("skip-revert", "skipping the revert window of " + label(dr));
    try {
      DeployRequest after =
          afterAction(db, dr, () -> client.deployRequests().skipRevert(db, dr.number()));
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
      // The schema change is live either way; a revert window left open is worth a warning only.
      events.warning(
          "deployed, but skipping the revert window of "
              + label(dr)
              + " failed: "
              + e.getMessage());
      return dr;
    }
  }

  /** Waits while the deploy moves; after an applied cutover, pending_cutover counts as moving. */
  private Wait<DeployRequest> deployWait(DatabaseRef db, DeployRequest dr, boolean cutoverApplied) {
    return new Wait<>(
        "wait-deploy",
        "the deploy of " + label(dr) + " to finish",
        () -> client.deployRequests().get(db, dr.number()),
        d ->
            !MOVING.contains(d.deploymentState())
                && !(cutoverApplied && d.deploymentState() == DeploymentState.PENDING_CUTOVER),
        d -> "deployment state " + d.deploymentState().apiValue(),
        "raise the deploy wait timeout; the deploy goes on in PlanetScale"
            + DeployRequestFlow.link(dr));
  }

  private static DeployRequestOutcome done(
      DeployRequestOptions o, DeployRequest dr, boolean created, DeployFacts facts) {
    DeployFacts latest =
        dr.deployment() == null || dr.deployment().deployOperations().isEmpty()
            ? facts
            : new DeployFacts(facts.diff(), facts.lintErrors(), dr.deployment().deployOperations());
    DeploymentState state = dr.deploymentState();
    return DeployRequestFlow.outcome(o, dr, created, latest, state, state.isDeployed(), false);
  }

  /** Closes a refused request this run opened; returns whether it is now closed. */
  private boolean closeRefused(DatabaseRef db, DeployRequest dr, boolean created) {
    if (!created) {
      return false;
    }
    try {
      client.deployRequests().close(db, dr.number());
      events.progress("close", "closed " + label(dr) + " after the refusal");
      return true;
    } catch (ApiException e) {
      events.warning("could not close " + label(dr) + " after the refusal: " + e.getMessage());
      return false;
    }
  }
}
