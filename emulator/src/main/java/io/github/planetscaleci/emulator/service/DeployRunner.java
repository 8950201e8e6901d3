package io.github.planetscaleci.emulator.service;

import io.github.planetscaleci.emulator.diff.SchemaOps.Diff;
import io.github.planetscaleci.emulator.diff.SchemaOps.Lint;
import io.github.planetscaleci.emulator.diff.SchemaOps.Snapshot;
import io.github.planetscaleci.emulator.store.BranchState;
import io.github.planetscaleci.emulator.store.DatabaseState;
import io.github.planetscaleci.emulator.store.DeployRequestState;
import io.github.planetscaleci.emulator.store.EmulatorState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The deployment state machine: validation, then a serial queue per target branch through which
 * each deploy moves step by step, one at a time, in the order they were queued.
 */
final class DeployRunner {
  private final Backend backend;
  private final EmulatorState state;
  private final Map<String, List<DeployRequestState>> lanes = new HashMap<>();
  private final Set<String> started = new HashSet<>();
  private final Consumer<DeployRequestState> onComplete;

  DeployRunner(Backend backend, Consumer<DeployRequestState> onComplete) {
    this.backend = backend;
    this.state = backend.state;
    this.onComplete = onComplete;
  }

  /** Computes diff and lint, then moves {@code pending} to ready, no_changes or error. */
  void validate(DatabaseState db, DeployRequestState dr) {
    backend.later(
        backend.settings.deployStepDelay(),
        () -> {
          Diff diff;
          try {
            diff = changes(db, dr);
          } catch (SQLException | ApiException e) {
            synchronized (state) {
              dr.deployCheckErrors = e.getMessage();
              dr.transition("error", Instant.now());
            }
            return;
          }
          // Only the tables this deploy creates or alters are judged: the target's other tables
          // passed lint when safe migrations were turned on.
          Set<String> touched = new HashSet<>();
          diff.tables().stream()
              .filter(t -> !t.kind().equals("DROPPED"))
              .forEach(t -> touched.add(t.table()));
          List<Lint> lint = diff.lint().stream().filter(l -> touched.contains(l.table())).toList();
          synchronized (state) {
            dr.diff = diff.tables();
            dr.operations = diff.operations();
            dr.lint = lint;
            String next = !lint.isEmpty() ? "error" : diff.isEmpty() ? "no_changes" : "ready";
            dr.transition(next, Instant.now());
          }
        });
  }

  /** The branch's own changes (since it was cloned) as DDL for the target. */
  private Diff changes(DatabaseState db, DeployRequestState dr) throws SQLException {
    BranchState source;
    BranchState target;
    synchronized (state) {
      source = db.branch(dr.branch);
      target = db.branch(dr.intoBranch);
    }
    if (source == null || target == null) {
      throw ApiException.unprocessable("Branch " + dr.branch + " no longer exists");
    }
    try (Connection c = backend.admin()) {
      Snapshot now = backend.schemaOps.snapshot(c, source.schema);
      Snapshot base =
          source.base != null ? source.base : backend.schemaOps.snapshot(c, target.schema);
      synchronized (state) {
        dr.deployedSource = now;
      }
      return backend.schemaOps.diff(base, now);
    }
  }

  /** Puts a deploy at the end of its target's queue. */
  void enqueue(DatabaseState db, DeployRequestState dr) {
    String lane = laneKey(db, dr);
    synchronized (state) {
      lanes.computeIfAbsent(lane, k -> new ArrayList<>()).add(dr);
      dr.queuedAt = Instant.now();
      dr.transition("queued", dr.queuedAt);
    }
    pump(db, lane);
  }

  /** Deploys ahead of this one in its target's queue. */
  List<DeployRequestState> preceding(DatabaseState db, DeployRequestState dr) {
    synchronized (state) {
      List<DeployRequestState> lane = lanes.getOrDefault(laneKey(db, dr), List.of());
      int index = lane.indexOf(dr);
      return index <= 0 ? List.of() : List.copyOf(lane.subList(0, index));
    }
  }

  private void pump(DatabaseState db, String lane) {
    DeployRequestState head;
    synchronized (state) {
      List<DeployRequestState> queue = lanes.getOrDefault(lane, List.of());
      if (queue.isEmpty() || started.contains(queue.get(0).id)) {
        return;
      }
      head = queue.get(0);
      started.add(head.id);
    }
    step(
        head,
        "queued",
        () -> {
          move(head, "submitting", () -> head.submittedAt = Instant.now());
          step(head, "submitting", () -> start(db, head));
        });
  }

  private void start(DatabaseState db, DeployRequestState dr) {
    synchronized (state) {
      if (!dr.deploymentState.equals("submitting")) {
        return;
      }
      dr.startedAt = Instant.now();
      dr.transition("in_progress", dr.startedAt);
      dr.operationsState = "in_progress";
    }
    try {
      Diff diff = changes(db, dr);
      BranchState target;
      synchronized (state) {
        target = db.branch(dr.intoBranch);
      }
      try (Connection c = backend.admin()) {
        Snapshot before = backend.schemaOps.snapshot(c, target.schema);
        synchronized (state) {
          dr.targetBefore = before;
          dr.diff = diff.tables();
          dr.operations = diff.operations();
        }
      }
    } catch (SQLException | ApiException | NullPointerException e) {
      fail(db, dr, e.getMessage());
      return;
    }
    step(
        dr,
        "in_progress",
        () -> {
          if (dr.autoCutover) {
            cutover(db, dr);
          } else {
            move(dr, "pending_cutover", () -> dr.readyToCutoverAt = Instant.now());
          }
        });
  }

