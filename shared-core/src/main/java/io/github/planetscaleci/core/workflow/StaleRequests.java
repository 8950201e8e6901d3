package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.model.DeploymentState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The open deploy requests that keep a stale tool branch from the sweep: either the reason to keep
 * the branch, or, when {@link SweepOptions#closeStaleRequests()} allows it and every one of them is
 * a stale request this tool opened, their closing.
 */
final class StaleRequests {
  /** States in which no deploy is queued, running, held for its cutover or open to a revert. */
  private static final Set<DeploymentState> IDLE =
      EnumSet.of(
          DeploymentState.PENDING,
          DeploymentState.READY,
          DeploymentState.NO_CHANGES,
          DeploymentState.ERROR,
          DeploymentState.COMPLETE,
          DeploymentState.COMPLETE_ERROR,
          DeploymentState.COMPLETE_CANCEL,
          DeploymentState.CANCELLED,
          DeploymentState.COMPLETE_REVERT,
          DeploymentState.COMPLETE_REVERT_ERROR);

  private final PlanetScaleClient client;
  private final Events events;
  private final SweepOptions options;
  private final Instant cutoff;
  private final List<String> closed = new ArrayList<>();

  StaleRequests(PlanetScaleClient client, Events events, SweepOptions options, Instant cutoff) {
    this.client = client;
    this.events = events;
    this.options = options;
    this.cutoff = cutoff;
  }

  /** The requests closed so far (in a dry run: that would be closed). */
  List<String> closed() {
    return closed;
  }

  /**
   * Closes a branch's open requests if they may all be closed (in a dry run, only says so).
   *
   * @return null when none is left open, else why the branch is kept
   */
  String release(DatabaseRef db, List<DeployRequest> open) {
    List<DeployRequest> sorted =
        open.stream().sorted(Comparator.comparingInt(DeployRequest::number)).toList();
    if (!options.closeStaleRequests()) {
      return "open deploy request "
          + sorted.stream().map(d -> "#" + d.number()).collect(Collectors.joining(", "));
    }
    for (DeployRequest d : sorted) {
      String why = whyOpen(d);
      if (why != null) {
        return "open deploy request #" + d.number() + " (" + why + ")";
      }
    }
    for (DeployRequest d : sorted) {
      String label = "#" + d.number() + " (" + d.branch() + " -> " + d.intoBranch() + ")";
      if (options.dryRun()) {
        closed.add(label);
        events.info("would close stale deploy request " + label + ", opened by this tool");
        continue;
      }
      try {
        // The listing may be minutes old by now: decide again on the request as it is.
        DeployRequest now = client.deployRequests().get(db, d.number());
        if (!now.isOpen()) {
          continue;
        }
        String why = whyOpen(now);
        if (why != null) {
          return "open deploy request #" + d.number() + " (" + why + ", since the listing)";
        }
        client.deployRequests().close(db, d.number());
      } catch (ApiException e) {
        events.warning("could not close stale deploy request " + label + ": " + e.getMessage());
        return "closing deploy request #" + d.number() + " failed (" + e.code().id() + ")";
      }
      closed.add(label);
      events.info("closed stale deploy request " + label + ", opened by this tool");
    }
    return null;
  }

  /** Why the request must stay open, or null if the sweep may close it. */
  private String whyOpen(DeployRequest d) {
    if (!ToolNotes.isMarked(d.notes())) {
      return "not opened by this tool";
    }
    if (!IDLE.contains(d.deploymentState())) {
      return "its deploy is " + d.deploymentState().apiValue();
    }
    Instant last = lastChange(d);
    if (last == null) {
      return "its age is unknown";
    }
    if (last.isAfter(cutoff)) {
      return "changed " + last + ", younger than the limit";
    }
    return null;
  }

  private static Instant lastChange(DeployRequest d) {
    if (d.updatedAt() == null || d.createdAt() == null) {
      return d.updatedAt() == null ? d.createdAt() : d.updatedAt();
    }
    return d.updatedAt().isAfter(d.createdAt()) ? d.updatedAt() : d.createdAt();
  }
}
