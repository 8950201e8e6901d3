package io.github.planetscaleci.jenkins;

import hudson.model.Run;
import io.github.planetscaleci.core.event.WorkflowEvent;
import io.github.planetscaleci.core.event.WorkflowListener;
import io.github.planetscaleci.core.model.DatabaseRef;
import java.util.function.Consumer;

/**
 * Hands each resource core reports as created ({@link WorkflowEvent.Created}) on one branch to a
 * recorder that saves it on the build, before the event goes on to the log: a hard kill right after
 * the API call still leaves a record the {@link SafetyNet} can act on.
 */
final class CreatedRecorder implements WorkflowListener {
  private final DatabaseRef database;
  private final String branch;
  private final Consumer<WorkflowEvent.Created> record;
  private final WorkflowListener next;

  CreatedRecorder(
      DatabaseRef database,
      String branch,
      Consumer<WorkflowEvent.Created> record,
      WorkflowListener next) {
    this.database = database;
    this.branch = branch;
    this.record = record;
    this.next = next;
  }

  /** Records the branch (created by this build) and its passwords on lease {@code leaseId}. */
  static CreatedRecorder forLease(
      Run<?, ?> run, String leaseId, DatabaseRef database, String branch, WorkflowListener next) {
    BranchLeasesAction leases = BranchLeasesAction.of(run);
    return new CreatedRecorder(
        database,
        branch,
        c -> {
          switch (c.resource()) {
            case BRANCH -> {
              if (branch.equals(c.id())) {
                leases.branchCreated(run, leaseId);
              }
            }
            case PASSWORD -> leases.passwordCreated(run, leaseId, c.id());
            default -> {
              // deploy requests of a branch are the deploy step's business
            }
          }
        },
        next);
  }

  @Override
  public void onEvent(WorkflowEvent event) {
    if (event instanceof WorkflowEvent.Created c
        && database.organization().equals(c.organization())
        && database.database().equals(c.database())
        && branch.equals(c.branch())) {
      record.accept(c);
    }
    next.onEvent(event);
  }
}