  /** Starts the cutover of a deploy that is in_progress or waiting in pending_cutover. */
  void cutover(DatabaseState db, DeployRequestState dr) {
    synchronized (state) {
      if (dr.readyToCutoverAt == null) {
        dr.readyToCutoverAt = Instant.now();
      }
      dr.transition("in_progress_cutover", Instant.now());
    }
    step(dr, "in_progress_cutover", () -> applyToTarget(db, dr));
  }

  private void applyToTarget(DatabaseState db, DeployRequestState dr) {
    BranchState target;
    synchronized (state) {
      target = db.branch(dr.intoBranch);
    }
    try (Connection c = backend.admin()) {
      backend.schemaOps.apply(c, target.schema, dr.operations);
    } catch (SQLException | NullPointerException e) {
      fail(db, dr, e.getMessage());
      return;
    }
    boolean instant;
    synchronized (state) {
      Instant now = Instant.now();
      dr.operationsState = "complete";
      dr.cutoverAt = now;
      dr.deployedAt = now;
      dr.finishedAt = now;
      target.schemaLastUpdatedAt = now;
      BranchState source = db.branch(dr.branch);
      if (source != null && dr.deployedSource != null) {
        // Later deploy requests from this branch carry only what changed after this one.
        source.base = dr.deployedSource;
      }
      instant = dr.instantDdl;
      dr.revertWindowEndsAt = instant ? null : now.plus(backend.settings.revertWindow());
      dr.transition("complete_pending_revert", now);
    }
    if (instant) {
      complete(db, dr);
    } else {
      backend.later(
          backend.settings.revertWindow(),
          () -> {
            synchronized (state) {
              if (!dr.deploymentState.equals("complete_pending_revert")) {
                return;
              }
            }
            complete(db, dr);
          });
    }
  }

  /** Ends the revert window: the deploy is final and the queue moves on. */
  void complete(DatabaseState db, DeployRequestState dr) {
    synchronized (state) {
      Instant now = Instant.now();
      dr.revertWindowEndsAt = null;
      dr.transition("complete", now);
      dr.state = "closed";
      dr.closedAt = now;
    }
    leaveQueue(db, dr);
    onComplete.accept(dr);
  }

  /** Reverts a deploy in its revert window; the deploy request is closed afterwards. */
  void revert(DatabaseState db, DeployRequestState dr) {
    move(dr, "in_progress_revert", () -> {});
    step(
        dr,
        "in_progress_revert",
        () -> {
          BranchState target;
          synchronized (state) {
            target = db.branch(dr.intoBranch);
          }
          try (Connection c = backend.admin()) {
            Snapshot now = backend.schemaOps.snapshot(c, target.schema);
            backend.schemaOps.apply(
                c, target.schema, backend.schemaOps.diff(now, dr.targetBefore).operations());
          } catch (SQLException | NullPointerException e) {
            move(dr, "complete_revert_error", () -> dr.deployCheckErrors = e.getMessage());
            leaveQueue(db, dr);
            return;
          }
          move(
              dr,
              "complete_revert",
              () -> {
                dr.state = "closed";
                dr.closedAt = Instant.now();
              });
          leaveQueue(db, dr);
        });
  }

  /** Cancels a deploy that has not cut over; a queued one that never started ends at once. */
  void cancel(DatabaseState db, DeployRequestState dr) {
    boolean notStarted;
    synchronized (state) {
      notStarted = !started.contains(dr.id);
    }
    if (notStarted) {
      move(dr, "complete_cancel", () -> {});
      leaveQueue(db, dr);
      return;
    }
    move(dr, "in_progress_cancel", () -> {});
    step(
        dr,
        "in_progress_cancel",
        () -> {
          move(dr, "complete_cancel", () -> dr.operationsState = "cancelled");
          leaveQueue(db, dr);
        });
  }

  private void fail(DatabaseState db, DeployRequestState dr, String message) {
    move(
        dr,
        "complete_error",
        () -> {
          dr.deployCheckErrors = message;
          dr.operationsState = "error";
          dr.finishedAt = Instant.now();
        });
    leaveQueue(db, dr);
  }

  private void leaveQueue(DatabaseState db, DeployRequestState dr) {
    String lane = laneKey(db, dr);
    synchronized (state) {
      lanes.getOrDefault(lane, new ArrayList<>()).remove(dr);
      started.remove(dr.id);
    }
    pump(db, lane);
  }

  /** After one step delay, runs {@code action} if the deploy is still in {@code expected}. */
  private void step(DeployRequestState dr, String expected, Runnable action) {
    backend.later(
        backend.settings.deployStepDelay(),
        () -> {
          synchronized (state) {
            if (!dr.deploymentState.equals(expected)) {
              return;
            }
          }
          action.run();
        });
  }

  private void move(DeployRequestState dr, String newState, Runnable stamp) {
    synchronized (state) {
      stamp.run();
      dr.transition(newState, Instant.now());
    }
  }

  private static String laneKey(DatabaseState db, DeployRequestState dr) {
    return db.key() + "\u0000" + dr.intoBranch;
  }
}
