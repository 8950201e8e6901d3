package io.github.planetscaleci.jenkins;

import hudson.AbortException;
import hudson.model.Run;
import io.github.planetscaleci.core.client.Credentials.ServiceToken;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.report.ReportContext;
import io.github.planetscaleci.core.report.TextReport;
import io.github.planetscaleci.core.workflow.CloseOptions;
import io.github.planetscaleci.core.workflow.CloseOutcome;
import java.io.PrintStream;

/**
 * Closes one recorded lease through core (passwords, then the branch unless kept) and marks it
 * closed; shared by the block's cleanup and the {@link SafetyNet}, which also closes the preview
 * requests a killed build left open.
 */
final class LeaseCloser {
  private LeaseCloser() {}

  static CloseOutcome close(Run<?, ?> run, String leaseId, PrintStream out) throws AbortException {
    BranchLeasesAction action = BranchLeasesAction.of(run);
    BranchLeasesAction.Lease lease = action.get(leaseId);
    if (lease.state == BranchLeasesAction.State.CLOSED) {
      return null;
    }
    BuildLog log = new BuildLog(out);
    ServiceToken token = Host.current().serviceToken(run, lease.credentialsId);
    log.mask(token.secret());
    try (PlanetScaleClient client = Connections.client(lease.apiUrl, token)) {
      CloseOutcome outcome =
          Connections.workflows(client, log)
              .closeBranch(lease.toCoreLease(), new CloseOptions(!lease.keepBranch, false));
      action.closed(run, leaseId);
      log.println(TextReport.closeBranch(ReportContext.of(lease.databaseRef()), outcome));
      return outcome;
    } catch (PlanetScaleCiException e) {
      throw Failures.abort(e);
    }
  }

  /** Closes a recorded preview request if it is still open, and marks it settled. */
  static void closePreview(Run<?, ?> run, PreviewRequestsAction.Request r, PrintStream out)
      throws AbortException {
    BuildLog log = new BuildLog(out);
    ServiceToken token = Host.current().serviceToken(run, r.credentialsId);
    log.mask(token.secret());
    try (PlanetScaleClient client = Connections.client(r.apiUrl, token)) {
      DeployRequest dr = client.deployRequests().get(r.databaseRef(), r.number);
      if (dr.isOpen()) {
        client.deployRequests().close(r.databaseRef(), r.number);
        log.println("closed " + r + ", opened by this build for a preview");
      }
      PreviewRequestsAction.of(run).settled(run, r.id);
    } catch (PlanetScaleCiException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        PreviewRequestsAction.of(run).settled(run, r.id);
        return;
      }
      throw Failures.abort(e);
    }
  }
}
