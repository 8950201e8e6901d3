package io.github.planetscaleci.action.github;

import io.github.planetscaleci.core.error.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalInt;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;

/**
 * {@link PullRequests} over hub4j's github-api. Interim: core's github package replaces it once
 * landed.
 */
public final class Hub4jPullRequests implements PullRequests {
  /** The login of {@code GITHUB_TOKEN}; {@code GET /user} answers 403 to that token. */
  static final String ACTIONS_BOT = "github-actions[bot]";

  private final GitHub github;
  private final String repository;
  private GHRepository repo;

  private Hub4jPullRequests(GitHub github, String repository) {
    this.github = github;
    this.repository = repository;
  }

  /** Connects to {@code apiUrl} (GITHUB_API_URL, so GHES works) with the token; no call yet. */
  public static PullRequests connect(String apiUrl, String token, String repository) {
    if (repository == null || !repository.contains("/")) {
      throw new ConfigurationException("GITHUB_REPOSITORY is not set to owner/name");
    }
    try {
      return new Hub4jPullRequests(
          new GitHubBuilder().withEndpoint(apiUrl).withOAuthToken(token).build(), repository);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean upsertComment(int number, String marker, String body) {
    String full = body + "\n" + marker + "\n";
    try {
      GHIssue issue = repo().getIssue(number);
      String me = myLogin();
      // Match on the body and the login in the comment JSON; getUser() would cost a request each.
      for (GHIssueComment c : issue.listComments()) {
        if (c.getBody() != null && c.getBody().contains(marker) && me.equals(c.getUserName())) {
          if (c.getBody().equals(full)) {
            return false;
          }
          c.update(full);
          return true;
        }
      }
      issue.comment(full);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public OptionalInt mergedPullRequestFor(String sha) {
    try {
      for (GHPullRequest pr : repo().getCommit(sha).listPullRequests()) {
        if (pr.getMergedAt() != null) {
          return OptionalInt.of(pr.getNumber());
        }
      }
      return OptionalInt.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private GHRepository repo() throws IOException {
    if (repo == null) {
      repo = github.getRepository(repository);
    }
    return repo;
  }

  private String myLogin() {
    try {
      return github.getMyself().getLogin();
    } catch (IOException e) {
      return ACTIONS_BOT;
    }
  }
}
