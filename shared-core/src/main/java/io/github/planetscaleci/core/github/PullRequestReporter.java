package io.github.planetscaleci.core.github;

import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.report.CommentMarker;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Talks to GitHub for the reports: the sticky pull-request comment, the merged pull request of a
 * push, commit statuses.
 *
 * <p>Constructing one makes no request and loads no GitHub client: that happens on the first method
 * call. Failures are {@link PlanetScaleCiException}s whose messages never hold the token. Not
 * thread-safe.
 */
public final class PullRequestReporter {
  /** GitHub rejects comment bodies longer than this. */
  public static final int MAX_COMMENT_CHARS = 65_536;

  private final GitHubSettings settings;
  private Hub hub;

  public PullRequestReporter(GitHubSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Updates the one comment on pull request {@code number} whose first line is {@code marker}
   * (reading every page of comments), or posts it when there is none; {@code body} gets the marker
   * as first line if it lacks it. Only comments by the configured {@link
   * GitHubSettings#commentAuthor()} (else the token's own login, or a bot login when GitHub will
   * not tell it) are updated.
   */
  public StickyComment upsertComment(int number, String marker, String body) {
    if (number <= 0) {
      throw new ConfigurationException("pull request number must be positive, got " + number);
    }
    if (marker == null || marker.isBlank() || marker.contains("\n")) {
      throw new IllegalArgumentException("marker must be one non-blank line");
    }
    Objects.requireNonNull(body, "body");
    if (body.length() + marker.length() + 1 > MAX_COMMENT_CHARS) {
      throw new IllegalArgumentException(
          "comment body of " + body.length() + " characters exceeds GitHub's limit");
    }
    String action = "updating the comment on pull request #" + number + " in " + repo();
    return call(action, h -> CommentUpsert.upsert(h, number, marker, body));
  }

  /** {@link #upsertComment(int, String, String)} with a report's marker. */
  public StickyComment upsertComment(int number, CommentMarker marker, String body) {
    return upsertComment(number, marker.line(), body);
  }

  /**
   * The merged pull request that brought {@code commitSha} (for a push to the default branch): the
   * merged one whose merge commit is {@code commitSha}, else the only merged one, else empty.
   */
  public Optional<MergedPullRequest> findMergedPullRequest(String commitSha) {
    String sha = checkSha(commitSha);
    return call(
        "finding the pull request of commit " + sha + " in " + repo(),
        h -> MergeLookup.find(h, sha));
  }

  /**
   * Sets a commit status; {@code description} is cut to GitHub's 140 characters and {@code
   * targetUrl} is dropped unless it is http(s).
   */
  public void setCommitStatus(
      String commitSha, CommitState state, String targetUrl, String description, String context) {
    String sha = checkSha(commitSha);
    Objects.requireNonNull(state, "state");
    String url = targetUrl != null && targetUrl.matches("https?://\\S+") ? targetUrl : null;
    String desc =
        description == null || description.length() <= 140
            ? description
            : description.substring(0, 139) + "…";
    String ctx = context == null || context.isBlank() ? "planetscale-ci" : context;
    call(
        "setting the status of commit " + sha + " in " + repo(),
        h -> {
          h.createCommitStatus(sha, state, url, desc, ctx);
          return null;
        });
  }

  @Override
  public String toString() {
    return "PullRequestReporter[" + settings + "]";
  }

  private String repo() {
    return settings.repository();
  }

  private static String checkSha(String sha) {
    if (sha == null || !sha.matches("[0-9a-fA-F]{7,40}")) {
      throw new ConfigurationException(
          "'" + sha + "' is not a commit SHA (7 to 40 hexadecimal characters)");
    }
    return sha;
  }

  private <T> T call(String action, HubCall<T> body) {
    try {
      if (hub == null) {
        hub = Hub.connect(settings);
      }
      return body.run(hub);
    } catch (IOException e) {
      throw GitHubErrors.map(e, action, settings.token());
    }
  }

  /** One step against GitHub that may fail with hub4j's IOException. */
  private interface HubCall<T> {
    T run(Hub hub) throws IOException;
  }
}
