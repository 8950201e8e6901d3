package io.github.planetscaleci.action.runner;

import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.naming.BranchName;
import io.github.planetscaleci.core.naming.BranchNames;

/**
 * Derives the branch name from the event when the {@code branch} input is empty, through core's
 * naming rules (so the sweep recognises the names and re-run attempts never collide).
 */
final class BranchNaming {
  private BranchNaming() {}

  /** E.g. {@code ci-pr-12-r777-a1} for a pull request, {@code ci-gh-main-r777-a1} for a push. */
  static BranchName derive(GitHubEvent e) {
    long runId;
    try {
      runId = Long.parseLong(e.runId());
    } catch (NumberFormatException ex) {
      throw new ConfigurationException(
          "cannot derive a branch name: GITHUB_RUN_ID is not set; set the `branch` input.");
    }
    if (e.pullRequest() > 0) {
      return BranchNames.forPullRequest(e.pullRequest(), runId, e.runAttempt());
    }
    if (e.ref().isEmpty()) {
      throw new ConfigurationException(
          "cannot derive a branch name: GITHUB_REF is not set; set the `branch` input.");
    }
    return BranchNames.forGitHubRun(e.ref(), runId, e.runAttempt());
  }
}
