package io.github.planetscaleci.action.runner;

import io.github.planetscaleci.action.command.CommandResult;
import io.github.planetscaleci.action.command.DeployRequestCommand;
import io.github.planetscaleci.action.command.Option;
import io.github.planetscaleci.action.command.Options;
import io.github.planetscaleci.action.command.Session;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.event.DeployTargetRecorder;
import io.github.planetscaleci.core.event.WorkflowListener;
import io.github.planetscaleci.core.github.GitHubSettings;
import io.github.planetscaleci.core.github.MergedPullRequest;
import io.github.planetscaleci.core.github.PullRequestReporter;
import io.github.planetscaleci.core.github.StickyComment;
import io.github.planetscaleci.core.report.CommentMarker;
import io.github.planetscaleci.core.report.MarkdownReport;
import io.github.planetscaleci.core.report.ReportContext;
import io.github.planetscaleci.core.workflow.DeployMode;
import io.github.planetscaleci.core.workflow.DeployRequestOutcome;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code deploy-request} command in a workflow run: picks preview or deploy from the event and
 * the {@code deploy} input, runs it, and reports into the job summary and the sticky PR comment.
 */
final class DeployStep {
  private final Options options;
  private final GitHubEvent event;
  private final WorkflowCommands log;
  private final WorkflowListener listener;
  private final Map<String, String> env;

  DeployStep(
      Options options,
      GitHubEvent event,
      WorkflowCommands log,
      WorkflowListener listener,
      Map<String, String> env) {
    this.options = options;
    this.event = event;
    this.log = log;
    this.listener = listener;
    this.env = env;
  }

  int run(ActionRunner runner) {
    if (event.isClosedUnmerged()) {
      log.notice(
          "Pull request #"
              + event.pullRequest()
              + " was closed without merging: nothing to deploy.");
      return 0;
    }
    DeployMode mode = mode();
    String branch = runner.branch(options, event);
    log.log(
        (mode == DeployMode.DEPLOY ? "deploying" : "previewing")
            + " branch "
            + branch
            + (mode == DeployMode.DEPLOY && event.isMerge() ? " (merge detected)" : ""));
    DeployTargetRecorder target = new DeployTargetRecorder(listener);
    try (Session session = Session.open(options, target, "github-action")) {
      ReportContext context = new ReportContext(session.database(), runUrl(), null);
      DeployRequestOutcome outcome;
      try {
        outcome = DeployRequestCommand.run(options, session, branch, mode, notes());
      } catch (PlanetScaleCiException e) {
        reportFailure(context, mode, branch, target.intoBranch(options.get(Option.INTO)), e);
        throw e; // the runner turns it into the ::error:: annotation and the exit code
      }
      runner.finish(
          new CommandResult(
              DeployRequestCommand.outputs(outcome),
              MarkdownReport.summary(context, outcome),
              null));
      comment(
          MarkdownReport.markerFor(context, outcome),
          MarkdownReport.pullRequestComment(context, outcome));
    }
    return 0;
  }

  /**
   * A failed run (a gate refused, the deploy failed, a wait timed out) is reported where a success
   * would be: the job summary and the sticky comment. Neither may hide the failure itself, so a
   * problem writing them is only a warning and the caller rethrows the original error.
   */
  private void reportFailure(
      ReportContext context,
      DeployMode mode,
      String branch,
      String into,
      PlanetScaleCiException failure) {
    String summaryFile = env.get("GITHUB_STEP_SUMMARY");
    if (summaryFile != null && !summaryFile.isEmpty()) {
      try {
        FileCommands.appendSummary(
            Path.of(summaryFile),
            MarkdownReport.deployFailure(context, mode, branch, into, failure));
      } catch (RuntimeException e) {
        log.warning("Could not write the job summary: " + e.getMessage());
      }
    }
    if (into == null) {
      if (!options.flag(Option.COMMENT) || options.get(Option.GITHUB_TOKEN) == null) {
        return; // no comment was wanted or possible: nothing to say about it
      }
      log.warning(
          "No pull request comment: the run failed before the target branch of its deploy request"
              + " was known.");
      return;
    }
    try {
      comment(
          MarkdownReport.markerFor(context, into),
          MarkdownReport.pullRequestFailureComment(context, mode, branch, into, failure));
    } catch (RuntimeException e) {
      log.warning(
          "Could not comment on the pull request: "
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage());
    }
  }

  private DeployMode mode() {
    return switch (options.deployPolicy()) {
      case ALWAYS -> DeployMode.DEPLOY;
      case NEVER -> DeployMode.PREVIEW;
      case AUTO -> event.isMerge() ? DeployMode.DEPLOY : DeployMode.PREVIEW;
    };
  }

  private String notes() {
    String url = runUrl();
    return "Opened by planetscale-ci for " + event.describe() + (url == null ? "" : ": " + url);
  }

  private String runUrl() {
    if (event.repository().isEmpty() || event.runId().isEmpty()) {
      return null;
    }
    String server = env.getOrDefault("GITHUB_SERVER_URL", "https://github.com");
    return server + "/" + event.repository() + "/actions/runs/" + event.runId();
  }

  /** Comment failures are warnings: the schema work is done and reported in the summary. */
  private void comment(CommentMarker marker, String body) {
    if (!options.flag(Option.COMMENT)) {
      return;
    }
    String token = options.get(Option.GITHUB_TOKEN);
    if (token == null) {
      log.warning("No github-token: the pull request comment is skipped.");
      return;
    }
    try {
      // Constructed only here: runs that do not comment never load the GitHub client.
      PullRequestReporter github =
          new PullRequestReporter(
              GitHubSettings.of(env.get("GITHUB_API_URL"), token, event.repository()));
      int number = event.pullRequest();
      if (number == 0 && event.isPushToDefaultBranch() && !event.sha().isEmpty()) {
        Optional<MergedPullRequest> merged = github.findMergedPullRequest(event.sha());
        if (merged.isEmpty()) {
          log.log("no merged pull request introduced " + event.sha() + "; no comment.");
          return;
        }
        number = merged.get().number();
      }
      if (number == 0) {
        return;
      }
      StickyComment c = github.upsertComment(number, marker, body);
      log.log(
          "pull request #"
              + number
              + " comment "
              + c.action().name().toLowerCase(java.util.Locale.ROOT)
              + (c.htmlUrl() == null ? "" : ": " + c.htmlUrl()));
    } catch (PlanetScaleCiException e) {
      String why = e.getMessage();
      log.warning(
          "Could not comment on the pull request: "
              + why
              + (why.endsWith(".") ? "" : ".")
              + " If the token lacks permission, grant `pull-requests: write`.");
    }
  }
}
