package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.event.WorkflowListener;
import java.util.Objects;

/**
 * The entry point wrappers call: every workflow over one client, reporting to one listener.
 *
 * <p>Methods throw {@link io.github.planetscaleci.core.error.PlanetScaleCiException} subclasses and
 * leave nothing half-done behind.
 */
public final class Workflows {
  private final PlanetScaleClient client;
  private final WorkflowListener listener;

  public Workflows(PlanetScaleClient client, WorkflowListener listener) {
    this.client = Objects.requireNonNull(client, "client");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Creates or reuses the branch, waits until ready, issues and verifies credentials. */
  public OpenedBranch openBranch(OpenBranchRequest request) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Deletes the passwords the lease names, then the branch if the options allow. */
  public CloseOutcome closeBranch(BranchLease lease, CloseOptions options) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Opens (or reuses) a deploy request, waits for the diff, then previews or deploys. */
  public DeployRequestOutcome deployRequest(DeployRequestOptions options) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Deletes this tool's stale branches (or lists them in a dry run). */
  public SweepResult sweep(SweepOptions options) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
