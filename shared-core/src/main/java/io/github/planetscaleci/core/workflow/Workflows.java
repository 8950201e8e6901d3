package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.event.WorkflowListener;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Random;

/**
 * The entry point wrappers call: every workflow over one client, reporting to one listener.
 *
 * <p>Methods throw {@link io.github.planetscaleci.core.error.PlanetScaleCiException} subclasses and
 * leave nothing half-done behind.
 */
public final class Workflows {
  private final PlanetScaleClient client;
  private final Events events;
  private final WaitClock clock;
  private final Poller poller;
  private final Random random;

  public Workflows(PlanetScaleClient client, WorkflowListener listener) {
    this(client, listener, WaitClock.SYSTEM, new SecureRandom());
  }

  /** For tests: a fake clock (no real waiting) and a seeded random source. */
  Workflows(PlanetScaleClient client, WorkflowListener listener, WaitClock clock, Random random) {
    this.client = Objects.requireNonNull(client, "client");
    this.events = new Events(Objects.requireNonNull(listener, "listener"));
    this.clock = clock;
    this.random = random;
    this.poller = new Poller(clock, random, events);
  }

  /** Creates or reuses the branch, waits until ready, issues and verifies credentials. */
  public OpenedBranch openBranch(OpenBranchRequest request) {
    Objects.requireNonNull(request, "request");
    PasswordIssuer issuer = new PasswordIssuer(client, events, random);
    return new OpenBranchFlow(client, events, poller, issuer).run(request);
  }

  /** Deletes the passwords the lease names, then the branch if the options allow. */
  public CloseOutcome closeBranch(BranchLease lease, CloseOptions options) {
    return new CloseBranchFlow(client, events).run(lease, options);
  }

  /** Opens (or reuses) a deploy request, waits for the diff, then previews or deploys. */
  public DeployRequestOutcome deployRequest(DeployRequestOptions options) {
    Objects.requireNonNull(options, "options");
    return new DeployRequestFlow(client, events, poller).run(options);
  }

  /** Deletes this tool's stale branches (or lists them in a dry run). */
  public SweepResult sweep(SweepOptions options) {
    Objects.requireNonNull(options, "options");
    return new SweepFlow(client, events, clock).run(options);
  }
}
