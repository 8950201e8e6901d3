package io.github.planetscaleci.jenkins;

import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.planetscaleci.core.client.Credentials.ServiceToken;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.github.GitHubSettings;
import io.github.planetscaleci.core.github.PullRequestReporter;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.report.MarkdownReport;
import io.github.planetscaleci.core.report.ReportContext;
import io.github.planetscaleci.core.report.TextReport;
import io.github.planetscaleci.core.workflow.DeployRequestOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code planetscaleDeployRequest} off the CPS thread: core's deploy-request workflow, the
 * report into the log and the build page, and the optional pull-request comment. A controller
 * restart while it runs fails the step (wrap it in {@code retry(conditions: [nonresumable()])}).
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

    DeployRequestOutcome outcome;
    try (PlanetScaleClient client = Connections.client(s.apiUrl, token)) {
      outcome = Connections.workflows(client, log).deployRequest(s.options(step));
    } catch (PlanetScaleCiException e) {
      throw Failures.abort(e);
    }
    ReportContext report = new ReportContext(s.databaseRef(), host.runUrl(run), null);
    String text = TextReport.deployRequest(report, outcome);
    log.println(text);
    run.addAction(new DeployRequestSummaryAction(text));
    if (s.gitHub != null) {
      comment(run, host, s.gitHub, report, outcome, log);
    }
    return result(s, outcome);
  }

  private static void comment(
      Run<?, ?> run,
      Host host,
      DeploySettings.GitHubTarget target,
      ReportContext report,
      DeployRequestOutcome outcome,
      BuildLog log)
      throws Exception {
    if (target.pullRequest() <= 0) {
      log.println("No pull request number (CHANGE_ID is unset): no GitHub comment posted.");
      return;
    }
    String token = host.gitHubToken(run, target.credentialsId());
    log.mask(token);
    try {
      new PullRequestReporter(GitHubSettings.of(target.apiUrl(), token, target.repository()))
          .upsertComment(
              target.pullRequest(),
              MarkdownReport.markerFor(report, outcome),
              MarkdownReport.pullRequestComment(report, outcome));
      log.println(
          "Commented on " + target.repository() + " pull request #" + target.pullRequest() + ".");
    } catch (PlanetScaleCiException e) {
      // The deploy request itself succeeded; a failed comment must not fail the build.
      log.println("WARNING: the pull request comment failed: " + e.getMessage());
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
