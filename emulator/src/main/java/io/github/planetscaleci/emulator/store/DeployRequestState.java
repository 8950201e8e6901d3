package io.github.planetscaleci.emulator.store;

import io.github.planetscaleci.emulator.diff.SchemaOps.Ddl;
import io.github.planetscaleci.emulator.diff.SchemaOps.Lint;
import io.github.planetscaleci.emulator.diff.SchemaOps.Snapshot;
import io.github.planetscaleci.emulator.diff.SchemaOps.TableDiff;
import java.time.Instant;
import java.util.List;

/** One deploy request with its single deployment; guarded by the EmulatorState lock. */
public final class DeployRequestState {
  public final String id;
  public final int number;
  public final String branch;
  public final String branchId;
  public final String intoBranch;
  public final String notes;
  public final Instant createdAt;
  public Instant updatedAt;
  public String state = "open";
  public Instant closedAt;
  public Instant deployedAt;
  public boolean branchDeleted;
  public Instant branchDeletedAt;

  // The deployment (one per deploy request, as in the real API).
  public final String deploymentId;
  public String deploymentState = "pending";
  public boolean autoCutover;
  public boolean autoDeleteBranch;
  public boolean instantDdl;
  public Instant deploymentUpdatedAt;
  public Instant queuedAt;
  public Instant submittedAt;
  public Instant startedAt;
  public Instant readyToCutoverAt;
  public Instant cutoverAt;
  public Instant finishedAt;
  public Instant revertWindowEndsAt;
  public String deployCheckErrors;
  public List<TableDiff> diff = List.of();
  public List<Ddl> operations = List.of();
  public String operationsState = "pending";
  public List<Lint> lint = List.of();

  /** Schemas captured when the deploy ran: what was deployed, and the target before it. */
  public Snapshot deployedSource;

  public Snapshot targetBefore;

  public DeployRequestState(
      String id,
      int number,
      String branch,
      String branchId,
      String intoBranch,
      String notes,
      String deploymentId,
      Instant createdAt) {
    this.id = id;
    this.number = number;
    this.branch = branch;
    this.branchId = branchId;
    this.intoBranch = intoBranch;
    this.notes = notes;
    this.deploymentId = deploymentId;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
    this.deploymentUpdatedAt = createdAt;
  }

  /** Moves the deployment to a new state and stamps both update times. */
  public void transition(String newState, Instant now) {
    deploymentState = newState;
    deploymentUpdatedAt = now;
    updatedAt = now;
  }

  /** True while the deploy occupies its target's queue. */
  public boolean inQueue() {
    return switch (deploymentState) {
      case "queued",
          "submitting",
          "in_progress",
          "pending_cutover",
          "in_progress_cutover",
          "in_progress_cancel",
          "complete_pending_revert",
          "in_progress_revert" ->
          true;
      default -> false;
    };
  }
}
