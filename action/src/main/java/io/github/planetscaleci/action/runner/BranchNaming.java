package io.github.planetscaleci.action.runner;

import io.github.planetscaleci.core.error.ConfigurationException;

/**
 * Derives the branch name from the event when the {@code branch} input is empty. Interim: core's
 * naming package replaces it once landed, so that sweep recognises the names.
 */
final class BranchNaming {
  private BranchNaming() {}

  /** {@code pr-<n>-<run id>-<attempt>} for a pull request, else {@code ci-<run id>-<attempt>}. */
  static String derive(GitHubEvent e) {
    if (e.runId().isEmpty() || !e.runId().chars().allMatch(Character::isDigit)) {
      throw new ConfigurationException(
          "cannot derive a branch name: GITHUB_RUN_ID is not set; set the `branch` input.");
    }
    String base = "ci-" + e.runId() + "-" + e.runAttempt();
    return e.pullRequest() > 0
        ? "pr-" + e.pullRequest() + "-" + e.runId() + "-" + e.runAttempt()
        : base;
  }
}
