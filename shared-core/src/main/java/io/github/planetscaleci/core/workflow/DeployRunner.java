package io.github.planetscaleci.core.workflow;

import static io.github.planetscaleci.core.workflow.DeployMessages.label;

import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.model.DeploymentState;
import io.github.planetscaleci.core.workflow.DeployMessages.Hold;
import io.github.planetscaleci.core.workflow.DeployMessages.Left;
import java.util.EnumSet;
import java.util.Set;

/**
 * Deploys a computed deploy request: gates on lint and data loss, queues the deploy, waits through
 * the deploy states (applying a gated cutover when asked), and skips the revert window when asked.
 *
 * <p>The gates run before every step that would deploy or cut over, on the request's own
 * operations, whoever opened it: before queueing a ready request, before following a deploy that is
 * already queued or running, and before applying a cutover (a reused request held in
 * pending_cutover included). A deploy already running cannot be stopped by this run: if the gates
 * refuse it, the run fails at once without following it, and says to cancel it in PlanetScale.
 * Requests opened before this run are never closed or cancelled; one this run opened is closed (its
 * deploy cancelled first if it is still going) when a gate refuses it, a step fails, or its deploy
 * ends without landing. A deploy wait that times out is the exception: the deploy goes on in
 * PlanetScale and may still land, so it is left running and the message says where to follow it.
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
  private final RequestCleanup cleanup;
  private final DeployActions actions;

  DeployRunner(PlanetScaleClient client, Events events, Poller poller) {
    this.client = client;
    this.events = events;
    this.poller = poller;
    this.cleanup = new RequestCleanup(client, events, poller);
    this.actions = new DeployActions(client, events, poller);
  }

  DeployRequestOutcome deploy(
      DeployRequestOptions o, DeployRequest computed, boolean created, DeployFacts facts) {
    DatabaseRef db = o.database();
    DeployRequest dr = computed;
    DeploymentState state = dr.deploymentState();
    if (state == DeploymentState.ERROR) {
      Left left = cleanup.release(o, dr, created, "after the refusal");
      if (facts.lintErrors().isEmpty()) {
        // Left open, the next run would reuse this request and fail the same way every time.
        throw DeployMessages.deployRefused(dr, "cannot be deployed: its checks ended", left);
      }
      throw DeployMessages.lintFailed(dr, facts, Hold.NOT_QUEUED, left);
    }
    if (state == DeploymentState.READY) {
      gate(o, dr, facts, created, Hold.NOT_QUEUED);
      dr = queue(o, dr, created);
    } else if (state.isDeployed()) {
      events.info(label(dr) + " is already deployed (" + state.apiValue() + "); nothing to deploy");
    } else if (state == DeploymentState.PENDING_CUTOVER || MOVING.contains(state)) {
      gate(
          o,
          dr,
          facts,
          created,
          state == DeploymentState.PENDING_CUTOVER ? Hold.CUTOVER : Hold.RUNNING);
      events.info(
          label(dr)
              + " is already "
              + state.apiValue()
              + " and passes the lint and data-loss gates; following it");
    } else {
      Left left = cleanup.release(o, dr, created, "after the refusal");
      throw DeployMessages.deployRefused(
          dr,
          left == Left.CLOSED
              ? "cannot be deployed. It was"
              : "is open but cannot be deployed; close it and run again. It is",
          left);
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
      // The operations may have been recomputed since the first gate; check what cuts over now.
      gate(o, dr, latest(facts, dr), created, Hold.CUTOVER);
      dr = applyCutover(o, dr, created);
      dr = poller.await(o.deployWait(), deployWait(db, dr, true), start);
    }
    state = dr.deploymentState();
    if (!state.isDeployed()) {
      // Whatever ended it (error, cancelled, sent back to pending or ready), a request this run
      // opened must not stay open; one opened before this run is left as it is.
      Left left = cleanup.release(o, dr, created, "after its deploy ended undeployed");
      throw DeployMessages.deployEnded(dr, left);
    }
    events.info(label(dr) + " is deployed (" + state.apiValue() + ")");
    if (o.skipRevert() && state == DeploymentState.COMPLETE_PENDING_REVERT) {
      dr = actions.skipRevert(o, dr, start);
    }
    return done(o, dr, created, facts);
  }

  /** Throws the gate's refusal (after closing what this run opened) if lint or data loss bar it. */
  private void gate(
      DeployRequestOptions o, DeployRequest dr, DeployFacts facts, boolean created, Hold hold) {
    if (!facts.lintErrors().isEmpty()) {
      Left left = cleanup.release(o, dr, created, "after the refusal");
      throw DeployMessages.lintFailed(dr, facts, hold, left);
    }
    if (facts.canDropData() && !o.allowDataLoss()) {
      Left left = cleanup.release(o, dr, created, "after the refusal");
      throw DeployMessages.dataLossBlocked(dr, facts, hold, left);
    }
  }

  private DeployRequest queue(DeployRequestOptions o, DeployRequest dr, boolean created) {
    events.progress("deploy", "queueing the deploy of " + label(dr));
    DatabaseRef db = o.database();
    try {
      return actions.run(db, dr, () -> client.deployRequests().deploy(db, dr.number(), false));
    } catch (ApiException e) {
      throw DeployMessages.queueFailed(dr, e, cleanup.release(o, dr, created, "after the failure"));
    }
  }

  private DeployRequest applyCutover(DeployRequestOptions o, DeployRequest dr, boolean created) {
    events.progress("cutover", "applying the cutover of " + label(dr));
    DatabaseRef db = o.database();
    try {
      return actions.run(db, dr, () -> client.deployRequests().applyDeploy(db, dr.number()));
    } catch (ApiException e) {
      Left left = cleanup.release(o, dr, created, "after its cutover failed");
      throw DeployMessages.cutoverFailed(dr, e, left);
    }
  }

  /**
   * Waits while the deploy moves; after an applied cutover, pending_cutover counts as moving. Once
   * the deploy has left {@code ready}, a return to {@code ready} (taken out of the queue) ends the
   * wait instead of waiting out the deploy timeout.
   */
  private Wait<DeployRequest> deployWait(DatabaseRef db, DeployRequest dr, boolean cutoverApplied) {
    boolean[] leftReady = {dr.deploymentState() != DeploymentState.READY};
    return new Wait<>(
        "wait-deploy",
        "the deploy of " + label(dr) + " to finish",
        () -> client.deployRequests().get(db, dr.number()),
        d -> {
          DeploymentState s = d.deploymentState();
          if (s == DeploymentState.READY) {
            return leftReady[0];
          }
          leftReady[0] = true;
          return !MOVING.contains(s) && !(cutoverApplied && s == DeploymentState.PENDING_CUTOVER);
        },
        d -> "deployment state " + d.deploymentState().apiValue(),
        "raise the deploy wait timeout; the deploy goes on in PlanetScale"
            + DeployRequestFlow.link(dr));
  }

  /** The facts with the operations and lint the request now carries, when it carries any. */
  private static DeployFacts latest(DeployFacts facts, DeployRequest dr) {
    if (dr.deployment() == null || dr.deployment().deployOperations().isEmpty()) {
      return facts;
    }
    return new DeployFacts(
        facts.diff(), dr.deployment().lintErrors(), dr.deployment().deployOperations());
  }

  private static DeployRequestOutcome done(
      DeployRequestOptions o, DeployRequest dr, boolean created, DeployFacts facts) {
    DeployFacts latest = latest(facts, dr);
    DeployFacts shown = new DeployFacts(latest.diff(), facts.lintErrors(), latest.operations());
    DeploymentState state = dr.deploymentState();
    return DeployRequestFlow.outcome(o, dr, created, shown, state, state.isDeployed(), false);
  }
}
