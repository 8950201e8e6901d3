package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.client.DeployRequestFilter;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.error.WorkflowException;
import io.github.planetscaleci.core.model.Branch;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.naming.BranchNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Deletes this tool's stale branches: named in one of the shapes it generates ({@link
 * BranchNames#isToolBranch}; a name that merely starts with {@code ci-} is a person's), older than
 * the limit, not production, not the default branch, and with no open deploy request (or, when
 * asked, only stale ones this tool opened, which are closed first: see {@link SweepOptions}). A
 * failed close or delete is reported and the sweep goes on; a failed listing stops it before
 * anything is deleted. Each decision is checked again right before it is acted on (a request is
 * re-read before it is closed, a branch's open requests are listed again before it is deleted),
 * because the first listing may be minutes old by then.
 */
final class SweepFlow {
  private final PlanetScaleClient client;
  private final Events events;
  private final WaitClock clock;

  SweepFlow(PlanetScaleClient client, Events events, WaitClock clock) {
    this.client = client;
    this.events = events;
    this.clock = clock;
  }

  SweepResult run(SweepOptions o) {
    if (o.olderThan().isNegative()) {
      throw new ConfigurationException(
          "the sweep age must not be negative, got " + o.olderThan() + "; use e.g. 24h");
    }
    DatabaseRef db = o.database();
    String defaultBranch =
        listing(db, "read the database (for its default branch)", () -> client.databases().get(db))
            .defaultBranch();
    List<Branch> branches = listing(db, "list its branches", () -> client.branches().list(db));
    Map<String, List<DeployRequest>> openRequests =
        listing(
                db,
                "list its open deploy requests (a branch with one is never deleted unchecked)",
                () -> client.deployRequests().list(db, DeployRequestFilter.open(null, null)))
            .stream()
            .filter(DeployRequest::isOpen)
            .collect(Collectors.groupingBy(DeployRequest::branch));
    Instant cutoff = clock.now().minus(o.olderThan());
    events.progress(
        "sweep",
        (o.dryRun() ? "dry run: " : "")
            + "looking for branches this tool named (ci-pr-<n>-r<run>-a<attempt>,"
            + " ci-gh-<ref>-r<run>-a<attempt>, ci-jenkins-<job>-b<build>) older than "
            + Poller.human(o.olderThan())
            + " among "
            + branches.size()
            + " branches of "
            + db);
    StaleRequests stale = new StaleRequests(client, events, o, cutoff);
    List<String> deleted = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (Branch b : branches) {
      if (!BranchNames.isToolBranch(b.name())) {
        continue;
      }
      List<DeployRequest> open = openRequests.getOrDefault(b.name(), List.of());
      String reason = keepReason(b, defaultBranch, cutoff);
      if (reason == null && !open.isEmpty()) {
        reason = stale.release(db, open);
      }
      if (reason != null) {
        keep(kept, b, reason);
      } else if (o.dryRun()) {
        deleted.add(b.name());
        events.info("would delete " + b.name() + " (created " + b.createdAt() + ")");
      } else {
        delete(db, b, deleted, kept);
      }
    }
    events.info(
        (o.dryRun() ? "dry run: would delete " : "deleted ")
            + deleted.size()
            + " stale branches, kept "
            + kept.size()
            + (stale.closed().isEmpty()
                ? ""
                : (o.dryRun() ? ", would close " : ", closed ")
                    + stale.closed().size()
                    + " stale deploy requests"));
    return new SweepResult(o.dryRun(), deleted, kept, stale.closed());
  }

  /** A listing the sweep needs before it may delete anything; a failure stops it at once. */
  private static <T> T listing(DatabaseRef db, String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (ApiException e) {
      throw new WorkflowException(
          e.code(),
          "the sweep of "
              + db
              + " could not "
              + what
              + ": "
              + DeployMessages.clause(e.getMessage())
              + ". Nothing was deleted or closed; run the sweep again once the API answers",
          e);
    }
  }

  private static String keepReason(Branch b, String defaultBranch, Instant cutoff) {
    if (b.production()) {
      return "production branch";
    }
    if (b.name().equals(defaultBranch)) {
      return "default branch";
    }
    if (b.createdAt() == null) {
      return "creation time unknown";
    }
    if (b.createdAt().isAfter(cutoff)) {
      return "younger than the limit (created " + b.createdAt() + ")";
    }
    return null;
  }

  private void keep(List<String> kept, Branch b, String reason) {
    kept.add(b.name() + ": " + reason);
    events.info("keeping " + b.name() + ": " + reason);
  }

  private void delete(DatabaseRef db, Branch b, List<String> deleted, List<String> kept) {
    try {
      // The listing of open requests may be minutes old: one opened since keeps the branch.
      List<DeployRequest> openNow =
          client.deployRequests().list(db, DeployRequestFilter.open(b.name(), null)).stream()
              .filter(d -> d.isOpen() && b.name().equals(d.branch()))
              .toList();
      if (!openNow.isEmpty()) {
        keep(kept, b, "deploy request #" + openNow.get(0).number() + " opened during the sweep");
        return;
      }
      client.branches().delete(db, b.name());
      deleted.add(b.name());
      events.info("deleted " + b.name() + " (created " + b.createdAt() + ")");
    } catch (ApiException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        events.info(b.name() + " was already deleted");
        return;
      }
      kept.add(b.name() + ": delete failed (" + e.code().id() + ")");
      events.warning("could not delete " + b.name() + ": " + e.getMessage());
    }
  }
}
