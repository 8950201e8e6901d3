package io.github.planetscaleci.core.github;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kohsuke.github.GHPullRequest;

/** Finds the merged pull request that brought a pushed commit. */
final class MergeLookup {
  private MergeLookup() {}

  /**
   * {@code GET /repos/{o}/{r}/commits/{sha}} then {@code .../commits/{sha}/pulls} (every page).
   * Only merged PRs count; the one whose merge commit is {@code sha} wins, else the only merged
   * one.
   */
  static Optional<MergedPullRequest> find(Hub hub, String sha) throws IOException {
    List<GHPullRequest> merged = new ArrayList<>();
    for (GHPullRequest pr : hub.repository().getCommit(sha).listPullRequests().withPageSize(100)) {
      if (pr.getMergedAt() != null) { // read from the list JSON: no extra request
        merged.add(pr);
      }
    }
    for (GHPullRequest pr : merged) {
      // getMergeCommitSha() may refresh the PR (GET .../pulls/{n}): list items lack some fields
      if (sha.equalsIgnoreCase(pr.getMergeCommitSha())) {
        return Optional.of(of(pr, true));
      }
    }
    return merged.size() == 1 ? Optional.of(of(merged.get(0), false)) : Optional.empty();
  }

  private static MergedPullRequest of(GHPullRequest pr, boolean exact) throws IOException {
    return new MergedPullRequest(
        pr.getNumber(),
        pr.getTitle(),
        pr.getHtmlUrl() == null ? null : pr.getHtmlUrl().toString(),
        pr.getBase() == null ? null : pr.getBase().getRef(),
        pr.getMergeCommitSha(),
        exact);
  }
}
