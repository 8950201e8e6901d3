package io.github.planetscaleci.jenkins;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.planetscaleci.core.client.Credentials.ServiceToken;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.report.ReportContext;
import io.github.planetscaleci.core.report.TextReport;
import io.github.planetscaleci.core.workflow.SweepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code planetscaleSweep} off the CPS thread; returns deleted, kept, closedRequests and
 * dryRun.
 */
final class SweepExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
  private static final long serialVersionUID = 1L;

  private final SweepSettings settings;

  SweepExecution(StepContext context, SweepSettings settings) {
    super(context);
    this.settings = settings;
  }

  @Override
  protected Map<String, Object> run() throws Exception {
    Run<?, ?> run = getContext().get(Run.class);
    BuildLog log = new BuildLog(getContext().get(TaskListener.class).getLogger());
    ServiceToken token = Host.current().serviceToken(run, settings.credentialsId);
    log.mask(token.secret());
    SweepResult result;
    try (PlanetScaleClient client = Connections.client(settings.apiUrl, token)) {
      result = Connections.workflows(client, log).sweep(settings.options());
    } catch (PlanetScaleCiException e) {
      throw Failures.abort(e);
    }
    DatabaseRef db = new DatabaseRef(settings.organization, settings.database);
    log.println(TextReport.sweep(ReportContext.of(db), result));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("deleted", new ArrayList<>(result.deleted()));
    m.put("kept", new ArrayList<>(result.kept()));
    m.put("closedRequests", new ArrayList<>(result.closedRequests()));
    m.put("dryRun", result.dryRun());
    return m;
  }
}
