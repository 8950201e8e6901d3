package io.github.planetscaleci.core.workflow;

import java.util.List;

/**
 * What a sweep found.
 *
 * @param deleted branches deleted (or, in a dry run, that would be deleted)
 * @param kept tool branches left in place, each with its reason
 * @param closedRequests stale deploy requests this tool opened that were closed (or, in a dry run,
 *     would be), e.g. {@code #3 (ci-pr-1-r1-a1 -> main)}; empty unless {@link
 *     SweepOptions#closeStaleRequests()}
 */
public record SweepResult(
    boolean dryRun, List<String> deleted, List<String> kept, List<String> closedRequests) {
  public SweepResult {
    deleted = List.copyOf(deleted);
    kept = List.copyOf(kept);
    closedRequests = List.copyOf(closedRequests);
  }

  /** A result in which no deploy request was closed. */
  public SweepResult(boolean dryRun, List<String> deleted, List<String> kept) {
    this(dryRun, deleted, kept, List.of());
  }
}
