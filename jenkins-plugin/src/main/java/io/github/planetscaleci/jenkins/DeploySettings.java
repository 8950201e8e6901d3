package io.github.planetscaleci.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.workflow.DeployRequestOptions;
import io.github.planetscaleci.core.workflow.WaitPolicy;
import java.time.Duration;

/**
 * The validated arguments of {@code planetscaleDeployRequest}: the step's own values first, then
 * the enclosing {@code withPlanetScaleBranch} (for the same database), then the global defaults.
 */
final class DeploySettings {
  final String organization;
  final String database;
  final String credentialsId;
  final String apiUrl;
  final String branch;
  final String into;
  final Duration waitTimeout;

  /** Null when no PR comment is wanted. */
  final GitHubTarget gitHub;

  /** Where to comment: the token's credentials id, the repository and the pull request. */
  record GitHubTarget(String credentialsId, String repository, String apiUrl, int pullRequest) {}

  private DeploySettings(
      PlanetScaleDeployRequestStep s, ActiveBranch active, Host.Defaults d, EnvVars env)
      throws AbortException {
    ActiveBranch a = sameDatabase(s, active) ? active : null;
    database = s.getDatabase() != null ? s.getDatabase() : a == null ? null : a.getDatabase();
    if (database == null) {
      throw Failures.configuration(
          "database is required: call planetscaleDeployRequest inside withPlanetScaleBranch { }"
              + " or pass database: 'app'");
    }
    organization =
        Args.required(
            s.getOrganization(),
            a != null ? a.getOrganization() : d.organization(),
            "organization",
            "acme");
    credentialsId =
        Args.required(
            s.getCredentialsId(),
            a != null ? a.getCredentialsId() : d.credentialsId(),
            "credentialsId",
            "planetscale");
    apiUrl = Args.apiUrl(s.getApiUrl(), a != null ? a.getApiUrl() : d.apiUrl());
    String b = s.getBranch() != null ? s.getBranch() : a == null ? null : a.getBranch();
    if (b == null) {
      throw Failures.configuration(
          "no branch to deploy: call planetscaleDeployRequest inside withPlanetScaleBranch { }"
              + " or pass branch: 'my-branch'");
    }
    branch = Args.branch(b, "branch name");
    into = Args.branch(s.getInto(), "target branch");
    waitTimeout = Durations.parse(s.getWaitTimeout(), "waitTimeout");
    gitHub = gitHub(s, env);
  }

  static DeploySettings of(
      PlanetScaleDeployRequestStep step, ActiveBranch active, Host.Defaults d, EnvVars env)
      throws AbortException {
    return new DeploySettings(step, active, d, env);
  }

  private static boolean sameDatabase(PlanetScaleDeployRequestStep s, ActiveBranch a) {
    return a != null
        && (s.getDatabase() == null || s.getDatabase().equals(a.getDatabase()))
        && (s.getOrganization() == null || s.getOrganization().equals(a.getOrganization()));
  }

  private static GitHubTarget gitHub(PlanetScaleDeployRequestStep s, EnvVars env)
      throws AbortException {
    if (s.getGithubCredentialsId() == null) {
      return null;
    }
    String repo = s.getGithubRepository();
    if (repo == null) {
      throw Failures.configuration(
          "githubRepository is required with githubCredentialsId: pass githubRepository:"
              + " 'owner/name'");
    }
    int pr = s.getPullRequest();
    String changeId = env == null ? null : Args.clean(env.get("CHANGE_ID"));
    if (pr <= 0 && changeId != null) {
      try {
        pr = Integer.parseInt(changeId);
      } catch (NumberFormatException e) {
        pr = 0; // not a GitHub pull request (e.g. a Gerrit change): no comment
      }
    }
    return new GitHubTarget(
        s.getGithubCredentialsId(), repo, Args.githubApiUrl(s.getGithubApiUrl()), pr);
  }

  DatabaseRef databaseRef() {
    return new DatabaseRef(organization, database);
  }

  DeployRequestOptions options(PlanetScaleDeployRequestStep s) {
    DeployRequestOptions base =
        s.isDeploy()
            ? DeployRequestOptions.deploy(databaseRef(), branch)
            : DeployRequestOptions.preview(databaseRef(), branch)
                .withCloseAfterPreview(!s.isKeepOpen());
    if (s.isGated()) {
      base = base.withGatedCutover(s.isApplyCutover());
    }
    return base.withInto(into)
        .withAllowDataLoss(s.isAllowDataLoss())
        .withSkipRevert(s.isSkipRevert())
        .withWaits(null, waitTimeout == null ? null : WaitPolicy.withTimeout(waitTimeout));
  }
}
