package io.github.planetscaleci.core.workflow;

import java.util.List;

/**
 * What a sweep found.
 *
 * @param deleted branches deleted (or, in a dry run, that would be deleted)
 * @param kept tool branches left in place, each with its reason
 */
public record SweepResult(boolean dryRun, List<String> deleted, List<String> kept) {
  public SweepResult {
    deleted = List.copyOf(deleted);
    kept = List.copyOf(kept);
  }
}
