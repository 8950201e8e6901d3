package io.github.planetscaleci.jenkins;

import hudson.AbortException;
import hudson.model.Run;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.github.GitHubSettings;
import io.github.planetscaleci.core.github.PullRequestReporter;
import io.github.planetscaleci.core.report.CommentMarker;

/**
 * The one sticky pull-request comment of {@code planetscaleDeployRequest}, when the step asked for
 * one ({@code githubCredentialsId} + {@code githubRepository}) and the build has a pull request.
 */
final class PullRequestComment {
  private final Run<?, ?> run;
  private final Host host;
  private final DeploySettings.GitHubTarget target;
  private final BuildLog log;

  /** {@code target} null: no comment was asked for, and every call does nothing. */
  PullRequestComment(Run<?, ?> run, Host host, DeploySettings.GitHubTarget target, BuildLog log) {
    this.run = run;
    this.host = host;
    this.target = target;
    this.log = log;
  }

  /**
   * Creates or updates the comment whose first line is {@code marker}. A failure of GitHub is a
   * warning in the log: the deploy request's own result decides the build.
   *
   * @throws AbortException when the GitHub token credential is missing or unusable
   */
  void post(CommentMarker marker, String body) throws AbortException {
    if (target == null) {
      return;
    }
    if (target.pullRequest() <= 0) {
      log.println("No pull request number (CHANGE_ID is unset): no GitHub comment posted.");
      return;
    }
    String token = host.gitHubToken(run, target.credentialsId());
    log.mask(token);
    try {
      new PullRequestReporter(GitHubSettings.of(target.apiUrl(), token, target.repository()))
          .upsertComment(target.pullRequest(), marker, body);
      log.println(
          "Commented on " + target.repository() + " pull request #" + target.pullRequest() + ".");
    } catch (PlanetScaleCiException e) {
      log.println("WARNING: the pull request comment failed: " + e.getMessage());
    }
  }

  /** Says in the log why an asked-for comment is not posted. */
  void skip(String why) {
    if (target != null && target.pullRequest() > 0) {
      log.println("WARNING: no pull request comment: " + why + ".");
    }
  }
}
