package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.model.DatabaseRef;
import java.time.Duration;
import java.util.Objects;

/**
 * Which stale branches to delete: those named by this tool, older than {@code olderThan}, with no
 * open deploy request.
 *
 * @param dryRun list what would be deleted, delete nothing
 */
public record SweepOptions(DatabaseRef database, Duration olderThan, boolean dryRun) {
  public SweepOptions {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(olderThan, "olderThan");
  }
}
