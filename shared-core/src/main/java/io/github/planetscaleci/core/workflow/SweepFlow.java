package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.client.DeployRequestFilter;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.model.Branch;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.naming.BranchNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Deletes this tool's stale branches: named in one of the shapes it generates ({@link
 * BranchNames#isToolBranch}; a name that merely starts with {@code ci-} is a person's), older than
 * the limit, not production, not the default branch, and with no open deploy request. A failed
 * delete is reported and the sweep goes on.
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
    String defaultBranch = client.databases().get(db).defaultBranch();
    List<Branch> branches = client.branches().list(db);
    Map<String, List<Integer>> openRequests =
        client.deployRequests().list(db, DeployRequestFilter.open(null, null)).stream()
            .filter(DeployRequest::isOpen)
            .collect(
                Collectors.groupingBy(
                    DeployRequest::branch,
                    Collectors.mapping(DeployRequest::number, Collectors.toList())));
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
    List<String> deleted = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (Branch b : branches) {
      if (!BranchNames.isToolBranch(b.name())) {
        continue;
      }
      String reason = keepReason(b, defaultBranch, cutoff, openRequests);
      if (reason != null) {
        kept.add(b.name() + ": " + reason);
        events.info("keeping " + b.name() + ": " + reason);
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
            + kept.size());
    return new SweepResult(o.dryRun(), deleted, kept);
  }

  private static String keepReason(
      Branch b, String defaultBranch, Instant cutoff, Map<String, List<Integer>> openRequests) {
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
    List<Integer> open = openRequests.get(b.name());
    if (open != null) {
      return "open deploy request #"
          + open.stream().map(String::valueOf).collect(Collectors.joining(", #"));
    }
    return null;
  }

  private void delete(DatabaseRef db, Branch b, List<String> deleted, List<String> kept) {
    try {
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
