package io.github.planetscaleci.jenkins;

import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.planetscaleci.core.client.Credentials.ServiceToken;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.event.DeployTargetRecorder;
import io.github.planetscaleci.core.event.WorkflowEvent;
import io.github.planetscaleci.core.event.WorkflowListener;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.report.MarkdownReport;
import io.github.planetscaleci.core.report.ReportContext;
import io.github.planetscaleci.core.report.TextReport;
import io.github.planetscaleci.core.workflow.DeployMode;
import io.github.planetscaleci.core.workflow.DeployRequestOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code planetscaleDeployRequest} off the CPS thread: core's deploy-request workflow, the
 * report into the log and the build page, and the optional pull-request comment; a refused or
 * failed request is reported the same way before the step fails. A controller restart while it runs
 * fails the step (wrap it in {@code retry(conditions: [nonresumable()])}).
 */
final class DeployRequestExecution
    extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
  private static final long serialVersionUID = 1L;

  private final transient PlanetScaleDeployRequestStep step;

  DeployRequestExecution(StepContext context, PlanetScaleDeployRequestStep step) {
    super(context);
    this.step = step;
  }

  @Override
  protected Map<String, Object> run() throws Exception {
    StepContext context = getContext();
    Run<?, ?> run = context.get(Run.class);
    BuildLog log = new BuildLog(context.get(TaskListener.class).getLogger());
    Host host = Host.current();
    DeploySettings s =
        DeploySettings.of(
            step, context.get(ActiveBranch.class), host.defaults(), context.get(EnvVars.class));
    ServiceToken token = host.serviceToken(run, s.credentialsId);
    log.mask(token.secret());
    ReportContext report = new ReportContext(s.databaseRef(), host.runUrl(run), null);
    PullRequestComment comment = new PullRequestComment(run, host, s.gitHub, log);

    List<String> previews = new CopyOnWriteArrayList<>();
    DeployRequestOutcome outcome;
    DeployTargetRecorder target =
        new DeployTargetRecorder(recordingPreviews(run, s, previews, log));
    try (PlanetScaleClient client = Connections.client(s.apiUrl, token)) {
      try {
        outcome = Connections.workflows(client, target).deployRequest(s.options(step));
      } catch (PlanetScaleCiException e) {
        // No `finally`: only a step that ran to its end settles its previews; after a hard kill
        // they stay recorded for the safety net.
        settle(run, previews);
        reportFailure(run, target.intoBranch(s.into), s, report, comment, log, e);
        throw Failures.abort(e);
      }
    }
    settle(run, previews);
    String text = log.masked(TextReport.deployRequest(report, outcome));
    log.println(text);
    run.addAction(new DeployRequestSummaryAction(text));
    comment.post(
        MarkdownReport.markerFor(report, outcome),
        log.masked(MarkdownReport.pullRequestComment(report, outcome)));
    return result(s, outcome);
  }

  /**
   * Reports a refused or failed request as the success path reports an outcome: log, build page and
   * pull-request comment. Never throws, so the step fails with the workflow's own error.
   */
  private void reportFailure(
      Run<?, ?> run,
      String into,
      DeploySettings s,
      ReportContext report,
      PullRequestComment comment,
      BuildLog log,
      PlanetScaleCiException e) {
    String text = log.masked(DeployFailureReport.text(report, s.branch, into, e));
    log.println(text);
    run.addAction(new DeployRequestSummaryAction(text));
    if (into == null) {
      comment.skip("the run failed before the target branch of its deploy request was known");
      return;
    }
    try {
      comment.post(
          MarkdownReport.markerFor(report, into),
          log.masked(MarkdownReport.pullRequestFailureComment(report, mode(), s.branch, into, e)));
    } catch (Exception x) {
      log.println("WARNING: no pull request comment: " + x.getMessage());
    }
  }

  /**
   * A preview that closes its request records each request it opens on the build at once, so that
   * the {@link SafetyNet} closes it if the build is killed before the preview does.
   */
  private WorkflowListener recordingPreviews(
      Run<?, ?> run, DeploySettings s, List<String> recorded, BuildLog log) {
    if (step.isDeploy() || step.isKeepOpen()) {
      return log;
    }
    PreviewRequestsAction action = PreviewRequestsAction.of(run);
    return new CreatedRecorder(
        s.databaseRef(),
        s.branch,
        c -> {
          if (c.resource() == WorkflowEvent.CreatedResource.DEPLOY_REQUEST) {
            PreviewRequestsAction.Request r =
                new PreviewRequestsAction.Request(
                    s.organization,
                    s.database,
                    s.branch,
                    Integer.parseInt(c.id()),
                    s.apiUrl,
                    s.credentialsId);
            recorded.add(action.opened(run, r).id);
          }
        },
        log);
  }

  private DeployMode mode() {
    return step.isDeploy() ? DeployMode.DEPLOY : DeployMode.PREVIEW;
  }

  private static void settle(Run<?, ?> run, List<String> previews) {
    for (String id : previews) {
      PreviewRequestsAction.of(run).settled(run, id);
    }
  }

  private static Map<String, Object> result(DeploySettings s, DeployRequestOutcome o) {
    DeployRequest r = o.request();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", r == null ? null : r.number());
    m.put("url", r == null ? null : r.htmlUrl());
    m.put("state", o.finalState() == null ? null : o.finalState().apiValue());
    m.put("canDropData", o.canDropData());
    m.put("deployed", o.deployed());
    m.put("noChanges", o.noChanges());
    m.put("branch", s.branch);
    m.put("into", r == null ? s.into : r.intoBranch());
    return m;
  }
}
