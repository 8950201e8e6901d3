package io.github.planetscaleci.action.command;

import io.github.planetscaleci.core.workflow.BranchLease;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a command produced: outputs (secret ones already masked by the time this exists), Markdown
 * for a summary, and a lease to persist for cleanup.
 *
 * @param summary Markdown without secrets, or null
 * @param lease the branch to close at job end, or null
 */
public record CommandResult(Map<Output, String> outputs, String summary, BranchLease lease) {
  public CommandResult {
    outputs = Collections.unmodifiableMap(new EnumMap<>(outputs));
  }

  /** A result with no outputs, used when a command had nothing to do. */
  public static CommandResult empty(String summary) {
    return new CommandResult(new EnumMap<>(Output.class), summary, null);
  }
}
