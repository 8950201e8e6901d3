package io.github.planetscaleci.core.workflow;

import static io.github.planetscaleci.core.workflow.DeployMessages.label;

import io.github.planetscaleci.core.client.CreateDeployRequest;
import io.github.planetscaleci.core.client.DeployRequestFilter;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.event.WorkflowEvent;
import io.github.planetscaleci.core.model.Branch;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.model.DeploymentState;
import io.github.planetscaleci.core.naming.BranchNames;
import java.util.Comparator;

/**
 * Opens (or reuses) a deploy request, waits for its diff, then previews it or hands it to the
 * {@link DeployRunner}. A request this run opened is closed again if anything fails before a deploy
 * was attempted, and also when a gate (lint, data loss) or its state (checks ended in error, not
 * deployable) refuses it, or its deploy fails; a request opened before this run is never closed.
 */
final class DeployRequestFlow {
  private final PlanetScaleClient client;
  private final Events events;
  private final Poller poller;

  DeployRequestFlow(PlanetScaleClient client, Events events, Poller poller) {
    this.client = client;
    this.events = events;
    this.poller = poller;
  }

  DeployRequestOutcome run(DeployRequestOptions o) {
    BranchNames.validate(o.branch(), "branch name");
    if (o.intoBranch() != null) {
      BranchNames.validate(o.intoBranch(), "target branch");
    }
    DatabaseRef db = o.database();
    Branch branch = client.branches().get(db, o.branch());
    String into = o.intoBranch() != null ? o.intoBranch() : defaultTarget(db, branch);
    if (into.equals(o.branch())) {
      throw new ConfigurationException(
          "branch " + o.branch() + " cannot be deployed into itself: name another target branch");
    }
    events.deployTarget(db, o.branch(), into);
    DeployRequest existing =
        client.deployRequests().list(db, DeployRequestFilter.open(o.branch(), into)).stream()
            .filter(d -> d.isOpen() && o.branch().equals(d.branch()) && into.equals(d.intoBranch()))
            .max(Comparator.comparingInt(DeployRequest::number))
            .orElse(null);
    boolean created = existing == null;
    DeployRequest dr = created ? create(db, o, into) : existing;
    events.info((created ? "opened " : "reusing open ") + label(dr) + link(dr));
    boolean handedOff = false;
    RequestCleanup cleanup = new RequestCleanup(client, events, poller);
    try {
      if (dr.deploymentState() == DeploymentState.PENDING
          || dr.deploymentState() == DeploymentState.UNKNOWN) {
        dr = poller.await(o.diffWait(), diffWait(db, dr));
      }
      DeploymentState state = dr.deploymentState();
      events.progress("diff", label(dr) + " is " + state.apiValue());
      if (state == DeploymentState.NO_CHANGES) {
        handedOff = true;
        if (!created) {
          events.info(
              label(dr)
                  + " has no schema changes; it was opened before this run, so it stays open");
          return outcome(o, dr, false, DeployFacts.NONE, state, false, false);
        }
        events.info(label(dr) + " has no schema changes; closing it");
        DeployRequest closed = cleanup.closeDone(db, dr, "since it has no schema changes");
        return outcome(o, closed, true, DeployFacts.NONE, state, false, true);
      }
      DeployFacts facts = DeployFacts.gather(client, db, dr);
      if (facts.canDropData()) {
        events.warning(
            label(dr) + " can drop data: " + String.join("; ", facts.dataLossOperations()));
      }
      handedOff = true;
      if (o.mode() == DeployMode.PREVIEW) {
        return preview(o, dr, created, facts, cleanup);
      }
      return new DeployRunner(client, events, poller).deploy(o, dr, created, facts);
    } catch (RuntimeException e) {
      if (created && !handedOff) {
        cleanup.closeAfterFailure(db, dr, e);
      }
      throw e;
    }
  }

  private DeployRequestOutcome preview(
      DeployRequestOptions o,
      DeployRequest dr,
      boolean created,
      DeployFacts facts,
      RequestCleanup cleanup) {
    DeploymentState state = dr.deploymentState();
    boolean idle = state == DeploymentState.READY || state == DeploymentState.ERROR;
    if (o.closeAfterPreview() && created && idle) {
      DeployRequest closed = cleanup.closeDone(o.database(), dr, "after the preview");
      events.progress("close", "closed " + label(dr) + " after the preview");
      return outcome(o, closed, true, facts, state, false, true);
    }
    if (o.closeAfterPreview() && !created) {
      events.info(label(dr) + " was opened before this run, so the preview leaves it open");
    }
    return outcome(o, dr, created, facts, state, state.isDeployed(), false);
  }

  private DeployRequest create(DatabaseRef db, DeployRequestOptions o, String into) {
    events.progress("deploy-request", "opening a deploy request " + o.branch() + " -> " + into);
    Boolean autoCutover = o.gated() ? Boolean.FALSE : Boolean.TRUE;
    DeployRequest dr =
        client
            .deployRequests()
            .create(
                db,
                new CreateDeployRequest(
                    o.branch(), into, ToolNotes.withMark(o.notes()), autoCutover));
    events.created(
        WorkflowEvent.CreatedResource.DEPLOY_REQUEST,
        db,
        o.branch(),
        Integer.toString(dr.number()));
    return dr;
  }

  private String defaultTarget(DatabaseRef db, Branch branch) {
    if (branch.parentBranch() != null && !branch.parentBranch().isBlank()) {
      return branch.parentBranch();
    }
    return client.databases().get(db).defaultBranch();
  }

  private Wait<DeployRequest> diffWait(DatabaseRef db, DeployRequest dr) {
    return new Wait<>(
        "wait-diff",
        "the diff of " + label(dr) + " to be computed",
        () -> client.deployRequests().get(db, dr.number()),
        d ->
            d.deploymentState() != DeploymentState.PENDING
                && d.deploymentState() != DeploymentState.UNKNOWN,
        d -> "deployment state " + d.deploymentState().apiValue(),
        "raise the diff wait timeout if this schema is large, or check the deploy request in"
            + " PlanetScale"
            + link(dr));
  }

  static DeployRequestOutcome outcome(
      DeployRequestOptions o,
      DeployRequest dr,
      boolean created,
      DeployFacts facts,
      DeploymentState state,
      boolean deployed,
      boolean closed) {
    return new DeployRequestOutcome(
        o.mode(),
        dr,
        created,
        facts.diff(),
        facts.lintErrors(),
        facts.operations(),
        facts.canDropData(),
        state,
        deployed,
        closed);
  }

  static String link(DeployRequest dr) {
    return dr.htmlUrl() == null ? "" : " " + dr.htmlUrl();
  }
}
