package io.github.planetscaleci.action.github;

import java.util.OptionalInt;

/**
 * The two GitHub calls the action makes; behind an interface so commands that do not talk to GitHub
 * never load the GitHub client's classes.
 */
public interface PullRequests {
  /**
   * Creates the PR comment holding {@code marker}, or updates it in place.
   *
   * @return true if a comment was created or changed, false if it already had this body
   */
  boolean upsertComment(int number, String marker, String body);

  /** The merged pull request that introduced the commit, if any. */
  OptionalInt mergedPullRequestFor(String sha);
}
