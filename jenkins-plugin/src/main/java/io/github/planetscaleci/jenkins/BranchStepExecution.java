package io.github.planetscaleci.jenkins;

import hudson.AbortException;
import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.planetscaleci.core.client.Credentials.ServiceToken;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.naming.BranchName;
import io.github.planetscaleci.core.naming.BranchNames;
import io.github.planetscaleci.core.report.ReportContext;
import io.github.planetscaleci.core.report.TextReport;
import io.github.planetscaleci.core.workflow.BranchConnection;
import io.github.planetscaleci.core.workflow.OpenedBranch;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code withPlanetScaleBranch}: opens the branch off the CPS thread, runs the body with its
 * environment and a masking filter, and closes the branch in a tail call off the CPS thread.
 *
 * <p>The lease is saved on the build before the first API call and again as core reports each
 * branch and password it created, so {@link SafetyNet} can close it when this execution cannot
 * (hard kill, abort during setup, a restart while setup was running).
 */
final class BranchStepExecution extends GeneralNonBlockingStepExecution {
  private static final long serialVersionUID = 1L;

  private final BranchSettings settings;
  private volatile String leaseId;
  private transient volatile boolean stopRequested;

  BranchStepExecution(StepContext context, BranchSettings settings) {
    super(context);
    this.settings = settings;
  }

  @Override
  public boolean start() {
    run(this::doStart);
    return false;
  }

  private void doStart() throws Exception {
    StepContext context = getContext();
    Run<?, ?> run = context.get(Run.class);
    BuildLog log = new BuildLog(context.get(TaskListener.class).getLogger());
    ServiceToken token = Host.current().serviceToken(run, settings.credentialsId);
    log.mask(token.secret());

    BranchName name;
    try {
      name =
          settings.branch != null
              ? BranchNames.userGiven(settings.branch)
              : BranchNames.forJenkins(run.getParent().getFullName(), run.getNumber());
    } catch (PlanetScaleCiException e) {
      throw Failures.abort(e);
    }
    // core's open flow logs the mapping (name.logLine()) itself

    BranchLeasesAction leases = BranchLeasesAction.of(run);
    leaseId =
        leases.opening(
                run,
                new BranchLeasesAction.Lease(
                    settings.organization,
                    settings.database,
                    name.name(),
                    settings.branch == null,
                    settings.apiUrl,
                    settings.credentialsId,
                    settings.keepBranch))
            .id;
    context.saveState();

    OpenedBranch opened;
    try (PlanetScaleClient client = Connections.client(settings.apiUrl, token)) {
      // Each branch and password is recorded on the build the moment the API confirms it.
      opened =
          Connections.workflows(
                  client,
                  CreatedRecorder.forLease(run, leaseId, settings.databaseRef(), name.name(), log))
              .openBranch(settings.request(name.name(), name.ciDescription()));
    } catch (PlanetScaleCiException e) {
      if (settings.keepBranch) {
        leases.closed(run, leaseId); // kept on purpose for debugging; the sweep removes it later
      }
      throw Failures.abort(e);
    }
    if (!leases.opened(run, leaseId, opened.lease()) || stopRequested) {
      // The build ended or the step was stopped while the branch was opening (a socket read an
      // interrupt could not break): no body will run, so no tail call will clean up. Do it now.
      LeaseCloser.close(run, leaseId, context.get(TaskListener.class).getLogger());
      throw new AbortException(
          Failures.prefix("stopped")
              + "the build was stopped while branch "
              + name.name()
              + " was opening; it was closed again");
    }
    log.println(TextReport.openedBranch(ReportContext.of(settings.databaseRef()), opened));

    BranchConnection c = opened.connection();
    ActiveBranch active =
        new ActiveBranch(
            settings.organization,
            settings.database,
            name.name(),
            settings.credentialsId,
            settings.apiUrl);
    context
        .newBodyInvoker()
        .withContexts(
            EnvironmentExpander.merge(
                context.get(EnvironmentExpander.class),
                BranchEnvironment.of(settings.envPrefix, opened)),
            BodyInvoker.mergeConsoleLogFilters(
                context.get(ConsoleLogFilter.class),
                new MaskingConsoleFilter(
                    List.of(c.password(), c.mysqlUrl(), token.secret()), run.getCharset())),
            active)
        .withCallback(new Cleanup())
        .start();
  }

  @Override
  public void stop(Throwable cause) throws Exception {
    stopRequested = true;
    super.stop(cause);
  }

  @Override
  public String getStatus() {
    String base = super.getStatus();
    return leaseId == null ? base : base + "; branch recorded on the build";
  }

  /** Closes the branch once the body ends, however it ends; runs off the CPS thread. */
  private final class Cleanup extends TailCall {
    private static final long serialVersionUID = 1L;

    @Override
    protected void finished(StepContext context) throws Exception {
      Run<?, ?> run = context.get(Run.class);
      TaskListener listener = context.get(TaskListener.class);
      LeaseCloser.close(run, leaseId, listener.getLogger());
    }
  }
}
