package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.model.DatabaseRef;
import java.time.Duration;
import java.util.Objects;

/**
 * Which stale branches to delete: those this tool named (see {@link
 * io.github.planetscaleci.core.naming.BranchNames#isToolBranch}), older than {@code olderThan}, and
 * with no open deploy request.
 *
 * @param dryRun list what would be deleted (and closed), delete and close nothing
 * @param closeStaleRequests off by default. When on, a branch whose only open deploy requests are
 *     stale ones this tool opened is not kept for them: those requests are closed, then the branch
 *     is deleted. A request counts only if its notes carry this tool's mark ("Opened by
 *     planetscale-ci", written on every request it opens), no deploy of it is queued, running,
 *     waiting for its cutover or in its revert window, and it has not changed for {@code
 *     olderThan}. A request a person opened is never closed. Off by default because a preview left
 *     open on purpose (e.g. Jenkins {@code keepOpen}) looks the same as one a killed job left.
 */
public record SweepOptions(
    DatabaseRef database, Duration olderThan, boolean dryRun, boolean closeStaleRequests) {
  public SweepOptions {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(olderThan, "olderThan");
  }

  /** A sweep that keeps every branch with an open deploy request. */
  public SweepOptions(DatabaseRef database, Duration olderThan, boolean dryRun) {
    this(database, olderThan, dryRun, false);
  }

  /** These options with stale deploy requests this tool opened closed ({@code true}) or kept. */
  public SweepOptions withCloseStaleRequests(boolean close) {
    return new SweepOptions(database, olderThan, dryRun, close);
  }
}
