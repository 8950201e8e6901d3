package io.github.planetscaleci.jenkins;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes every branch and preview deploy request a finished build still has recorded as open: after
 * a hard kill, an abort or failure during setup, or a restart that could not resume the step. The
 * block's own cleanup normally gets there first, leaving nothing for this listener to do.
 *
 * <p>{@code onCompleted} runs inside the build's finish, so the API calls go to a background thread
 * and their outcome to the Jenkins system log.
 */
@Extension
public final class SafetyNet extends RunListener<Run<?, ?>> {
  private static final Logger LOGGER = Logger.getLogger(SafetyNet.class.getName());
  private static final ExecutorService EXECUTOR =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "planetscale-ci safety net");
            t.setDaemon(true);
            return t;
          });

  @Override
  public void onCompleted(Run<?, ?> run, TaskListener listener) {
    closeLeftovers(run, listener);
  }

  /**
   * Schedules the close of every unsettled preview request and every unclosed lease of {@code run};
   * null when there is none.
   */
  Future<?> closeLeftovers(Run<?, ?> run, TaskListener listener) {
    BranchLeasesAction action = run.getAction(BranchLeasesAction.class);
    List<BranchLeasesAction.Lease> open = action == null ? List.of() : action.unclosed();
    PreviewRequestsAction previews = run.getAction(PreviewRequestsAction.class);
    List<PreviewRequestsAction.Request> requests =
        previews == null ? List.of() : previews.unsettled();
    if (open.isEmpty() && requests.isEmpty()) {
      return null;
    }
    for (PreviewRequestsAction.Request r : requests) {
      listener.getLogger().println("[planetscale] closing " + r + " left open by this build");
    }
    for (BranchLeasesAction.Lease l : open) {
      listener.getLogger().println("[planetscale] closing " + l + " left open by this build");
    }
    return EXECUTOR.submit(() -> closeAll(run, requests, open));
  }

  private static void closeAll(
      Run<?, ?> run,
      List<PreviewRequestsAction.Request> requests,
      List<BranchLeasesAction.Lease> leases) {
    PrintStream log = new PrintStream(new JulStream(LOGGER), true, StandardCharsets.UTF_8);
    // Requests first: each belongs to a branch that the leases below may delete.
    for (PreviewRequestsAction.Request r : requests) {
      try {
        LeaseCloser.closePreview(run, r, log);
      } catch (Exception e) {
        LOGGER.log(
            Level.WARNING,
            "could not close PlanetScale " + r + " of " + run + ": " + e.getMessage(),
            e instanceof AbortException ? null : e);
      }
    }
    for (BranchLeasesAction.Lease l : leases) {
      try {
        LeaseCloser.close(run, l.id, log);
      } catch (Exception e) {
        LOGGER.log(
            Level.WARNING,
            "could not close PlanetScale "
                + l
                + " of "
                + run
                + ": "
                + e.getMessage()
                + "; the sweep (planetscaleSweep) will remove it",
            e instanceof AbortException ? null : e);
      }
    }
  }
}
