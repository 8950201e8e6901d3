package io.github.planetscaleci.action.runner;

import io.github.planetscaleci.core.event.WorkflowEvent;
import io.github.planetscaleci.core.event.WorkflowListener;
import io.github.planetscaleci.core.workflow.BranchLease;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps the lease of the branch being opened up to date as core reports what it created, and saves
 * each version at once: a main step killed right after a create (a cancel past its grace period, a
 * runner that lost the machine) still leaves the post step the branch and the password ids to
 * delete.
 */
final class LeaseRecorder {
  private final Consumer<BranchLease> save;
  private BranchLease lease;

  /** Starts from {@code initial} (the provisional lease) and saves it. */
  LeaseRecorder(BranchLease initial, Consumer<BranchLease> save) {
    this.save = save;
    this.lease = initial;
    save.accept(initial);
  }

  /** The latest lease. */
  synchronized BranchLease current() {
    return lease;
  }

  /** {@code inner}, with the {@link WorkflowEvent.Created} events of this branch recorded first. */
  WorkflowListener around(WorkflowListener inner) {
    return event -> {
      if (event instanceof WorkflowEvent.Created c) {
        try {
          record(c);
        } catch (RuntimeException e) {
          // Core ignores a throwing listener; say what the post step may now miss.
          inner.onEvent(
              new WorkflowEvent.Warning(
                  "could not record the created "
                      + c.resource().name().toLowerCase(java.util.Locale.ROOT)
                      + " for the cleanup at job end: "
                      + e.getMessage()));
        }
      }
      inner.onEvent(event);
    };
  }

  /** Adds a created branch or password of this lease's branch and saves the result. */
  synchronized void record(WorkflowEvent.Created c) {
    if (!lease.database().organization().equals(c.organization())
        || !lease.database().database().equals(c.database())
        || !lease.branch().equals(c.branch())) {
      return;
    }
    BranchLease next =
        switch (c.resource()) {
          case BRANCH -> lease.withCreated(true);
          case PASSWORD -> {
            if (lease.passwordIds().contains(c.id())) {
              yield lease;
            }
            List<String> ids = new ArrayList<>(lease.passwordIds());
            ids.add(c.id());
            yield lease.withPasswordIds(ids);
          }
          // Core closes a deploy request it opened when its run fails; a lease holds none.
          case DEPLOY_REQUEST -> lease;
        };
    if (!next.equals(lease)) {
      // Saved first: if the save fails, current() still differs from the final lease, so the
      // caller's closing save is not skipped.
      save.accept(next);
      lease = next;
    }
  }
}
