package io.github.planetscaleci.core.workflow;

import static io.github.planetscaleci.core.workflow.DeployMessages.label;

import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.model.DeploymentState;
import io.github.planetscaleci.core.workflow.DeployMessages.Left;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Closes the deploy requests this run opened once a failure or refusal means nothing more will come
 * of them, cancelling a deploy this run started first; a request opened before this run is never
 * touched.
 */
final class RequestCleanup {
  /** States of a deploy that a cancel can still stop (it has not cut over). */
  private static final Set<DeploymentState> CANCELLABLE =
      EnumSet.of(
          DeploymentState.QUEUED,
          DeploymentState.SUBMITTING,
          DeploymentState.IN_PROGRESS,
          DeploymentState.IN_PROGRESS_VSCHEMA,
          DeploymentState.PENDING_CUTOVER);

  /** A cancel is quick; cleanup after a failure should not hang a build for half an hour. */
  private static final Duration MAX_CANCEL_WAIT = Duration.ofMinutes(5);

  private final PlanetScaleClient client;
  private final Events events;
  private final Poller poller;

  RequestCleanup(PlanetScaleClient client, Events events, Poller poller) {
    this.client = client;
    this.events = events;
    this.poller = poller;
  }

  /**
   * Closes a request this run opened, first cancelling its deploy if one is still going, and says
   * what became of it.
   */
  Left release(DeployRequestOptions o, DeployRequest dr, boolean created, String why) {
    if (!created) {
      return Left.NOT_OURS;
    }
    Left[] left = {Left.CLOSE_FAILED};
    Uninterrupted.run(() -> left[0] = releaseNow(o, dr, why));
    return left[0];
  }

  private Left releaseNow(DeployRequestOptions o, DeployRequest dr, String why) {
    DatabaseRef db = o.database();
    if (!CANCELLABLE.contains(dr.deploymentState())) {
      return close(db, dr, why) ? Left.CLOSED : Left.CLOSE_FAILED;
    }
    events.progress("cancel", "cancelling the deploy of " + label(dr) + " " + why);
    DeployRequest ended;
    try {
      client.deployRequests().cancel(db, dr.number());
      ended = poller.await(cancelWait(o.deployWait()), cancelled(db, dr));
    } catch (PlanetScaleCiException e) {
      events.warning("could not cancel the deploy of " + label(dr) + ": " + e.getMessage());
      return Left.CANCEL_FAILED;
    }
    if (ended.deploymentState().isDeployed()) {
      events.warning(label(dr) + " was deployed before its cancel took effect; it stays open");
      return Left.CANCEL_FAILED;
    }
    return close(db, ended, why) ? Left.WITHDRAWN : Left.CLOSE_FAILED;
  }

  /** Closes the request; a failure is a warning, and false. */
  boolean close(DatabaseRef db, DeployRequest dr, String why) {
    try {
      client.deployRequests().close(db, dr.number());
      events.progress("close", "closed " + label(dr) + " " + why);
      return true;
    } catch (ApiException e) {
      events.warning("could not close " + label(dr) + " " + why + ": " + e.getMessage());
      return false;
    }
  }

  /**
   * Closes a request this run is done with (previewed, or without changes). A failed close is tried
   * once more after reading the request back (the first answer may have been lost).
   *
   * @throws io.github.planetscaleci.core.error.WorkflowException when it stays open
   */
  DeployRequest closeDone(DatabaseRef db, DeployRequest dr, String why) {
    try {
      return client.deployRequests().close(db, dr.number());
    } catch (ApiException first) {
      try {
        DeployRequest now = client.deployRequests().get(db, dr.number());
        DeployRequest closed = now.isOpen() ? client.deployRequests().close(db, dr.number()) : now;
        events.warning(
            "closing "
                + label(dr)
                + " "
                + why
                + " failed once ("
                + first.getMessage()
                + ")"
                + "; it is closed now");
        return closed;
      } catch (ApiException second) {
        if (second != first) {
          first.addSuppressed(second);
        }
        throw DeployMessages.closeFailed(dr, why, first);
      }
    }
  }

  /** After a failure before any deploy: closes the request, adding a failed close to the cause. */
  void closeAfterFailure(DatabaseRef db, DeployRequest dr, RuntimeException cause) {
    Uninterrupted.run(
        () -> {
          try {
            client.deployRequests().close(db, dr.number());
            events.progress("cleanup", "closed " + label(dr) + " opened by this run");
          } catch (ApiException e) {
            if (e != cause) {
              cause.addSuppressed(e);
            }
            events.warning("could not close " + label(dr) + " after a failure: " + e.getMessage());
          }
        });
  }

  private Wait<DeployRequest> cancelled(DatabaseRef db, DeployRequest dr) {
    return new Wait<>(
        "cancel",
        "the deploy of " + label(dr) + " to be cancelled",
        () -> client.deployRequests().get(db, dr.number()),
        d ->
            !CANCELLABLE.contains(d.deploymentState())
                && d.deploymentState() != DeploymentState.IN_PROGRESS_CANCEL
                && d.deploymentState() != DeploymentState.IN_PROGRESS_CUTOVER
                && d.deploymentState() != DeploymentState.UNKNOWN,
        d -> "deployment state " + d.deploymentState().apiValue(),
        "cancel the deploy in PlanetScale" + DeployRequestFlow.link(dr));
  }

  private static WaitPolicy cancelWait(WaitPolicy deploy) {
    return new WaitPolicy(
        deploy.timeout().compareTo(MAX_CANCEL_WAIT) < 0 ? deploy.timeout() : MAX_CANCEL_WAIT,
        deploy.initialInterval(),
        deploy.maxInterval(),
        deploy.maxRequestsPerSecond());
  }
}
