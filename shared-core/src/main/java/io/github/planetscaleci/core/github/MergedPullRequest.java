package io.github.planetscaleci.core.github;

/**
 * A merged pull request found for a pushed commit.
 *
 * @param mergeCommitSha the PR's merge commit, equal to the pushed commit when {@code exactMatch}
 * @param exactMatch true when the merge commit is the pushed commit (false: the only merged PR
 *     GitHub associates with it, e.g. after a rebase merge)
 */
public record MergedPullRequest(
    int number,
    String title,
    String htmlUrl,
    String baseBranch,
    String mergeCommitSha,
    boolean exactMatch) {}
