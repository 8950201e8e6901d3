package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.event.WorkflowEvent;
import io.github.planetscaleci.core.event.WorkflowListener;
import io.github.planetscaleci.core.model.DatabaseRef;

/** Sends events to the caller's listener; a listener that throws never breaks a workflow. */
final class Events {
  private final WorkflowListener listener;

  Events(WorkflowListener listener) {
    this.listener = listener;
  }

  void progress(String step, String message) {
    emit(new WorkflowEvent.Progress(step, message));
  }

  void info(String message) {
    emit(new WorkflowEvent.Info(message));
  }

  void warning(String message) {
    emit(new WorkflowEvent.Warning(message));
  }

  /** Tells the host to mask {@code secret}; emitted before anything could show it. */
  void mask(String secret) {
    if (secret != null && !secret.isEmpty()) {
      emit(new WorkflowEvent.MaskSecret(secret));
    }
  }

  /** Reports a resource this run made, as soon as the API confirmed it. */
  void created(WorkflowEvent.CreatedResource resource, DatabaseRef db, String branch, String id) {
    emit(new WorkflowEvent.Created(resource, db.organization(), db.database(), branch, id));
  }

  /** Reports the target a deploy request from {@code branch} goes into. */
  void deployTarget(DatabaseRef db, String branch, String into) {
    emit(new WorkflowEvent.DeployTarget(db.organization(), db.database(), branch, into));
  }

  private void emit(WorkflowEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException ignored) {
      // The listener contract says it must not throw; if it does, the workflow still goes on,
      // because leaving a branch half-open is worse than a lost log line.
    }
  }
}
