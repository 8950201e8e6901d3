package io.github.planetscaleci.action.runner;

import io.github.planetscaleci.action.command.CommandResult;
import io.github.planetscaleci.action.command.DeployRequestCommand;
import io.github.planetscaleci.action.command.Option;
import io.github.planetscaleci.action.command.Options;
import io.github.planetscaleci.action.command.Reports;
import io.github.planetscaleci.action.command.Session;
import io.github.planetscaleci.action.github.Hub4jPullRequests;
import io.github.planetscaleci.action.github.PullRequests;
import io.github.planetscaleci.core.event.WorkflowListener;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.workflow.DeployMode;
import io.github.planetscaleci.core.workflow.DeployRequestOutcome;
import java.util.Map;
import java.util.OptionalInt;

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
    try (Session session = Session.open(options, listener, "github-action")) {
      DeployRequestOutcome outcome =
          DeployRequestCommand.run(options, session, branch, mode, notes());
      String report = Reports.deployRequest(session.database(), outcome);
      runner.finish(new CommandResult(DeployRequestCommand.outputs(outcome), report, null));
      comment(session.database(), report);
    }
    return 0;
  }

  private DeployMode mode() {
    return switch (options.deployPolicy()) {
      case ALWAYS -> DeployMode.DEPLOY;
      case NEVER -> DeployMode.PREVIEW;
      case AUTO -> event.isMerge() ? DeployMode.DEPLOY : DeployMode.PREVIEW;
    };
  }

  private String notes() {
    String server = env.getOrDefault("GITHUB_SERVER_URL", "https://github.com");
    return "Opened by planetscale-ci for "
        + event.describe()
        + (event.repository().isEmpty() || event.runId().isEmpty()
            ? ""
            : ": " + server + "/" + event.repository() + "/actions/runs/" + event.runId());
  }

  /** Comment failures are warnings: the schema work is done and reported in the summary. */
  private void comment(DatabaseRef db, String report) {
    if (!options.flag(Option.COMMENT)) {
      return;
    }
    String token = options.get(Option.GITHUB_TOKEN);
    if (token == null) {
      log.warning("No github-token: the pull request comment is skipped.");
      return;
    }
    try {
      PullRequests prs =
          Hub4jPullRequests.connect(
              env.getOrDefault("GITHUB_API_URL", "https://api.github.com"),
              token,
              event.repository());
      int number = event.pullRequest();
      if (number == 0 && event.isPushToDefaultBranch() && !event.sha().isEmpty()) {
        OptionalInt merged = prs.mergedPullRequestFor(event.sha());
        if (merged.isEmpty()) {
          log.log("no merged pull request introduced " + event.sha() + "; no comment.");
          return;
        }
        number = merged.getAsInt();
      }
      if (number == 0) {
        return;
      }
      boolean changed = prs.upsertComment(number, Reports.marker(db), report);
      log.log(
          changed
              ? "pull request #" + number + " comment updated"
              : "pull request #" + number + " comment already up to date");
    } catch (RuntimeException e) {
      log.warning(
          "Could not comment on the pull request ("
              + e.getMessage()
              + "). Grant `pull-requests: write` in the workflow's permissions block.");
    }
  }
}
